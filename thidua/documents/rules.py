"""Who may manage an organisation's document templates: its system administrators, emulation
officers and signers (a role at an ancestor with its subtree counts). Who may download a
document follows the pipeline's own permissions (view_batch, view_decision, the council's)."""
import rules

from thidua.accounts.models import Role
from thidua.organizations.rules import holds_role_at_organization, is_active_superuser

TEMPLATE_EDITORS = frozenset({Role.SYSTEM_ADMIN, Role.EC_OFFICER, Role.SIGNER})

rules.add_perm("documents.manage_templates",
               is_active_superuser | holds_role_at_organization(TEMPLATE_EDITORS,
                                                                "template_editor"))
