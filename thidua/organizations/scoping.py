"""Who sees what: every queryset filter and permission check about organisations starts here.

A RoleAssignment at a unit covers that unit and, with ``include_descendants``, its whole subtree;
with the materialised path a subtree is ``path__startswith``, so the filter stays one indexed scan.
"""
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.core.text import search_terms

from . import tree
from .search_keys import PersonKeys

ALL_ROLES = frozenset(Role.values)
# Portal editors and moderators work on the public site; they never need people's records.
PEOPLE_READERS = ALL_ROLES - {Role.PORTAL_EDITOR, Role.MODERATOR}
PEOPLE_EDITORS = frozenset({Role.SYSTEM_ADMIN, Role.EC_OFFICER, Role.UNIT_REPORTER})
NETWORK_EDITORS = frozenset({Role.SYSTEM_ADMIN, Role.EC_OFFICER})
CITIZEN_ID_READERS = frozenset({Role.SYSTEM_ADMIN, Role.EC_OFFICER, Role.APPRAISER})

_NOTHING = Q(pk__in=[])


def assignments(user):
    """The user's role assignments as (role, organization id, path, include_descendants), cached
    on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return ()
    cached = getattr(user, "_thidua_assignments", None)
    if cached is None:
        rows = user.role_assignments.values_list(
            "role", "organization_id", "organization__path", "include_descendants",
            "organization__name", "organization__short_name")
        cached = tuple(row[:4] for row in rows)
        user._thidua_assignments = cached
        user._thidua_assignment_names = {row[1]: row[4:] for row in rows}
    return cached


def assignment_unit_names(user):
    """{organization id: (name, short name)} of the units of ``assignments(user)``, read by the
    same query (the header names the acting unit without asking again)."""
    assignments(user)
    return getattr(user, "_thidua_assignment_names", {})


def organization_q(user, roles=ALL_ROLES, prefix=""):
    """A Q selecting the organisations (reached through ``prefix``) where ``user`` holds one of
    ``roles``."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Q()
    condition = _NOTHING
    for role, org_id, path, include_descendants in assignments(user):
        if role not in roles:
            continue
        if include_descendants:
            condition |= Q(**{f"{prefix}path__startswith": path})
        else:
            condition |= Q(**{f"{prefix}pk": org_id})
    return condition


def current_employment_q(prefix="", day=None):
    """Employments not ended before ``day`` (today by default)."""
    day = day or timezone.localdate()
    return Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day})


def person_q(user, employments, roles=PEOPLE_READERS, browsing=False):
    """People with a current employment (a row of ``employments``, the Employment manager: this
    module imports no model, so the models can import it) in a unit where ``user`` holds one of
    ``roles``.

    Where the database can test JSON containment (PostgreSQL), a subtree assignment reads the
    person's own ``unit_scope`` (see unit_scope.py) through the search keys (search_keys.py), so
    one GIN index serves it together with the name search; elsewhere, and for single-unit
    assignments, it asks Employment directly. When ``browsing`` (the whole scope in name order,
    no name search to follow) it tests ``unit_scope`` itself: ~1 µs a row where computing the
    keys costs ~30 µs, and a GIN index of its own counts a unit's people (organizations 0011)."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Q()
    held = [(org_id, path, subtree) for role, org_id, path, subtree in assignments(user)
            if role in roles]
    if not held:
        return _NOTHING
    current_jobs = employments.filter(current_employment_q(), person=OuterRef("pk"))
    if not connection.features.supports_json_field_contains:
        return Q(Exists(current_jobs.filter(organization_q(user, roles, prefix="organization__"))))
    condition = _NOTHING
    for org_id, path, subtree in held:
        if subtree and tree.is_root(path):
            # A root is in everyone's scope: "has a current job" lets the name index lead.
            condition |= ~Q(unit_scope=[])
        elif subtree:
            condition |= Q(unit_scope__contains=[org_id]) if browsing else Q(
                PersonKeys(units=[org_id]))
    single_units = [org_id for org_id, _path, subtree in held if not subtree]
    if single_units:
        condition |= Q(Exists(current_jobs.filter(organization_id__in=single_units)))
    return condition


def roles_at(user, organization):
    """The roles ``user`` holds at ``organization`` directly or through an ancestor."""
    if organization is None:
        return frozenset()
    if getattr(user, "is_superuser", False) and user.is_active:
        return ALL_ROLES
    held = set()
    for role, org_id, path, include_descendants in assignments(user):
        if org_id == organization.pk or (
                include_descendants and tree.is_within(organization.path, path)):
            held.add(role)
    return frozenset(held)


def search_q(query, field="search_text"):
    """Every word of the query, without diacritics, must appear somewhere in the normalised search
    text: organisations are found by any part of a code or tax code. People's names match by word
    start instead (``core.word_search``, used by ``PersonQuerySet.search``)."""
    condition = Q()
    for term in search_terms(query):
        condition &= Q(**{f"{field}__contains": term})
    return condition
