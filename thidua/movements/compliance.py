"""Periodic report compliance: due dates in working days and each unit's standing."""
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone

from thidua.core.workdays import WorkingCalendar
from thidua.organizations.models import Organization, OrganizationStatus

from .models import Period, ProgressReport

PERIOD_END = {Period.Q1: (3, 31), Period.Q2: (6, 30), Period.Q3: (9, 30), Period.Q4: (12, 31),
              Period.H1: (6, 30), Period.YEAR: (12, 31)}
ON_TIME, LATE, MISSING, NOT_DUE = "on_time", "late", "missing", "not_due"


def period_end(year, period):
    month, day = PERIOD_END[period]
    return date(year, month, day)


def default_due_date(year, period, calendar=None):
    """The period's last day plus the configured number of working days (Tết and weekends off)."""
    calendar = calendar or WorkingCalendar.from_database()
    return calendar.add_working_days(period_end(year, period), settings.THIDUA_REPORT_DUE_WORKING_DAYS)


@dataclass
class Standing:
    unit: Organization
    report: ProgressReport | None
    status: str


def standings(schedule, today=None):
    """Every unit directly below the schedule's owner with its report and status."""
    today = today or timezone.localdate()
    reports = {r.unit_id: r for r in schedule.reports.all()}
    rows = []
    for unit in Organization.objects.children_of(schedule.owner).filter(
            status=OrganizationStatus.ACTIVE).order_by("sort_key"):
        report = reports.get(unit.pk)
        if report:
            status = LATE if report.is_late else ON_TIME
        else:
            status = MISSING if today > schedule.due_date else NOT_DUE
        rows.append(Standing(unit, report, status))
    return rows


def reminders_due(today):
    """(schedule, unit) for every unit to remind ``today``: units of an open round that have not
    reported, a few working days before the due date and every working day once overdue (until
    the round closes). Nothing on a day off."""
    from django.db.models import Q

    from .models import ReportSchedule

    calendar = WorkingCalendar.from_database()
    if not calendar.is_working_day(today):
        return
    horizon = calendar.add_working_days(today, settings.THIDUA_REPORT_REMINDER_WORKING_DAYS)
    open_rounds = ReportSchedule.objects.filter(due_date__lte=horizon).filter(
        Q(closes_on__isnull=True) | Q(closes_on__gte=today)).select_related("owner")
    for schedule in open_rounds:
        for row in standings(schedule, today):
            if not row.report:
                yield schedule, row.unit


def remind(schedule, unit, today):
    """Notify the unit's officers of the round's due date, once a day. Returns how many."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from thidua.core.models import Notification
    from thidua.core.notifications import notify

    from .services import officers_at

    overdue = today > schedule.due_date
    title = _("Quá hạn báo cáo %(round)s") if overdue else _("Sắp đến hạn báo cáo %(round)s")
    url = reverse("movements:report_submit", args=[schedule.pk, unit.pk])
    already = Notification.objects.filter(
        url=url, title=title, created_at__date=timezone.localdate()).values("recipient")
    users = officers_at([unit]).exclude(pk__in=already)
    return notify(users, title, _("Hạn nộp: %(due)s. Cấp nhận: %(owner)s.") % {
        "due": schedule.due_date.strftime("%d/%m/%Y"), "owner": schedule.owner}, url,
        title_params={"round": schedule})


def send_reminders(today=None, each=None):
    """Send today's reminders (:func:`reminders_due`); returns the number of users notified.

    The command and the Celery task both run this; the task passes its job's ``each`` so that a
    redelivered message skips the units already reminded."""
    today = today or timezone.localdate()
    reminders = reminders_due(today)
    if each is not None:
        reminders = each(reminders, key=lambda reminder: f"{reminder[0].pk}:{reminder[1].pk}")
    return sum(remind(schedule, unit, today) for schedule, unit in reminders)
