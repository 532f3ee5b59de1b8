from datetime import date

import pytest

from thidua.core.models import CalendarException
from thidua.core.workdays import WorkingCalendar, add_working_days


def test_tet_2026_and_weekends_are_skipped():
    calendar = WorkingCalendar()
    # Friday 13/02/2026, then the weekend and Tết (16–20/02/2026) are off.
    assert calendar.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert calendar.working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1


def test_counting_backwards_crosses_tet():
    assert WorkingCalendar().add_working_days(date(2026, 2, 23), -1) == date(2026, 2, 13)


def test_national_day_and_weekend():
    calendar = WorkingCalendar()
    assert not calendar.is_working_day(date(2026, 9, 2))
    assert not calendar.is_working_day(date(2026, 9, 5))  # Saturday
    assert calendar.is_working_day(date(2026, 9, 3))


def test_exceptions_override_the_calendar():
    make_up_saturday = date(2026, 1, 10)
    extra_day_off = date(2026, 1, 12)
    calendar = WorkingCalendar({make_up_saturday: True, extra_day_off: False})
    assert calendar.is_working_day(make_up_saturday)
    assert not calendar.is_working_day(extra_day_off)
    assert calendar.add_working_days(date(2026, 1, 9), 2) == date(2026, 1, 13)


@pytest.mark.django_db
def test_exceptions_come_from_the_database():
    CalendarException.objects.create(date=date(2026, 1, 12), is_working_day=False, note="Nghỉ bù")
    assert add_working_days(date(2026, 1, 9), 1) == date(2026, 1, 13)


def test_vietnamese_holiday_name():
    assert "Tết" in WorkingCalendar().holiday_name(date(2026, 2, 17))
