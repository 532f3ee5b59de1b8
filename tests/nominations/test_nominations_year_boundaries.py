"""The pipeline across the turn of the year and across Tết: dates are Việt Nam's local dates
(at 00:10 on 1/1 in Hà Nội it is still 31/12 in UTC), and deadlines skip the Tết holiday."""
from datetime import date

import pytest

from tests.timekeeping import local
from thidua.core.workdays import WorkingCalendar
from thidua.nominations import workflow
from thidua.nominations.models import Disclosure, NominationBatch, Transition
from thidua.nominations.states import State
from thidua.nominations.tasks import close_publicity_windows
from thidua.nominations.workflow.common import WorkflowError
from thidua.nominations.workflow.reminders import reminders_due, send_deadline_reminders

pytestmark = pytest.mark.django_db

# Tết Đinh Mùi: the first day of the lunar year is Saturday 6/2/2027.
BEFORE_TET = date(2027, 2, 3)
AFTER_TET = date(2027, 2, 11)


def _voted(pipeline):
    batch = pipeline.to_council(pipeline.draft())
    pipeline.vote_all(batch)
    return batch


def _issue(pipeline, batch):
    decision = workflow.create_decision(pipeline.hue.signer, batch, list(batch.items.all()),
                                        "Về việc tặng Giấy khen")
    return workflow.issue_decision(pipeline.hue.signer, decision)


@pytest.mark.clock("2026-12-31 23:30")
def test_decision_numbers_start_again_at_local_midnight(pipeline, clock, network):
    last_of_2026 = _issue(pipeline, _voted(pipeline))
    assert (last_of_2026.year, last_of_2026.date) == (2026, date(2026, 12, 31))

    clock.move_to(local("2027-01-01 00:10"))  # still 31/12 in UTC
    batch = _voted(pipeline)
    first_of_2027 = _issue(pipeline, batch)
    assert (first_of_2027.year, first_of_2027.number, first_of_2027.date) == (
        2027, 1, date(2027, 1, 1))
    assert first_of_2027.reference.startswith("01/")
    assert batch.items.get().decision_item.register_number == "1/2027"


@pytest.mark.clock("2026-12-31 23:30")
def test_a_list_published_until_new_years_eve_goes_to_the_council_on_new_years_day(
        pipeline, clock, django_capture_on_commit_callbacks):
    batch = pipeline.draft(codes=("BK_TTG",))
    pipeline.to_appraisal(batch)
    pipeline.appraise_all(batch)
    workflow.open_publicity(pipeline.hue.officer, batch)
    Disclosure.objects.filter(batch=batch).update(ends_on=date(2026, 12, 31))
    batch.refresh_from_db()
    with pytest.raises(WorkflowError, match="31/12/2026"):
        workflow.send_to_council(pipeline.hue.officer, batch)
    assert batch.disclosure.is_open

    clock.move_to(local("2027-01-01 00:05"))
    batch.refresh_from_db()
    assert not batch.disclosure.is_open
    with django_capture_on_commit_callbacks(execute=True):
        close_publicity_windows()  # the night job: the window ended yesterday, local time
    assert pipeline.hue.secretary.notifications.filter(
        title__startswith="Đã hết thời gian công khai").count() == 1
    workflow.send_to_council(pipeline.hue.officer, batch)
    leaving = Transition.objects.filter(batch=batch, from_state=State.PUBLICITY).get()
    assert leaving.at.astimezone(local("2027-01-01").tzinfo).date() == date(2027, 1, 1)
    assert not leaving.late, "leaving publicity after it ended is the rule, not late"


@pytest.mark.clock("2027-02-03 10:00")
def test_intake_deadlines_and_reminders_skip_tet(pipeline, clock):
    calendar = WorkingCalendar.from_database()
    holiday = [day for day in (date(2027, 2, d) for d in range(4, 11))
               if not calendar.is_working_day(day)]
    assert len(holiday) >= 5, "the Tết holiday is in the working calendar"

    batch = pipeline.draft()
    workflow.submit_batch(pipeline.reporter, batch)
    batch.refresh_from_db()
    assert batch.due_on == calendar.add_working_days(BEFORE_TET, 5)
    assert batch.due_on > AFTER_TET
    assert calendar.working_days_between(BEFORE_TET, batch.due_on) == 5

    for day in holiday:
        clock.move_to(local(day, 9))
        assert reminders_due(day) == []
        assert send_deadline_reminders() == 0

    clock.move_to(local(AFTER_TET, 8, 5))
    lead = calendar.add_working_days(AFTER_TET, 2)
    assert (batch.due_on <= lead) == any(b.pk == batch.pk for b, _ in reminders_due(AFTER_TET))


@pytest.mark.clock("2027-02-03 15:00")
def test_a_publicity_window_opened_before_tet_lasts_its_working_days(pipeline, clock):
    batch = pipeline.draft(codes=("BK_TTG",))
    pipeline.to_appraisal(batch)
    pipeline.appraise_all(batch)
    workflow.open_publicity(pipeline.hue.officer, batch)
    disclosure = NominationBatch.objects.get(pk=batch.pk).disclosure
    calendar = WorkingCalendar.from_database()
    assert calendar.working_days_between(BEFORE_TET, disclosure.ends_on) == 10
    clock.move_to(local("2027-02-08 09:00"))  # in the middle of Tết: comments still welcome
    disclosure.refresh_from_db()
    assert disclosure.is_open
    workflow.add_public_comment(disclosure, "Nguyễn Văn A", "Đồng ý với danh sách.")
