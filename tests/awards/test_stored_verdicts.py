"""Stored eligibility (awards/verdicts.py): the stored verdict is the live one, every service that
changes a person's history refreshes exactly that person after the commit, and the nightly pass
judges the proposal years open on its day, across 31/12."""
import random
from datetime import UTC, date

import pytest
from django.conf import settings
from django.db import transaction

from thidua.awards import histories, services, verdicts
from thidua.awards.models import (AnnualRating, Award, AwardType, Discipline, Hold, StoredVerdict,
                                  VerdictPass)
from thidua.awards.qualification import ALMOST, ELIGIBLE, status_of
from thidua.awards.tasks import refresh_verdicts
from thidua.organizations.models import Employment, Person
from thidua.records.models import Initiative, InitiativeScope
from thidua.records.services import save_initiative
from timekeeping import local

YEAR = 2026  # the test clock's year (20/11/2026)
RATINGS = ["EXCELLENT", "EXCELLENT", "GOOD", "GOOD", "COMPLETED", "NOT_COMPLETED"]


def _live(person_ids, year):
    """{pk: (eligible codes, almost codes, on hold)} from ``histories.judge``, as the pages do."""
    as_of = histories.default_as_of(year)
    result = histories.judge({"as_of": as_of.isoformat(), "year": year,
                              "subjects": histories.person_subjects(person_ids, year, as_of)})
    found = {pk: ([], [], False) for pk in person_ids}
    for verdict in result["results"]:
        eligible, almost, _hold = found[int(verdict["subject"][1:])]
        status = status_of(verdict)
        if status == ELIGIBLE:
            eligible.append(verdict["type"])
        elif status == ALMOST:
            almost.append(verdict["type"])
        if verdict["missing"] and verdict["missing"][0].startswith("ON_HOLD"):
            found[int(verdict["subject"][1:])] = (eligible, almost, True)
    return {pk: (" ".join(e), " ".join(a), hold) for pk, (e, a, hold) in found.items()}


def _stored(year):
    return {row.person_id: (row.eligible, row.almost, row.on_hold)
            for row in StoredVerdict.objects.filter(year=year)}


@pytest.fixture
def crowd(network):
    """Forty people at a cooperative with random histories of every kind (seeded): ratings,
    titles (some revoked), initiatives, disciplines and holds; written straight to the tables so
    no follow-up runs."""
    rng = random.Random(21)
    types = {t.code: t for t in AwardType.objects.filter(
        code__in=["LDTT", "CSTDCS", "CSTD_BO", "BK_BO"])}
    people = []
    for n in range(40):
        person = Person.objects.create(family_name="Đỗ", middle_name="Văn", given_name=f"A{n}",
                                       gender="MALE", birth_date=date(1980, 1, 1))
        Employment.objects.create(person=person, organization=network.hue_coop, category="MEMBER",
                                  position="Thành viên", start_date=date(2015, 1, 1))
        for year in range(YEAR - 6, YEAR + 1):
            rating = rng.choice(RATINGS)
            AnnualRating.objects.create(person=person, year=year, rating=rating)
            if year < YEAR and rating in ("EXCELLENT", "GOOD") and rng.random() < 0.8:
                Award.objects.create(person=person, year=year, award_type=types["LDTT"])
                if rating == "EXCELLENT" and rng.random() < 0.7:
                    Award.objects.create(person=person, year=year, award_type=types["CSTDCS"],
                                         status="REVOKED" if rng.random() < 0.1 else "ACTIVE")
        if rng.random() < 0.2:
            Award.objects.create(person=person, year=YEAR - 3, award_type=types["BK_BO"])
        if rng.random() < 0.3:
            initiative = Initiative.objects.create(
                title=f"Sáng kiến {n}", unit=network.hue_coop, year=rng.choice([YEAR - 1, YEAR]),
                scope=rng.choice([InitiativeScope.BASE, InitiativeScope.PROVINCIAL]))
            initiative.authors.add(person)
        if rng.random() < 0.1:
            Discipline.objects.create(person=person, year=YEAR, level=1)
        if rng.random() < 0.1:
            Hold.objects.create(person=person, start_date=date(YEAR, 1, 1), reason="INSPECTION")
        people.append(person.pk)
    return people


