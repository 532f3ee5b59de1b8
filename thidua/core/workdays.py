"""Working days: Saturdays, Sundays and Vietnam's public holidays (Tết included) are off.

Holidays come from the ``holidays`` package; the extra days off and make-up working days that the
Government announces each year are kept in ``CalendarException`` rows and override it.
"""
from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _public_holidays(year):
    return frozenset(holidays.country_holidays("VN", years=year))


class WorkingCalendar:
    """Answers working-day questions; ``exceptions`` maps a date to True (works) or False (off)."""

    def __init__(self, exceptions=None):
        self.exceptions = dict(exceptions or {})

    @classmethod
    def from_database(cls):
        from thidua.core.models import CalendarException

        return cls(
            {row.date: row.is_working_day for row in CalendarException.objects.all()}
        )

    def is_working_day(self, day: date) -> bool:
        if day in self.exceptions:
            return self.exceptions[day]
        return day.weekday() < 5 and day not in _public_holidays(day.year)

    def add_working_days(self, start: date, count: int) -> date:
        """The date ``count`` working days after ``start`` (before it when negative)."""
        step = timedelta(days=1 if count >= 0 else -1)
        remaining = abs(count)
        day = start
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        days = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            days += self.is_working_day(day)
        return days

    def holiday_name(self, day: date):
        return holidays.country_holidays("VN", years=day.year, language="vi").get(day)


def add_working_days(start: date, count: int) -> date:
    return WorkingCalendar.from_database().add_working_days(start, count)
