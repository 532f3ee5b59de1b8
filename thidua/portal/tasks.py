"""Periodic work for Celery beat (``CELERY_BEAT_SCHEDULE`` in settings)."""
from celery import shared_task

from . import honour


@shared_task(name="thidua.portal.refresh_honour_roll")
def refresh_honour_roll():
    """Rebuild the honour roll: award writes refresh their own entries, but a person who moved
    to another unit is listed under the new one only from this rebuild."""
    return honour.rebuild()
