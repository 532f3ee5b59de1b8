"""Soft delete and restore of units and people: a row entered by mistake leaves the lists without
leaving the database, so nothing that points at it breaks.

A deleted unit or person keeps every row that refers to it — employments, awards, ratings,
dossiers, decisions, documents, history — and its page still opens from them, saying who deleted
it, when and why. It is gone from the lists, searches and pickers (``visible_to`` leaves it out)
and takes no write until a system administrator restores it from the page "Đã xóa"
(``visible_to(…, deleted=True)``). Each change is one function here: permission first, one transaction,
the row locked, the history row (``_history_user``) and so the audit entry, then whom to tell.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.directory import users_with_roles
from thidua.accounts.models import Role
from thidua.core.notifications import notify
from thidua.core.permissions import require

from .models import Organization, Person
from .scoping import current_employment_q

RESTORERS = frozenset({Role.SYSTEM_ADMIN})


def _mark(instance, user, deleted, reason=""):
    instance.deleted_at = timezone.now() if deleted else None
    instance.deleted_by = user if deleted else None
    instance.deletion_reason = reason if deleted else ""
    instance._history_user = user
    instance.save()
    return instance


def _reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Cần ghi lý do xóa."))
    return reason[:255]


def check_unit_deletion(unit):
    """Refuse deleting a unit whose removal would leave something hanging (Vietnamese)."""
    if unit.deleted_at:
        raise ValidationError(_("Đơn vị này đã bị xóa."))
    if Organization.objects.get_parent(unit) is None:
        raise ValidationError(_("Không thể xóa đơn vị gốc của hệ thống."))
    if not unit.is_active:
        raise ValidationError(_("Đơn vị đã sáp nhập hoặc giải thể là một phần của lịch sử; "
                                "không xóa được."))
    if Organization.objects.children_of(unit).filter(deleted_at__isnull=True).exists():
        raise ValidationError(_("Đơn vị còn đơn vị trực thuộc; hãy chuyển hoặc xóa các đơn vị "
                                "đó trước."))
    if unit.employments.filter(current_employment_q()).exists():
        raise ValidationError(_("Đơn vị còn người đang công tác; hãy kết thúc hoặc điều chuyển "
                                "công tác của họ trước."))


@transaction.atomic
def delete_organization(user, unit, reason):
    """Soft-delete ``unit`` (entered by mistake, a duplicate): who edits the network where it
    sits. Side effects: who/when/why on the row, its history row and audit entry; its system
    administrators are told how to restore it."""
    parent = Organization.objects.get_parent(unit)
    require(user, "organizations.change_organization", parent or unit)
    unit = Organization.objects.select_for_update().get(pk=unit.pk)
    check_unit_deletion(unit)
    _mark(unit, user, True, _reason(reason))
    _tell_restorers(_users_at(unit), _("Đã xóa đơn vị %(name)s"), unit)
    return unit


@transaction.atomic
def restore_organization(user, unit):
    """Bring a deleted unit back (a system administrator at it or above). Side effects: its
    history row and audit entry."""
    require(user, "organizations.restore_organization", unit)
    unit = Organization.objects.select_for_update().get(pk=unit.pk)
    if not unit.deleted_at:
        raise ValidationError(_("Đơn vị này không bị xóa."))
    parent = Organization.objects.get_parent(unit)
    if parent is not None and parent.deleted_at:
        raise ValidationError(_("Hãy khôi phục đơn vị cấp trên %(parent)s trước.")
                              % {"parent": parent.name})
    return _mark(unit, user, False)


@transaction.atomic
def delete_person(user, person, reason):
    """Soft-delete ``person`` (entered by mistake, a duplicate): who edits them. Their
    employments, awards and dossiers stay. Side effects: who/when/why, history row and audit
    entry; the system administrators of their units are told how to restore them."""
    require(user, "organizations.change_person", person)
    person = Person.objects.select_for_update().unscoped(LOCKED_ROW).get(pk=person.pk)
    if person.deleted_at:
        raise ValidationError(_("Người này đã bị xóa."))
    _mark(person, user, True, _reason(reason))
    units = [job.organization for job in person.employments.filter(current_employment_q())
             .select_related("organization")]
    _tell_restorers([u for unit in units for u in _users_at(unit)],
                    _("Đã xóa cá nhân %(name)s"), person)
    return person


@transaction.atomic
def restore_person(user, person):
    """Bring a deleted person back (a system administrator of one of their units). Side
    effects: history row and audit entry."""
    require(user, "organizations.restore_person", person)
    person = Person.objects.select_for_update().unscoped(LOCKED_ROW).get(pk=person.pk)
    if not person.deleted_at:
        raise ValidationError(_("Người này không bị xóa."))
    return _mark(person, user, False)


LOCKED_ROW = "the row of a person the caller holds, locked to change it"


def _users_at(unit):
    return list(users_with_roles(unit, RESTORERS))


def _tell_restorers(users, title, instance):
    notify(users, title, _("Khôi phục ở trang “Đã xóa” nếu xóa nhầm."),
           reverse("organizations:deleted"), title_params={"name": str(instance)})


def deleted_units(user):
    """The deleted units ``user`` may restore, newest deletion first."""
    return (Organization.objects.visible_to(user, RESTORERS, deleted=True)
            .select_related("deleted_by").order_by("-deleted_at"))


def deleted_people(user):
    """The deleted people ``user`` may restore, newest deletion first."""
    return (Person.objects.visible_to(user, RESTORERS, deleted=True)
            .select_related("deleted_by").order_by("-deleted_at"))
