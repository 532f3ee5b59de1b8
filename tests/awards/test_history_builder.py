"""The one-query history builder gives the same histories as the five-query builder it replaced.

``_five_queries`` is that builder (ORM ``values_list`` per kind of fact), kept here as the
reference: for a network with every kind of fact (revoked awards, a unit's award, initiatives used
and out of the window, several disciplines in a year, holds ended, open and future), both the
JSON-shaped subjects and the parsed ones of the bulk path (which keeps only what the rules read)
must match it, and so must the verdicts.
"""
from collections import defaultdict
from datetime import date

import pytest
from django.db.models import Q

from thidua.awards import histories
from thidua.awards.eligibility import evaluate, evaluator
from thidua.awards.eligibility.input import parse
from thidua.awards.issuing import power_table
from thidua.awards.models import AnnualRating, Award, AwardStatus, Discipline, DisciplineLevel, Hold
from thidua.organizations.models import Person
from thidua.records.models import Initiative, InitiativeScope

YEAR, AS_OF = 2025, date(2025, 12, 15)


def _five_queries(ids, year, as_of):
    first = year - histories.HISTORY_YEARS
    found = defaultdict(lambda: defaultdict(list))
    ratings = AnnualRating.objects.filter(person_id__in=ids, year__gte=first)
    for pk, t, rating in ratings.values_list("person_id", "year", "rating"):
        found[pk]["ratings"].append((str(t), rating))
    for pk, code, t, status, kind, day in Award.objects.filter(person_id__in=ids).values_list(
            "person_id", "award_type__code", "year", "status", "issuer__kind", "decision_date"):
        found[pk]["awards"].append({"type": code, "year": t,
                                    "revoked": status == AwardStatus.REVOKED, "issuer_kind": kind,
                                    "decided_on": day and day.isoformat()})
    for pk, start, end, reason in Hold.objects.filter(person_id__in=ids).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=as_of)).values_list(
            "person_id", "start_date", "end_date", "reason"):
        found[pk]["holds"].append({"from": start.isoformat(), "to": end and end.isoformat(),
                                   "reason": reason})
    for pk, t, level in Discipline.objects.filter(person_id__in=ids, year__gte=first).values_list(
            "person_id", "year", "level"):
        found[pk]["disciplines"].append({"year": t, "level": DisciplineLevel(level).name})
    for pk, ident, scope, t, used in Initiative.authors.through.objects.filter(
            person_id__in=ids, initiative__year__gte=first).values_list(
            "person_id", "initiative_id", "initiative__scope", "initiative__year",
            "initiative__used_for_id"):
        found[pk]["initiatives"].append({"id": str(ident), "scope": InitiativeScope(scope).name,
                                         "year": t, "used_for": str(used) if used else None})
    return [{"id": f"p{pk}", "kind": "individual", "ratings": dict(found[pk]["ratings"]),
             **{key: found[pk][key] for key in ("awards", "holds", "disciplines", "initiatives")}}
            for pk in ids]


def _normal(subject):
    key = repr
    return {name: sorted(value, key=key) if isinstance(value, list) else value
            for name, value in subject.items()}