@pytest.mark.django_db
def test_stored_verdicts_are_the_live_ones_incremental_and_full(crowd):
    live = _live(crowd, YEAR)
    assert verdicts.refresh_people(crowd, YEAR) == len(crowd)
    assert _stored(YEAR) == live
    assert any(e for e, _a, _h in live.values()) and any(h for *_x, h in live.values())
    StoredVerdict.objects.all().delete()
    people = Person.objects.count()
    assert verdicts.refresh_all(YEAR) == people
    stored = _stored(YEAR)
    assert len(stored) == people and {pk: stored[pk] for pk in crowd} == live
    assert VerdictPass.objects.get(year=YEAR).people == people


@pytest.mark.django_db
def test_the_full_pass_rewrites_only_what_changed_and_people_gone_are_skipped(crowd, clock):
    verdicts.refresh_all(YEAR)
    first = StoredVerdict.objects.get(person_id=crowd[0], year=YEAR).computed_at
    clock.shift(3600)
    Hold.objects.create(person_id=crowd[1], start_date=date(YEAR, 1, 1), reason="COMPLAINT")
    verdicts.refresh_all(YEAR)
    assert StoredVerdict.objects.get(person_id=crowd[0], year=YEAR).computed_at == first
    assert StoredVerdict.objects.get(person_id=crowd[1], year=YEAR).on_hold
    assert verdicts.refresh_people([crowd[2], 10**9], YEAR) == 1


