"""Periodic nomination jobs, scheduled by celery beat (``CELERY_BEAT_SCHEDULE`` in settings)."""
from datetime import date

from celery import shared_task
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.models import JobItem
from thidua.core.tasks import dotted_path, start_job

from .models import Disclosure
from .rules import SECRETARIES
from .states import State
from .workflow.common import tell
from .workflow.reminders import send_deadline_reminders as send_reminders


@shared_task(name="thidua.nominations.tasks.close_publicity_windows")
def close_publicity_windows():
    """Publicity closes by date (``Disclosure.is_open``: comments stop after ``ends_on``); the
    day after, the council secretary is told the list may go to the council."""
    today = timezone.localdate()
    return start_job(announce_publicity_ended, today.isoformat(),
                     title=_("Kết thúc thời gian công khai"),
                     key=f"publicity-ended:{today.isoformat()}").pk


def announce_publicity_ended(job, day):
    """Once per disclosure, over all days: a disclosure announced by an earlier day's job is a
    committed item of that job."""
    announced = set(JobItem.objects.filter(
        job__function=dotted_path(announce_publicity_ended)).values_list("key", flat=True))
    ended = Disclosure.objects.filter(
        batch__state=State.PUBLICITY, ends_on__lt=date.fromisoformat(day)).select_related(
        "batch__authority").order_by("pk")
    count = 0
    for disclosure in job.each([d for d in ended if str(d.pk) not in announced],
                               key=lambda d: d.pk):
        tell(disclosure.batch.authority, SECRETARIES,
             _("Đã hết thời gian công khai, có thể trình Hội đồng"), disclosure.batch)
        count += 1
    return {"announced": count}


@shared_task(name="thidua.nominations.tasks.send_deadline_reminders")
def send_deadline_reminders():
    """Today's deadline reminders (the same function as ``manage.py send_deadline_reminders``);
    each DeadlineReminder row makes a repeated run the same day send nothing."""
    return send_reminders(timezone.localdate())
