"""Movements across the turn of the year: a registration window closes at midnight in Việt Nam
(not in UTC), and the fourth quarter's report round is reminded in January — not on New Year's
Day, which is a holiday."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.timekeeping import local
from thidua.accounts.models import Role
from thidua.movements import compliance, services
from thidua.movements.models import Movement, Registration, ReportSchedule
from thidua.movements.models.movement import Window

pytestmark = pytest.mark.django_db


@pytest.fixture
def yearly(network, root_user):
    """The 2026 movement, registration open until 31/12/2026."""
    movement = services.save_movement(root_user, Movement(
        launched_by=network.vca, kind="REGULAR", title="Thi đua năm 2026", goals="Mục tiêu",
        start_date=date(2026, 1, 1), end_date=date(2027, 3, 31),
        registration_deadline=date(2026, 12, 31)))
    return services.launch_movement(root_user, movement)


@pytest.mark.clock("2026-12-31 23:30")
def test_registration_closes_at_local_midnight(network, yearly, make_user, clock):
    reporter = make_user(Role.UNIT_REPORTER, network.hue_coop)
    registration = services.save_registration(
        reporter, Registration(movement=yearly, unit=network.hue_coop, year=2026), [], [])
    assert yearly.registration_window() == Window.OPEN

    clock.move_to(local("2027-01-01 00:05"))  # 17:05 on 31/12 in UTC
    assert yearly.registration_window() == Window.CLOSED
    with pytest.raises(ValidationError, match="Ngoài thời gian đăng ký"):
        services.submit_registration(reporter, registration)

    clock.move_to(local("2026-12-31 23:59"))
    services.submit_registration(reporter, registration)


@pytest.mark.clock("2026-12-31 16:00")
def test_the_fourth_quarter_round_is_reminded_in_january(network, yearly, root_user, make_user,
                                                         clock):
    officer = make_user(Role.EC_OFFICER, network.hue_coop)
    schedule = services.save_schedule(root_user, ReportSchedule(
        owner=network.hue, movement=yearly, year=2026, period="Q4",
        due_date=compliance.default_due_date(2026, "Q4")))
    assert schedule.due_date.year == 2027

    new_years_day = date(2027, 1, 1)
    clock.move_to(local(new_years_day, 9))
    assert list(compliance.reminders_due(new_years_day)) == []

    for day in (date(2027, 1, d) for d in range(4, 20)):
        horizon_reached = any(s == schedule and u == network.hue_coop
                              for s, u in compliance.reminders_due(day))
        if horizon_reached:
            clock.move_to(local(day, 8))
            assert compliance.remind(schedule, network.hue_coop, day) == 1
            assert str(officer.notifications.get()).endswith(str(schedule))
            assert compliance.remind(schedule, network.hue_coop, day) == 0, "once a day"
            break
    else:
        pytest.fail("the Q4 round was never reminded in January")
