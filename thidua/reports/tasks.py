"""Periodic work for Celery beat (the lead adds it to the beat schedule)."""
from celery import shared_task
from django.utils import timezone

from .summaries import refresh_dirty


@shared_task(name="thidua.reports.refresh_summaries")
def refresh_summaries():
    """Rebuild dirty years and the current one (catches bulk writes that bypass signals)."""
    return refresh_dirty(also=[timezone.localdate().year])
