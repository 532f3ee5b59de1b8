"""The demo is current on whatever day it is loaded: an open registration window, a report round
due, a dossier in every state the demo promises, council ballots its demo members can cast —
at the start of a year, on the first working day after Tết and on 29 February."""
import io

import pytest
from django.core.management import call_command

from thidua.accounts.models import User
from thidua.demo.pipeline import PROMISED_STATES
from thidua.movements.models import ProgressReport, Registration, ReportSchedule
from thidua.movements.models.movement import Movement, Window
from thidua.nominations import workflow
from thidua.nominations.models import CouncilSession, Decision, NominationBatch
from thidua.nominations.states import State
from thidua.organizations.models import Organization

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