@pytest.fixture
def people(network, registry):
    """Three people with every kind of fact, one with nothing, and a unit with its own award."""
    rich, other, empty = (network.hue_person, network.hue_person2, network.hanoi_person)
    for year, rating in ((2012, "GOOD"), (2013, "GOOD"), (2021, "EXCELLENT"), (2024, "EXCELLENT"),
                         (2025, "GOOD")):
        registry.rating(year, rating, person=rich)
    registry.rating(2025, "COMPLETED", person=other)
    for code, year in (("LDTT", 2024), ("CSTDCS", 2024), ("CSTDCS", 2023), ("BK_BO", 2009),
                       ("CSTDCS", 2022)):
        registry.award(code, year, person=rich)
    registry.award("CSTDCS", 2021, person=rich, status=AwardStatus.REVOKED)
    registry.award("TTLDXS", 2024, organization=network.hue_coop)
    used = registry.award("LDTT", 2023, person=other)
    registry.initiative(rich, InitiativeScope.PROVINCIAL, 2024)
    registry.initiative(rich, InitiativeScope.BASE, 2010)  # before the history window
    shared = registry.initiative(other, InitiativeScope.NATIONAL, 2025)
    shared.authors.add(rich)
    shared.used_for = used
    shared.save()
    for year, level in ((2025, 1), (2025, 3), (2011, 2), (2019, 2)):
        Discipline.objects.create(person=rich, year=year, level=level)
    for start, end, reason in ((date(2025, 1, 1), date(2025, 2, 1), "COMPLAINT"),
                               (date(2025, 11, 1), None, "INVESTIGATION"),
                               (date(2026, 3, 1), None, "INSPECTION"),
                               (date(2025, 12, 1), date(2025, 12, 15), "DISCIPLINE_REVIEW")):
        Hold.objects.create(person=rich, start_date=start, end_date=end, reason=reason)
    Hold.objects.create(person=other, start_date=date(2024, 1, 1), end_date=date(2024, 3, 1),
                        reason="COMPLAINT")
    return [rich, other, empty]


@pytest.mark.django_db
def test_json_subjects_match_the_five_query_builder(people):
    ids = [person.pk for person in people] + [10**9]  # an unknown id still gets an empty history
    new = histories.person_subjects(ids, YEAR, AS_OF)
    old = _five_queries(ids, YEAR, AS_OF)
    assert [_normal(subject) for subject in new] == [_normal(subject) for subject in old]
    assert new[0]["ratings"] == {"2013": "GOOD", "2021": "EXCELLENT", "2024": "EXCELLENT",
                                 "2025": "GOOD"}
    assert len(new[0]["holds"]) == 3 and len(new[0]["initiatives"]) == 2
    payload = {"as_of": AS_OF.isoformat(), "year": YEAR}
    assert evaluate({**payload, "subjects": new}) == evaluate({**payload, "subjects": old})


def _fields(subject):
    return (subject.id, subject.kind, subject.ratings, subject.awards, subject.initiatives,
            subject.disciplines, subject.holds, subject.members, subject.bloc_rank, subject.leads,
            subject.award_notes)


def _existing(lo, hi):
    return list(Person.objects.filter(pk__gte=lo, pk__lt=hi).order_by("pk").values_list(
        "pk", flat=True))


def _rules_only(subject):
    """What the bulk path keeps: ratings from YEAR - 4, LDTT of YEAR (all that the rules read)."""
    return dict(subject, ratings={t: r for t, r in subject["ratings"].items() if int(t) >= 2021},
                awards=[a for a in subject["awards"] if a["type"] != "LDTT" or a["year"] >= YEAR])


@pytest.mark.django_db
def test_bulk_subjects_are_the_parsed_five_query_histories_the_rules_read(people):
    ids = sorted(person.pk for person in people)
    lo, hi = ids[0], ids[-1] + 1
    bulk = histories.individuals_between(lo, hi, YEAR, AS_OF)
    old = _five_queries(_existing(lo, hi), YEAR, AS_OF)
    payload = {"as_of": AS_OF.isoformat(), "year": YEAR, "subjects": old}
    trimmed = parse({**payload, "subjects": [_rules_only(subject) for subject in old]},
                    power_table())
    assert [_fields(subject) for subject in bulk] == [
        _fields(subject) for subject in trimmed.subjects]
    assert evaluator(AS_OF.isoformat(), YEAR).results(bulk) == histories.judge(payload)["results"]


@pytest.mark.django_db
def test_bulk_ranges_hold_only_their_people(people):
    ids = sorted(person.pk for person in people)
    inside = histories.individuals_between(ids[1], ids[2], YEAR, AS_OF)
    assert [subject.id for subject in inside] == [f"p{pk}" for pk in _existing(ids[1], ids[2])]
    assert f"p{ids[1]}" in {subject.id for subject in inside}
    assert histories.individuals_between(10**9, 10**9 + 5, YEAR, AS_OF) == []
