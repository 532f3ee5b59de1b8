"""What every transition shares: the error type, the permission check, the locked state change
with its Transition row, and finding who must act next."""
from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.accounts.directory import users_with_roles
from thidua.core.notifications import notify
from thidua.core.permissions import deny
from thidua.core.scopes import ROW_LOCK
from thidua.core.workdays import WorkingCalendar

from .. import steps
from ..guards import state_refusal
from ..models import NominationBatch


class WorkflowError(ValidationError):
    """A refused action; the message says in Vietnamese what is wrong and how to fix it."""


def locked(batch):
    """Re-read ``batch`` with a row lock, so two officers cannot move it at once."""
    return NominationBatch.objects.unscoped(ROW_LOCK).select_for_update().get(pk=batch.pk)


def move(user, batch, allowed_from, to_state, note="", due_on=None):
    """Move the (locked) ``batch`` to ``to_state`` and write the Transition row."""
    if batch.state not in allowed_from:
        raise WorkflowError(state_refusal(batch, to_state))
    steps.record(batch, to_state, user, note=note)
    batch.state = to_state
    batch.due_on = due_on
    batch.save(update_fields=["state", "due_on"])
    return batch


def enforce(gate):
    """Refuse a step its gate (``nominations.guards``) closes: no permission → PermissionDenied;
    a batch at another step → the state it is in; at the step but not yet possible → the gate's
    reason."""
    if not gate.permitted:
        deny()
    if not gate.applies and gate.refusal:
        raise WorkflowError(gate.refusal)
    if gate.applies and gate.reason:
        raise WorkflowError(gate.reason)


def working_days_from_today(count):
    return WorkingCalendar.from_database().add_working_days(timezone.localdate(), count)


def tell(organization, roles, title, batch, body="", title_params=None):
    """Notify who holds ``roles`` at ``organization`` (inbox now, email after commit)."""
    return notify(users_with_roles(organization, roles), title, body or str(batch),
                  batch.get_absolute_url(), title_params=title_params)
