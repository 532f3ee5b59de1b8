"""A unit's quotas checked over its list of a year, with the counts read from the registry.

The pure check is ``eligibility.check_quotas``; this module gathers what it needs in a fixed
number of queries: the unit's quotas in force, how many of its people and sub-units there are, and
who already holds the types the quotas count (awards of the year in the unit's subtree). A subject
both proposed and already awarded counts once.
"""
from collections import defaultdict

from django.db.models import Q

from thidua.core import scopes
from thidua.organizations.models import Employment, Organization
from thidua.organizations.scoping import current_employment_q

from .eligibility import check_quotas
from .eligibility.ruleset import COLLECTIVE, INDIVIDUAL
from .models import Award, AwardQuota, AwardStatus


def subject_key(person_id=None, organization_id=None):
    """The engine's id of a subject: "p<pk>" for a person, "o<pk>" for a unit."""
    return f"p{person_id}" if person_id else f"o{organization_id}"


def _holders(unit, year, codes):
    """{kind: {code: keys}} of the year's awards of ``codes`` within ``unit``'s subtree."""
    found = defaultdict(lambda: defaultdict(set))
    if not codes:
        return found
    people = Employment.objects.filter(
        current_employment_q(), organization__path__startswith=unit.path).values("person_id")
    rows = Award.objects.filter(
        Q(person_id__in=people) | Q(organization__path__startswith=unit.path),
        year=year, status=AwardStatus.ACTIVE, award_type__code__in=codes,
    ).values_list("person_id", "organization_id", "award_type__code")
    for person_id, organization_id, code in rows:
        kind = INDIVIDUAL if person_id else COLLECTIVE
        found[kind][code].add(subject_key(person_id, organization_id))
    return found


def _members(unit):
    people = Employment.objects.filter(
        current_employment_q(), organization__path__startswith=unit.path
    ).values("person_id").distinct().count()
    units = Organization.objects.subtree(unit).count()
    return {INDIVIDUAL: people, COLLECTIVE: units}


@scopes.system("a quota counts the unit's whole subtree, whoever checks it")
def quota_results(unit, year, as_of, proposed):
    """Check ``unit``'s list for ``year`` against its quotas in force (and the regime's default).

    ``proposed`` is ``{kind: {code: set of subject keys}}``. Returns ``check_quotas``' results,
    or an empty list when no quota applies.
    """
    quotas = [quota.as_engine_quota() for quota in AwardQuota.objects.in_force(unit, year)]
    payload = {"as_of": as_of.isoformat(), "quotas": quotas}
    if not check_quotas({**payload, "counts": {}}):
        return []
    codes = {code for quota in quotas for code in (quota["type"], quota.get("of"))
             if code and code != "MEMBERS"}
    codes |= {"CSTDCS", "LDTT"}  # the regime's default quota counts these
    held = _holders(unit, year, codes)
    counts = {
        kind: {code: len(held[kind][code] | proposed.get(kind, {}).get(code, set()))
               for code in codes}
        for kind in (INDIVIDUAL, COLLECTIVE)
    }
    return check_quotas({**payload, "counts": counts, "members": _members(unit)})
