"""Build the eligibility engine's input from the registry, in a fixed number of queries.

For a list of people (or units) the builder runs one query per kind of fact (ratings, awards,
initiatives, disciplines, holds; for units also their members' facts) whatever the list's length,
so the same code serves one person on a nomination form and a whole province in the
"who qualifies" report.
"""
from collections import defaultdict
from datetime import date

from django.db.models import Q

from thidua.movements.models import Initiative, InitiativeScope
from thidua.organizations.models import Employment
from thidua.organizations.scoping import current_employment_q

from .models import AnnualRating, Award, AwardStatus, Discipline, DisciplineLevel, Hold

HISTORY_YEARS = 12  # enough for BK_TTG windows and CSTD_TQ cycles
CHUNK = 2000


def _chunks(ids):
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _ratings(field, ids, first_year):
    found = defaultdict(dict)
    rows = AnnualRating.objects.filter(**{f"{field}__in": ids, "year__gte": first_year})
    for owner, year, rating in rows.values_list(field, "year", "rating"):
        found[owner][str(year)] = rating
    return found


def _awards(field, ids):
    found = defaultdict(list)
    rows = Award.objects.filter(**{f"{field}__in": ids}).values_list(
        field, "award_type__code", "year", "status")
    for owner, code, year, status in rows:
        found[owner].append({"type": code, "year": year, "revoked": status == AwardStatus.REVOKED})
    return found


def _holds(field, ids, as_of):
    found = defaultdict(list)
    rows = Hold.objects.filter(**{f"{field}__in": ids}).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=as_of)).values_list(
        field, "start_date", "end_date", "reason")
    for owner, start, end, reason in rows:
        found[owner].append({"from": start.isoformat(), "to": end.isoformat() if end else None,
                             "reason": reason})
    return found


def _disciplines(ids, first_year):
    found = defaultdict(list)
    rows = Discipline.objects.filter(person_id__in=ids, year__gte=first_year).values_list(
        "person_id", "year", "level")
    for person_id, year, level in rows:
        found[person_id].append({"year": year, "level": DisciplineLevel(level).name})
    return found


def _initiatives(ids, first_year):
    found = defaultdict(list)
    rows = Initiative.authors.through.objects.filter(
        person_id__in=ids, initiative__year__gte=first_year).values_list(
        "person_id", "initiative_id", "initiative__scope", "initiative__year",
        "initiative__used_for_id")
    for person_id, initiative_id, scope, year, used_for in rows:
        found[person_id].append({"id": str(initiative_id), "scope": InitiativeScope(scope).name,
                                 "year": year, "used_for": str(used_for) if used_for else None})
    return found


def person_subjects(person_ids, year, as_of):
    """Engine subjects (kind "individual") for ``person_ids``, ids as strings "p<pk>"."""
    subjects = []
    first_year = year - HISTORY_YEARS
    for ids in _chunks(person_ids):
        ratings = _ratings("person_id", ids, first_year)
        awards = _awards("person_id", ids)
        holds = _holds("person_id", ids, as_of)
        disciplines = _disciplines(ids, first_year)
        initiatives = _initiatives(ids, first_year)
        subjects.extend({
            "id": f"p{pk}", "kind": "individual", "ratings": ratings.get(pk, {}),
            "awards": awards.get(pk, []), "holds": holds.get(pk, []),
            "disciplines": disciplines.get(pk, []), "initiatives": initiatives.get(pk, []),
        } for pk in ids)
    return subjects


def _members(unit_ids, year):
    """Each unit's current people with their rating, titles and worst discipline in ``year``."""
    people_by_unit = defaultdict(set)
    rows = Employment.objects.filter(organization_id__in=unit_ids).filter(
        current_employment_q()).values_list("organization_id", "person_id")
    for unit_id, person_id in rows:
        people_by_unit[unit_id].add(person_id)
    everyone = set().union(*people_by_unit.values()) if people_by_unit else set()
    ratings, titles, worst = {}, defaultdict(list), {}
    for ids in _chunks(everyone):
        ratings.update(AnnualRating.objects.filter(person_id__in=ids, year=year).values_list(
            "person_id", "rating"))
        for person_id, code in Award.objects.filter(
                person_id__in=ids, year=year, status=AwardStatus.ACTIVE).values_list(
                "person_id", "award_type__code"):
            titles[person_id].append(code)
        for person_id, level in Discipline.objects.filter(person_id__in=ids, year=year).values_list(
                "person_id", "level"):
            worst[person_id] = max(level, worst.get(person_id, 0))
    return {
        unit_id: [{"id": f"p{pk}", "rating": ratings.get(pk), "awards": sorted(titles[pk]),
                   "discipline": DisciplineLevel(worst[pk]).name if pk in worst else None}
                  for pk in sorted(people)]
        for unit_id, people in people_by_unit.items()
    }


def unit_subjects(unit_ids, year, as_of, bloc_ranks=None):
    """Engine subjects (kind "collective") for ``unit_ids``, ids as strings "o<pk>"."""
    subjects = []
    bloc_ranks = bloc_ranks or {}
    for ids in _chunks(unit_ids):
        ratings = _ratings("organization_id", ids, year - HISTORY_YEARS)
        awards = _awards("organization_id", ids)
        holds = _holds("organization_id", ids, as_of)
        members = _members(ids, year)
        for pk in ids:
            subject = {"id": f"o{pk}", "kind": "collective", "ratings": ratings.get(pk, {}),
                       "awards": awards.get(pk, []), "holds": holds.get(pk, []),
                       "members": members.get(pk, [])}
            if pk in bloc_ranks:
                subject["bloc_rank"] = bloc_ranks[pk]
            subjects.append(subject)
    return subjects


def default_as_of(year):
    """Proposals for a year are judged at its end (15 December), or today for the current year."""
    today = date.today()
    return min(today, date(year, 12, 15)) if year >= today.year else date(year, 12, 15)
