"""The demo writes each live record on the day it would have happened.

Live records (this year's movements, registrations, report rounds, dossiers in the pipeline) go
through the same services an official uses, with the clock moved to the day of each step
(time-machine). Their timestamps, deadlines, windows and working-day counts are therefore the ones
the services compute, and the demo is current on whatever date it is loaded. Historic records
from the seed facts keep their real dates and are written as records, not replayed.
"""
from contextlib import contextmanager
from datetime import datetime, time

import time_machine
from django.utils import timezone

from thidua.core.workdays import WorkingCalendar


@contextmanager
def on_day(day, hour=9):
    """Run the block as if it were ``hour`` o'clock (local time) on ``day``; a moment that is not
    in the past runs at the real time instead, so nothing is ever dated in the future."""
    moment = timezone.make_aware(datetime.combine(day, time(hour)))
    if moment >= timezone.now():
        yield
        return
    with time_machine.travel(moment, tick=False):
        yield


class Clock:
    """Days counted back from ``today`` in working days (weekends, Tết and holidays off)."""

    def __init__(self, today):
        self.today = today
        self.calendar = WorkingCalendar.from_database()

    def day(self, working_days_ago):
        if not working_days_ago:
            return self.today
        return self.calendar.add_working_days(self.today, -working_days_ago)

    def on(self, working_days_ago, hour=9):
        return on_day(self.day(working_days_ago), hour)
