"""What every transition shares: the error type, the permission check, the locked state change
with its Transition row, and finding who must act next."""
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.models import User
from thidua.core.notifications import notify
from thidua.core.workdays import WorkingCalendar

from .. import steps
from ..models import NominationBatch
from ..states import State


class WorkflowError(ValidationError):
    """A refused action; the message says in Vietnamese what is wrong and how to fix it."""


def setting(name, default):
    return getattr(settings, name, default)


def require(user, perm, obj):
    if not user.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def locked(batch):
    """Re-read ``batch`` with a row lock, so two officers cannot move it at once."""
    return NominationBatch.objects.select_for_update().get(pk=batch.pk)


def move(user, batch, allowed_from, to_state, note="", due_on=None):
    """Move the (locked) ``batch`` to ``to_state`` and write the Transition row."""
    if batch.state not in allowed_from:
        raise WorkflowError(_("Tờ trình đang ở trạng thái “%(state)s”, không thể chuyển sang "
                              "“%(to)s”.") % {"state": batch.get_state_display(),
                                              "to": State(to_state).label})
    steps.record(batch, to_state, user, note=note)
    batch.state = to_state
    batch.due_on = due_on
    batch.save(update_fields=["state", "due_on"])
    return batch


def working_days_from_today(count):
    return WorkingCalendar.from_database().add_working_days(timezone.localdate(), count)


def users_with_roles(organization, roles):
    """Active users holding one of ``roles`` at ``organization`` or above it (with subtree)."""
    step = type(organization).steplen
    ancestors = [organization.path[:i] for i in range(step, len(organization.path), step)]
    return User.objects.filter(is_active=True).filter(
        Q(role_assignments__organization=organization, role_assignments__role__in=roles)
        | Q(role_assignments__organization__path__in=ancestors,
            role_assignments__include_descendants=True, role_assignments__role__in=roles)
    ).distinct()


def tell(organization, roles, title, batch, body=""):
    """Notify who holds ``roles`` at ``organization`` (inbox now, email after commit)."""
    return notify(users_with_roles(organization, roles), title, body or str(batch),
                  batch.get_absolute_url())
