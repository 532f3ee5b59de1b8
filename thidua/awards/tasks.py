"""Periodic award jobs, scheduled by celery beat (``CELERY_BEAT_SCHEDULE`` in settings)."""
from celery import shared_task

from .verdicts import refresh_open_years


@shared_task(name="thidua.awards.refresh_verdicts")
def refresh_verdicts():
    """The nightly check of the stored verdicts: everyone judged again for each proposal year
    open today (``verdicts.proposal_years``: in the first quarter, last year's too)."""
    return refresh_open_years()
