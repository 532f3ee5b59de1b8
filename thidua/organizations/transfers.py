"""A person's transfer from one unit to another that the receiving unit confirms or refuses.

The sending unit's people editors ask (``request_transfer``) and may take the request back while
it waits (``cancel_transfer``); the receiving unit's people editors — or those of a unit above it
holding its subtree — answer. Accepting (``accept_transfer``) ends the person's employment at the
sending unit the day before the transfer's date and opens one at the receiving unit from that
date, as a merger moves people (``merging._move_people``); refusing (``refuse_transfer``) moves
nothing and keeps the reason. Every request stays, whatever its answer, so the person's and both
units' history show each one; every change is in the audit log (``_history_user``). The duplicate
check of a move (``services.refuse_twin_at``) applies when asking and again when accepting.
"""
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.directory import users_with_roles
from thidua.core.notifications import notify
from thidua.core.permissions import require
from thidua.core.scopes import ROW_LOCK

from . import services
from .models import Employment, Transfer, TransferState
from .scoping import PEOPLE_EDITORS


def _save(instance, user):
    instance._history_user = user
    instance.save()
    return instance


def check_transfer(employment, to_unit, day):
    """Refuse a transfer that cannot be: the reason in Vietnamese (``ValidationError``)."""
    if to_unit.pk == employment.organization_id:
        raise ValidationError(_("Đơn vị nhận phải khác đơn vị chuyển đi."))
    if not to_unit.is_active:
        raise ValidationError(_("%(unit)s không còn hoạt động, không nhận người chuyển đến.")
                              % {"unit": to_unit.name})
    if employment.start_date and day <= employment.start_date:
        raise ValidationError(_("Ngày chuyển phải sau ngày bắt đầu công tác tại đơn vị chuyển đi "
                                "(%(day)s).") % {"day": employment.start_date.strftime("%d/%m/%Y")})
    if employment.end_date and employment.end_date < day - timedelta(days=1):
        raise ValidationError(_("Công tác tại %(unit)s đã kết thúc ngày %(day)s, trước ngày chuyển.")
                              % {"unit": employment.organization.name,
                                 "day": employment.end_date.strftime("%d/%m/%Y")})
    if (Employment.objects.filter(person=employment.person_id, organization=to_unit)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=day)).exists()):
        raise ValidationError(_("Người này đang công tác tại %(unit)s.") % {"unit": to_unit.name})


def _refuse_unless_pending(transfer):
    if not transfer.is_pending:
        raise ValidationError(_("Đề nghị điều chuyển này đã được xử lý (%(state)s).")
                              % {"state": transfer.get_state_display()})


@transaction.atomic
def request_transfer(user, employment, to_unit, day, position="", note="", confirmed=False):
    """Ask ``to_unit`` to take the person of ``employment`` from ``day``. A likely duplicate at
    the receiving unit stops the request unless ``confirmed`` (the user saw them). Follow-up: the
    receiving unit's people editors are notified."""
    services.refuse_if_closed(employment.organization)
    require(user, "organizations.request_transfer", employment.organization)
    employment = Employment.objects.unscoped(ROW_LOCK).select_for_update().select_related(
        "person", "organization").get(pk=employment.pk)
    check_transfer(employment, to_unit, day)
    if Transfer.objects.filter(employment=employment, state=TransferState.REQUESTED).exists():
        raise ValidationError(_("Đã có một đề nghị điều chuyển người này đang chờ đơn vị nhận "
                                "xác nhận."))
    services.refuse_twin_at(user, employment.person, to_unit, confirmed)
    transfer = _save(Transfer(employment=employment, to_unit=to_unit, effective_date=day,
                              position=position, note=note, twin_confirmed=confirmed,
                              requested_by=user), user)
    notify(users_with_roles(to_unit, PEOPLE_EDITORS),
           _("Đề nghị tiếp nhận %(person)s từ %(unit)s"), note, transfer.get_absolute_url(),
           title_params={"person": employment.person.full_name,
                         "unit": employment.organization.name})
    return transfer


def _locked(transfer):
    return Transfer.objects.select_for_update().select_related(
        "employment__person", "employment__organization", "to_unit").get(pk=transfer.pk)


def _decided(user, transfer, state):
    transfer.state, transfer.decided_by, transfer.decided_at = state, user, timezone.now()


def _tell_the_sender(transfer, body=""):
    notify([transfer.requested_by], _("Điều chuyển %(person)s: %(state)s"), body,
           transfer.get_absolute_url(),
           title_params={"person": transfer.person.full_name,
                         "state": transfer.get_state_display()})


@transaction.atomic
def accept_transfer(user, transfer, confirmed=False):
    """The receiving unit takes the person: their employment at the sending unit ends the day
    before the transfer's date and one at the receiving unit (same category and direct-worker
    flag; the position asked for, else the same) starts on it. A likely duplicate who appeared
    at the receiving unit since the request stops it unless ``confirmed``. Follow-up: the
    requester is notified."""
    transfer = _locked(transfer)
    services.refuse_if_closed(transfer.to_unit)
    require(user, "organizations.decide_transfer", transfer.to_unit)
    _refuse_unless_pending(transfer)
    old, day = transfer.employment, transfer.effective_date
    check_transfer(old, transfer.to_unit, day)
    services.refuse_twin_at(user, old.person, transfer.to_unit,
                            confirmed or transfer.twin_confirmed)
    transfer.new_employment = _save(old.continued_at(
        transfer.to_unit, day, position=transfer.position or old.position), user)
    services.close_employment(user, old, day - timedelta(days=1))
    _decided(user, transfer, TransferState.ACCEPTED)
    _save(transfer, user)
    _tell_the_sender(transfer)
    return transfer


@transaction.atomic
def refuse_transfer(user, transfer, reason):
    """The receiving unit declines, saying why; nothing moves. Follow-up: the requester is
    notified with the reason."""
    transfer = _locked(transfer)
    require(user, "organizations.decide_transfer", transfer.to_unit)
    _refuse_unless_pending(transfer)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Cần ghi lý do từ chối để đơn vị chuyển đi biết."))
    transfer.reason = reason
    _decided(user, transfer, TransferState.REFUSED)
    _save(transfer, user)
    _tell_the_sender(transfer, reason)
    return transfer


def unit_merged(user, absorbed, successor, day):
    """Pending transfers follow a merger (``merging.merge_unit``, once the people have moved): one
    into the absorbed unit is now answered by the successor; one out of it leaves from the
    person's employment at the successor, unless it was a transfer to the successor itself,
    which the merger has done (it is closed as cancelled, by the merging user)."""
    pending = Transfer.objects.select_for_update().filter(state=TransferState.REQUESTED)
    for transfer in pending.filter(to_unit=absorbed):
        transfer.to_unit = successor
        _save(transfer, user)
    for transfer in pending.filter(employment__organization=absorbed).select_related("employment"):
        old = transfer.employment
        if transfer.to_unit_id == successor.pk:
            _decided(user, transfer, TransferState.CANCELLED)
        else:  # the row the merger opened for this one (same position and category)
            transfer.employment = Employment.objects.filter(
                person=old.person_id, organization=successor, start_date=day,
                position=old.position, category=old.category).order_by("pk").first() or old
        _save(transfer, user)


@transaction.atomic
def cancel_transfer(user, transfer):
    """The sending unit takes back a request the receiving unit has not answered."""
    transfer = _locked(transfer)
    require(user, "organizations.request_transfer", transfer.from_unit)
    _refuse_unless_pending(transfer)
    _decided(user, transfer, TransferState.CANCELLED)
    return _save(transfer, user)
