"""A transition's step facts, stored on the row when it is written: the working days since the
batch's previous transition (null for the batch's first) and whether it came after the batch's
deadline. Both count local dates in Việt Nam's time zone, whoever writes the row, so the
dashboard's step panel (reports.dashboard.step_days_chart) is one grouped aggregate."""
from django.utils import timezone

from thidua.core.workdays import WorkingCalendar

from .models import Transition
from .states import State

# States whose deadline is the end of a window the batch must wait out, not a time to act by:
# leaving them after the deadline is the rule, never late.
WINDOWS = {State.PUBLICITY}


def local_date(moment):
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def record(batch, to_state, actor, from_state=None, note="", at=None, calendar=None):
    """Write ``batch``'s Transition to ``to_state`` (from its current state unless
    ``from_state`` is given), late against the deadline ``batch.due_on`` still holds: write it
    before moving the batch on. ``calendar`` spares reading the calendar for a run of rows."""
    at = at or timezone.now()
    previous = (Transition.objects.filter(batch=batch, at__lte=at).order_by("-at", "-pk")
                .values_list("at", flat=True).first())
    day = local_date(at)
    working_days = None
    if previous is not None:
        calendar = calendar or WorkingCalendar.from_database()
        working_days = calendar.working_days_between(local_date(previous), day)
    from_state = batch.state if from_state is None else from_state
    return Transition.objects.create(
        batch=batch, from_state=from_state, to_state=to_state, actor=actor, at=at, note=note,
        working_days=working_days,
        late=batch.due_on is not None and day > batch.due_on and from_state not in WINDOWS)
