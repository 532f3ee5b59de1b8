"""Periodic movement jobs, scheduled by celery beat (``CELERY_BEAT_SCHEDULE`` in settings)."""
from datetime import date

from celery import shared_task
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.tasks import start_job

from . import compliance


@shared_task(name="thidua.movements.tasks.send_report_reminders")
def send_report_reminders():
    """Today's report reminders as one job per day: beat firing twice, or a worker dying and
    the message coming back, never reminds a unit twice."""
    today = timezone.localdate()
    return start_job(remind_units, today.isoformat(), title=_("Nhắc nộp báo cáo định kỳ"),
                     key=f"report-reminders:{today.isoformat()}").pk


def remind_units(job, day):
    """The job's body: ``manage.py send_report_reminders``' function, item by item."""
    return {"notified": compliance.send_reminders(date.fromisoformat(day), each=job.each)}
