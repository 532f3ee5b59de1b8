"""What a unit merger does to movements and periodic reports (called by
``organizations.merging.merge_unit`` after the absorbed unit is marked merged).

The absorbed unit stops acting, so what it still had to do passes to its successor:

- movements it launched and has not closed are launched by the successor, and movements chosen for
  it are chosen for the successor: the units that moved under the successor stay in scope;
- its open registrations (draft, sent, returned) become the successor's, unless the successor has
  its own for that movement and year or is outside the movement: then they are closed, with the
  reason on each;
- the rounds of periodic reports it receives that are not closed are received by the successor;
  where the successor has its own round of the same movement and period, the reports already sent
  move to that round and the absorbed unit's round is closed today.

Approved registrations, closed rounds and closed movements keep the name they were made under.
Every change goes through ``audited_update``.
"""
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.recording import audited_update

from .models import (
    Movement,
    MovementStatus,
    ProgressReport,
    Registration,
    RegistrationStatus,
    ReportSchedule,
)
from .models.registration import OPEN_REGISTRATION


def unit_merged(user, absorbed, successor):
    """Hand the absorbed unit's movements, open registrations and report rounds to ``successor``.
    Returns {"movements", "registrations", "closed", "rounds"}: how many of each changed."""
    counts = {"movements": _hand_over_movements(absorbed, successor)}
    counts["registrations"], counts["closed"] = _hand_over_registrations(absorbed, successor)
    counts["rounds"] = _hand_over_rounds(absorbed, successor)
    return counts


def _hand_over_movements(absorbed, successor):
    running = Movement.objects.unscoped(
        "a merger hands every running movement of the absorbed unit on").exclude(
        status=MovementStatus.CLOSED)
    moved = audited_update(running.filter(launched_by=absorbed), launched_by=successor)
    for movement in running.filter(scope_chosen=True, chosen_units=absorbed).distinct():
        movement.chosen_units.add(successor)  # a no-op where it is chosen already
    return moved


def _hand_over_registrations(absorbed, successor):
    passing, closing = [], []
    for registration in Registration.objects.filter(unit=absorbed, status__in=OPEN_REGISTRATION
                                                    ).select_related("movement"):
        taken = Registration.objects.filter(movement=registration.movement, unit=successor,
                                            year=registration.year).exists()
        fits = registration.movement.covers(successor) and not taken
        (passing if fits else closing).append(registration.pk)
    audited_update(Registration.objects.filter(pk__in=passing), unit=successor)
    reason = _("Đơn vị %(old)s đã sáp nhập vào %(new)s; %(new)s đã có bản đăng ký của phong "
               "trào này trong năm hoặc không thuộc phạm vi phong trào.") % {
        "old": absorbed.name, "new": successor.name}
    audited_update(Registration.objects.filter(pk__in=closing),
                   status=RegistrationStatus.CLOSED, closed_reason=reason)
    return len(passing), len(closing)


def _hand_over_rounds(absorbed, successor):
    today = timezone.localdate()
    rounds = ReportSchedule.objects.filter(owner=absorbed).filter(
        Q(closes_on__isnull=True) | Q(closes_on__gte=today))
    for schedule in rounds:
        same = ReportSchedule.objects.filter(owner=successor, movement=schedule.movement,
                                             year=schedule.year, period=schedule.period).first()
        if same is None:
            audited_update(ReportSchedule.objects.filter(pk=schedule.pk), owner=successor)
        else:
            audited_update(ProgressReport.objects.filter(schedule=schedule), schedule=same)
            audited_update(ReportSchedule.objects.filter(pk=schedule.pk), closes_on=today)
    return len(rounds)