@pytest.mark.django_db
def test_the_bulk_pass_stores_what_refresh_people_stores_for_shared_histories(
        crowd, network, monkeypatch):
    """Look-alikes (the same recent history, old titles apart: equal for what decides a stored
    verdict, not for the wording of every verdict) judged over many small ranges by one
    evaluator: each stored row is the one the person gets alone."""
    types = {t.code: t for t in AwardType.objects.filter(code__in=["LDTT", "CSTDCS"])}
    recent = {YEAR - 4: "GOOD", YEAR - 3: "EXCELLENT", YEAR - 2: "EXCELLENT",
              YEAR - 1: "EXCELLENT", YEAR: "EXCELLENT"}
    twins, by_streak = [], {}
    for n, (old, streak) in enumerate([(o, s) for o in (None, YEAR - 9, YEAR - 12)
                                       for s in (1, 2, 3)] * 2):
        person = Person.objects.create(family_name="Lê", given_name=f"B{n}", gender="FEMALE",
                                       birth_date=date(1985, 1, 1))
        for year, rating in recent.items():
            AnnualRating.objects.create(person=person, year=year, rating=rating)
        for year in range(YEAR - streak, YEAR):
            Award.objects.create(person=person, year=year, award_type=types["LDTT"])
            Award.objects.create(person=person, year=year, award_type=types["CSTDCS"])
        if old is not None:
            Award.objects.create(person=person, year=old, award_type=types["CSTDCS"])
        twins.append(person.pk)
        by_streak.setdefault(streak, []).append(person.pk)
    everyone = [*crowd, *twins]
    monkeypatch.setattr(verdicts, "RANGE", 7)  # many ranges, one evaluator
    verdicts.refresh_all(YEAR)
    bulk = _stored(YEAR)
    StoredVerdict.objects.all().delete()
    verdicts.refresh_people(everyone, YEAR)
    assert {pk: bulk[pk] for pk in everyone} == _stored(YEAR) == _live(everyone, YEAR)
    # the streak decides, the old title does not; they differ in what they are short of
    assert [len({bulk[pk] for pk in people}) for people in by_streak.values()] == [1, 1, 1]
    assert len({bulk[pk] for pk in twins}) > 1


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run ``action`` and the callbacks it registers, as a committed request would; returns the
    people whose stored verdicts were (re)written."""

    def run(action):
        StoredVerdict.objects.all().delete()
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return set(StoredVerdict.objects.values_list("person_id", flat=True))

    return run


def _award(person, code="LDTT", year=YEAR - 1):
    return Award(award_type=AwardType.objects.get(code=code), year=year, person=person)


@pytest.mark.django_db
def test_each_change_to_a_history_refreshes_exactly_that_person(
        network, root_user, after_commit, today):
    hue, other = network.hue_person, network.hue_person2
    award = []
    assert after_commit(lambda: award.append(services.record_award(root_user, _award(hue)))) == {hue.pk}
    assert after_commit(lambda: services.revoke_award(
        root_user, award[0], "FRAUD", "5/QĐ-LMHTX", today)) == {hue.pk}
    assert after_commit(lambda: services.import_awards(
        root_user, [_award(hue, year=YEAR - 2), _award(other, year=YEAR - 2)])) == {hue.pk, other.pk}
    assert after_commit(lambda: services.set_rating(root_user, YEAR, "EXCELLENT", person=other)) == {
        other.pk}
    assert after_commit(lambda: services.set_ratings(
        root_user, network.hue_coop, YEAR, {hue: "GOOD"})) == {hue.pk}
    assert after_commit(lambda: services.add_discipline(
        root_user, Discipline(person=other, year=YEAR, level=1))) == {other.pk}
    hold = []
    assert after_commit(lambda: hold.append(services.add_hold(root_user, Hold(
        person=hue, start_date=date(YEAR, 1, 1), reason="INSPECTION")))) == {hue.pk}
    assert StoredVerdict.objects.get(person=hue).on_hold
    assert after_commit(lambda: services.end_hold(root_user, hold[0], today)) == {hue.pk}
    initiative = Initiative(title="Sáng kiến", unit=network.hue_coop, year=YEAR,
                            scope=InitiativeScope.BASE)
    assert after_commit(lambda: save_initiative(root_user, initiative, [hue])) == {hue.pk}
    colleague = network.person("Võ", "Văn", "Bình", network.hue_coop)
    assert after_commit(lambda: save_initiative(root_user, initiative, [colleague])) == {
        hue.pk, colleague.pk}
    assert after_commit(lambda: services.record_award(root_user, Award(
        award_type=AwardType.objects.get(code="TTLDTT"), year=YEAR - 1,
        organization=network.hue_coop))) == set()


@pytest.mark.django_db
def test_one_refresh_per_transaction_and_none_after_a_rollback(
        network, root_user, monkeypatch, django_capture_on_commit_callbacks):
    calls = []
    monkeypatch.setattr(verdicts, "refresh_changed", lambda ids: calls.append(ids))
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.set_rating(root_user, YEAR, "GOOD", person=network.hanoi_person)
            raise RuntimeError
    assert calls == []
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            services.set_rating(root_user, YEAR, "GOOD", person=network.hue_person)
            services.set_rating(root_user, YEAR, "GOOD", person=network.hue_person2)
    assert calls == [sorted([network.hue_person.pk, network.hue_person2.pk])]


@pytest.mark.parametrize(("day", "years"), [
    ("2026-12-31 23:59", [2026]), ("2027-01-01 00:01", [2026, 2027]),
    ("2027-03-31 23:00", [2026, 2027]), ("2027-04-01 02:30", [2027]),
])
def test_proposal_years_across_the_new_year(day, years):
    assert verdicts.proposal_years(local(day).date()) == years


@pytest.mark.django_db
def test_the_nightly_task_is_scheduled_and_judges_the_years_open_that_night(network, clock):
    entry = settings.CELERY_BEAT_SCHEDULE["refresh-verdicts"]
    assert entry["task"] == refresh_verdicts.name
    clock.move_to(local("2026-12-31 02:30").astimezone(UTC))
    assert refresh_verdicts() == {2026: 4}
    clock.move_to(local("2027-01-01 02:30").astimezone(UTC))
    assert refresh_verdicts() == {2026: 4, 2027: 4}
    assert set(VerdictPass.objects.values_list("year", flat=True)) == {2026, 2027}
    assert StoredVerdict.objects.filter(year=2027).count() == 4
