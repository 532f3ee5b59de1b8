"""Who reads the audit log: superusers and system admins (each within their scope, see
``AuditEntryQuerySet.visible_to``)."""
import rules

from .models import AUDITOR_ROLE


@rules.predicate
def is_auditor(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.role_assignments.filter(role=AUDITOR_ROLE).exists()


rules.add_perm("audit.view_log", is_auditor)
