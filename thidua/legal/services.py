"""Changing what an organisation cites of its own (its charter, its emulation regulation): one
function per change, with its permission check; the audit log and the row's history record it."""
from django.db import transaction

from thidua.core.permissions import require


@transaction.atomic
def save_own_basis(user, own_basis):
    """Add or change one of a unit's own bases (its system administrators). Side effects: the
    row with its history; decisions and tờ trình of the unit dated within its validity cite it."""
    require(user, "legal.manage_own_bases",
            own_basis.organization if own_basis.organization_id else None)
    own_basis.full_clean()
    own_basis._history_user = user
    own_basis.save()
    return own_basis
