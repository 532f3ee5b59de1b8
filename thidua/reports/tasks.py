"""Periodic work for Celery beat (``CELERY_BEAT_SCHEDULE`` in settings)."""
from celery import shared_task
from django.utils import timezone

from .summaries import refresh_dirty


@shared_task(name="thidua.reports.refresh_summaries")
def refresh_summaries():
    """Rebuild dirty years, the current one and the one before (catches writes that reach a
    year's figures without an award service, such as a person moving to another unit; in
    January, decisions dated late in December still count for last year)."""
    year = timezone.localdate().year
    return refresh_dirty(also=[year - 1, year])
