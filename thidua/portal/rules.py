"""Who runs a site: its organisation's portal editors edit content, its moderators handle
comments and questions; system administrators of the organisation may do both. Roles held at an
ancestor count, as everywhere else."""
import rules

from thidua.accounts.models import Role
from thidua.organizations.scoping import roles_at

EDITOR_ROLES = frozenset({Role.PORTAL_EDITOR, Role.SYSTEM_ADMIN})
MODERATOR_ROLES = frozenset({Role.MODERATOR, Role.PORTAL_EDITOR, Role.SYSTEM_ADMIN})


@rules.predicate
def edits_site(user, site):
    return site is not None and bool(roles_at(user, site.organization) & EDITOR_ROLES)


@rules.predicate
def moderates_site(user, site):
    return site is not None and bool(roles_at(user, site.organization) & MODERATOR_ROLES)


rules.add_perm("portal.edit_site", edits_site)
rules.add_perm("portal.moderate_site", moderates_site)
rules.add_perm("portal.manage_site", edits_site | moderates_site)
