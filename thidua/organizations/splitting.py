"""Splitting new units off a unit on a given day (chia, tách đơn vị).

``split_unit`` is the one state change: the new units are created beside the old one (under the
same parent, founded on the day, ``split_from`` the old unit), the people the administrator
assigns to each go on there from the day (their work at the old unit ends the day before, as in a
merger), and what lives in higher apps follows by name (``FOLLOW_UPS``: the honour roll places the
moved people's awards). The old unit stays as it is, with its award history, ratings, dossiers
and documents: records already made keep pointing at it and at its name, and the new units start
with no collective history of their own (nothing is inherited, unlike a merger). A division in
which the old unit ceases is a split followed by recording the old unit as dissolved (its page →
Sửa), which ends the work of whoever stayed.
"""
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from thidua.accounts.directory import users_with_roles
from thidua.core.notifications import notify
from thidua.core.permissions import require

from . import services
from .models import Organization, Transfer, TransferState
from .scoping import NETWORK_EDITORS

# Higher apps, named by dotted path because a lower app never imports them.
FOLLOW_UPS = ("thidua.portal.honour.people_moved",)
MAX_NEW_UNITS = 5


def running_at(unit, day):
    """The employments at ``unit`` still running on ``day``: the people a split may move."""
    return (unit.employments
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
            .filter(Q(start_date__isnull=True) | Q(start_date__lt=day)))


def prepare(unit, new_units, day):
    """The new units as a split makes them: ``split_from`` the old unit, founded on ``day``, of
    its kind, province, ward and sector unless given. Returns ``new_units``."""
    for new in new_units:
        new.split_from, new.founding_date = unit, day
        new.kind = new.kind or unit.kind
        for name in ("province_code", "province_name", "ward_code", "ward_name", "sector"):
            if not getattr(new, name):
                setattr(new, name, getattr(unit, name))
    return new_units


def check_split(unit, new_units, day, moves):
    """Refuse a split that cannot be: the reason in Vietnamese (``ValidationError``)."""
    if not unit.is_active:
        raise ValidationError(unit.closed_note())
    if Organization.objects.get_parent(unit) is None:
        raise ValidationError(_("Không thể chia tách đơn vị gốc của hệ thống."))
    if not new_units:
        raise ValidationError(_("Cần ít nhất một đơn vị mới."))
    if len(new_units) > MAX_NEW_UNITS:
        raise ValidationError(_("Mỗi lần chia tách tối đa %(count)s đơn vị mới.")
                              % {"count": MAX_NEW_UNITS})
    if day > timezone.localdate():
        raise ValidationError(_("Ngày chia tách không được ở tương lai."))
    if unit.founding_date and day <= unit.founding_date:
        raise ValidationError(_("Ngày chia tách phải sau ngày thành lập của đơn vị."))
    codes = [new.code for new in new_units]
    if len(set(codes)) != len(codes):
        raise ValidationError(_("Hai đơn vị mới không được trùng mã."))
    for new in new_units:
        try:
            new.full_clean(exclude=["path", "depth", "numchild"], validate_unique=True)
        except ValidationError as refusal:  # said of the new unit, for a form without its fields
            raise ValidationError([_("Đơn vị mới “%(name)s”: %(reason)s") % {
                "name": new.name or new.code, "reason": message}
                for message in refusal.messages]) from refusal
    movable = set(running_at(unit, day).values_list("pk", flat=True))
    if any(pk not in movable for pk in moves) or any(
            not 0 <= index < len(new_units) for index in moves.values()):
        raise ValidationError(_("Chỉ chuyển được người đang công tác tại đơn vị vào ngày chia "
                                "tách, sang một trong các đơn vị mới."))
    if Transfer.objects.filter(employment__in=list(moves), state=TransferState.REQUESTED).exists():
        raise ValidationError(_("Có người đang chờ đơn vị khác trả lời đề nghị điều chuyển; hãy "
                                "hủy đề nghị hoặc đợi trả lời trước khi chia tách."))


@transaction.atomic
def split_unit(user, unit, new_units, day, moves=None):
    """Split ``new_units`` (unsaved Organizations: kind, code, name …) off ``unit`` on ``day`` and
    move the people ``moves`` assigns (employment pk → index in ``new_units``). The user must
    edit the network at ``unit`` and where the new units go (its parent). Returns the new units.

    Side effects: each new unit created through ``services.create_organization`` (history row,
    audit entry), placed and founded like the old one (same parent, province and ward unless
    given, founding date ``day``, ``split_from`` the old unit); each moved person's employment
    at the old unit ends the day before ``day`` and the same position starts at the new unit on
    ``day`` (``services.add_employment`` / ``end_employment``: audited, rights checked, unit
    scopes refreshed); the network editors of the old unit are notified; ``FOLLOW_UPS``."""
    moves = dict(moves or {})
    parent = Organization.objects.get_parent(unit)
    require(user, "organizations.change_organization", unit)
    require(user, "organizations.add_organization", parent or unit)
    unit = Organization.objects.select_for_update().get(pk=unit.pk)
    check_split(unit, prepare(unit, new_units, day), day, moves)
    created = [services.create_organization(user, parent, new) for new in new_units]
    jobs = list(running_at(unit, day).filter(pk__in=list(moves)).select_related("person")
                .order_by("pk"))
    for job in jobs:
        services.add_employment(user, job.person, job.continued_at(
            created[moves[job.pk]], day, end_date=job.end_date), confirmed=True)
        services.end_employment(user, job, day - timedelta(days=1))
    notify(users_with_roles(unit, NETWORK_EDITORS), _("%(unit)s đã chia tách: %(new)s"),
           _("%(count)s người chuyển sang đơn vị mới từ %(day)s.") % {
               "count": len(moves), "day": day.strftime("%d/%m/%Y")},
           unit.get_absolute_url(),
           title_params={"unit": unit.name, "new": ", ".join(new.name for new in created)})
    for name in FOLLOW_UPS:
        import_string(name)(user, [job.person_id for job in jobs])
    return created
