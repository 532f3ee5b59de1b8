"""Who may change the legal register: the platform's own administrators (superusers, or system
administrators of a root unit such as the VCA). Everyone signed in may read it. A unit's own
bases (charter, regulation) are kept by its system administrators."""
import rules

from thidua.accounts.models import Role
from thidua.organizations import tree
from thidua.organizations.scoping import assignments, roles_at


@rules.predicate
def is_national_admin(user):
    if not getattr(user, "is_active", False):
        return False
    if user.is_superuser:
        return True
    return any(role == Role.SYSTEM_ADMIN and tree.is_root(path)
               for role, _org, path, _subtree in assignments(user))


rules.add_perm("legal.manage_legal_texts", is_national_admin)
rules.add_perm("legal.view_legal_texts", rules.is_authenticated)


@rules.predicate
def administers_unit(user, organization):
    """System administrators of the unit (or of a unit above it, for its whole subtree)."""
    return getattr(user, "is_active", False) and (
        user.is_superuser or Role.SYSTEM_ADMIN in roles_at(user, organization))


rules.add_perm("legal.manage_own_bases", administers_unit)
