"""Deadline reminders for every batch waiting on someone, counted in working days.

The deadlines are the batch's ``due_on`` in its current step: intake (SUBMITTED,
``THIDUA_INTAKE_WORKING_DAYS``), appraisal (RECEIVED / IN_APPRAISAL,
``THIDUA_APPRAISAL_WORKING_DAYS``), correction by the proposer (RETURNED_FOR_CORRECTION,
``THIDUA_CORRECTION_WORKING_DAYS``), the end of publicity (PUBLICITY) and the council's decision
(AT_COUNCIL, ``THIDUA_COUNCIL_WORKING_DAYS``). Whoever must act is reminded from
``THIDUA_DEADLINE_REMINDER_WORKING_DAYS`` working days before the deadline and every working day
once it has passed (publicity only before it ends: the day after, ``close_publicity_windows``
tells the secretary). Nothing is sent on a day off, and a :class:`DeadlineReminder` row per batch,
step, deadline and day makes a second run the same day send nothing.
"""
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.workdays import WorkingCalendar

from ..models import DeadlineReminder, NominationBatch
from ..rules import INTAKE, PROPOSERS, SECRETARIES
from ..states import State
from .common import tell

# state: (who acts: "authority" or "proposer", their roles, what the deadline is for)
STEPS = {
    State.SUBMITTED: ("authority", INTAKE, gettext_lazy("tiếp nhận tờ trình")),
    State.RECEIVED: ("authority", INTAKE, gettext_lazy("thẩm định hồ sơ")),
    State.IN_APPRAISAL: ("authority", INTAKE, gettext_lazy("thẩm định hồ sơ")),
    State.RETURNED_FOR_CORRECTION: ("proposer", PROPOSERS, gettext_lazy("bổ sung, sửa hồ sơ")),
    State.PUBLICITY: ("authority", SECRETARIES, gettext_lazy("kết thúc công khai")),
    State.AT_COUNCIL: ("authority", SECRETARIES, gettext_lazy("Hội đồng xét")),
}
NO_OVERDUE = {State.PUBLICITY}


def reminders_due(today):
    """(batch, overdue) for every batch to remind ``today``; nothing on a day off."""
    calendar = WorkingCalendar.from_database()
    if not calendar.is_working_day(today):
        return []
    lead = settings.THIDUA_DEADLINE_REMINDER_WORKING_DAYS
    horizon = calendar.add_working_days(today, lead)
    batches = NominationBatch.objects.filter(
        state__in=list(STEPS), due_on__isnull=False, due_on__lte=horizon).select_related(
        "proposer", "authority").order_by("due_on", "pk")
    return [(batch, batch.due_on < today) for batch in batches
            if not (batch.due_on < today and batch.state in NO_OVERDUE)]


def remind(batch, overdue, today):
    """Remind who must act on ``batch`` unless already done today for this deadline; returns how
    many people were notified."""
    try:
        with transaction.atomic():
            record = DeadlineReminder.objects.create(batch=batch, state=batch.state,
                                                     due_on=batch.due_on, sent_on=today,
                                                     overdue=overdue)
            where, roles, step = STEPS[batch.state]
            values = {"step": step, "day": batch.due_on.strftime("%d/%m/%Y")}
            title = (_("Quá hạn %(step)s (hạn %(day)s)") if overdue
                     else _("Sắp đến hạn %(step)s (hạn %(day)s)"))
            record.recipients = tell(getattr(batch, where), roles, title, batch,
                                     title_params=values)
            record.save(update_fields=["recipients"])
    except IntegrityError:  # reminded already today (a parallel run committed first)
        return 0
    return record.recipients


def send_deadline_reminders(today=None):
    """Send today's deadline reminders; returns the number of people notified."""
    today = today or timezone.localdate()
    return sum(remind(batch, overdue, today) for batch, overdue in reminders_due(today))
