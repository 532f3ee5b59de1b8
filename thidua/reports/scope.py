"""Which unit a report is about, and whether it covers the unit's subtree: resolved from what the
user may see (``organizations.scoping``), so no figure is ever counted outside it."""
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from thidua.organizations import scoping, tree
from thidua.organizations.models import Organization

from .facts import ANCHOR_DEPTH, facts_for


class ScopeError(Exception):
    """A scope or period the user may not use; the message is safe to show."""


@dataclass(frozen=True)
class Scope:
    organization: Organization
    subtree: bool

    @property
    def path_lookup(self):
        """The lookup on a unit's path that selects what this scope covers."""
        return ("path__startswith", self.organization.path) if self.subtree else (
            "path", self.organization.path)

    def units_q(self, prefix=""):
        lookup, value = self.path_lookup
        return Q(**{f"{prefix}{lookup}": value})

    def facts(self, years):
        return facts_for(self.organization, self.subtree, years)

    @property
    def label(self):
        if self.subtree:
            return self.organization.name
        return _("%(unit)s (riêng đơn vị)") % {"unit": self.organization.name}


def sees_subtree(user, organization):
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(descendants and tree.is_within(organization.path, path)
               for _role, _unit, path, descendants in scoping.assignments(user))


def default_unit(user):
    """The highest unit the user holds a role at; the root for a superuser."""
    rows = scoping.assignments(user)
    if rows:
        return min(rows, key=lambda row: (len(row[2]), row[2]))[1]
    if getattr(user, "is_superuser", False):
        return Organization.objects.filter(depth=1).values_list("pk", flat=True).first()
    return None


def resolve(user, unit_id=None):
    """The scope of ``unit_id`` (default: the user's own top unit) for ``user``; ScopeError
    with the same message whether the unit does not exist or is not visible."""
    unit_id = unit_id or default_unit(user)
    denied = ScopeError(_("Bạn không có quyền xem số liệu của đơn vị này, hoặc đơn vị không tồn tại."))
    try:
        unit_id = int(unit_id)
    except (TypeError, ValueError):
        raise denied from None
    organization = Organization.objects.visible_to(user).filter(pk=unit_id).first()
    if organization is None or not user.has_perm("reports.view_reports", organization):
        raise denied
    return Scope(organization, sees_subtree(user, organization))


def scope_choices(user):
    """Units offered in the scope picker: the user's own units and the visible units of the
    first two levels (a province officer sees their province; the VCA every province)."""
    own = [row[1] for row in scoping.assignments(user)]
    units = (Organization.objects.visible_to(user)
             .filter(Q(pk__in=own) | Q(depth__lte=ANCHOR_DEPTH)).order_by("path"))
    return [(unit.pk, "— " * (unit.depth - 1) + unit.name)
            for unit in units.only("name", "path", "depth")]
