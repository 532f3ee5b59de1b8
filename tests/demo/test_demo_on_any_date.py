"""The demo is current on whatever day it is loaded: an open registration window, a report round
due, a dossier in every state the demo promises, council ballots its demo members can cast —
a bloc's live score sheet with every member's self-score and a ranking — at the start of a year,
on the first working day after Tết and on 29 February."""
import io

import pytest
from django.core.management import call_command

from thidua.accounts.models import User
from thidua.awards import histories
from thidua.awards.models import Award
from thidua.demo.pipeline import PROMISED_STATES
from thidua.movements.models import ProgressReport, Registration, ReportSchedule
from thidua.movements.models.movement import Movement, Window
from thidua.nominations import workflow
from thidua.nominations.models import CouncilSession, Decision, NominationBatch
from thidua.nominations.states import State
from thidua.organizations.models import EmulationGroup, Organization
from thidua.records import scoring
from thidua.records.models import Score, ScoreSheet
from thidua.worklist import my_work

DATES = [pytest.param(None, marks=pytest.mark.clock("2027-01-04 09:00"), id="first-working-day-2027"),
         pytest.param(None, marks=pytest.mark.clock("2027-02-11 08:05"), id="after-tet-2027"),
         pytest.param(None, marks=pytest.mark.clock("2028-02-29 14:00"), id="leap-day-2028")]


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", "--small", stdout=io.StringIO())


def _open_session(code):
    return CouncilSession.objects.get(council__organization__code=code, state="OPEN")


@pytest.mark.parametrize("day", DATES)
def test_the_demo_is_current_on_the_day_it_is_loaded(demo, today, day):
    unit = Organization.objects.get(code="P46-HTX01")
    open_to_unit = [m for m in Movement.objects.all()
                    if m.registration_window(today) == Window.OPEN and m.covers(unit)
                    and not Registration.objects.filter(movement=m, unit=unit).exists()]
    assert open_to_unit, "htx.baocao has a movement it can register for"

    due = ReportSchedule.objects.filter(owner__code="P46", due_date__gte=today)
    assert due.exists(), "a report round is due"
    assert not ProgressReport.objects.filter(schedule__in=due, unit=unit).exists()

    states = set(NominationBatch.objects.values_list("state", flat=True))
    assert set(PROMISED_STATES) <= states
    assert Decision.objects.filter(issuer__code="P46", state="DRAFT").exists()

    hue_session = _open_session("P46")
    assert hue_session.secret
    workflow.cast_ballot(User.objects.get(username="hue.hoidong"), hue_session,
                         {item.pk: "AGREE" for item in hue_session.agenda.all()})
    vca_session = _open_session("VCA")
    batch = vca_session.agenda.get().batch
    assert batch.origin.authority.code == "P46"
    assert batch.disclosure.ends_on < today <= batch.due_on
    workflow.cast_ballot(User.objects.get(username="vca.hoidong"), vca_session,
                         {item.pk: "AGREE" for item in vca_session.agenda.all()})

    for published in NominationBatch.objects.filter(state=State.PUBLICITY):
        assert published.disclosure.starts_on <= today <= published.disclosure.ends_on

    # htx.baocao's bloc this year has a scoreboard: criteria, every member's self-scores (none
    # dated after today; htx.baocao's cooperative has the last criterion still to score, and its
    # home says so), one adjustment with its reason, and a ranking with proposals.
    sheet = ScoreSheet.objects.get(group__in=EmulationGroup.objects.filter(
        owner__code="P46", year=today.year, members=unit))
    members = list(sheet.group.members.all())
    criteria = list(sheet.criteria.all())
    scores = Score.objects.filter(criterion__sheet=sheet)
    assert sheet.is_open and criteria and scores.count() == len(members) * len(criteria) - 1
    waiting = {work.key: work for work in my_work(User.objects.get(username="htx.baocao"), today)}
    assert waiting["scores"].entries[0].note == (
        f"Đã tự chấm {len(criteria) - 1}/{len(criteria)} tiêu chí")
    assert [s.adjust_reason != "" for s in scores if s.adjusted_points is not None] == [True]
    assert all(row.history_date.date() <= today and row.history_user.is_superuser
               for row in Score.history.filter(criterion__sheet=sheet))
    points = {(s.member, s.criterion): s.points for s in scores.select_related(
        "member", "criterion")}
    standings = scoring.rank(members, criteria, points, sheet.tie_break)
    assert all(s.scored for s in standings) and standings[0].proposal == scoring.FLAG

    # A CSTĐCS streak whose later award the commune's chairman conferred (two-tier government
    # from 01/7/2025), counted by the engine for a Bằng khen.
    streak = list(Award.objects.filter(decision_number__endswith="/QĐ-CSTĐCS").order_by("year")
                  .select_related("issuer"))
    assert [a.year for a in streak] == [streak[0].year, streak[0].year + 1]
    assert streak[-1].issuer.kind == "COMMUNE" and streak[-1].decision_date < today
    year = streak[-1].year
    as_of = histories.default_as_of(year)
    verdicts = histories.judge({"as_of": as_of.isoformat(), "year": year, "types": ["BK_BO"],
                                "subjects": histories.person_subjects([streak[0].person_id],
                                                                      year, as_of)})["results"]
    assert verdicts[0]["eligible"] and f"{year - 1}–{year}" in verdicts[0]["reasons"][0]
