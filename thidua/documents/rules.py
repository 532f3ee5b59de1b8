"""Who may manage an organisation's document templates: its system administrators, emulation
officers and signers (a role at an ancestor with its subtree counts). Who may download a
document follows the pipeline's own permissions (view_batch, view_decision, the council's)."""
import rules

from thidua.accounts.models import Role
from thidua.organizations.rules import holds_role_at_organization, is_active_superuser
from thidua.organizations.scoping import assignments, roles_at

TEMPLATE_EDITORS = frozenset({Role.SYSTEM_ADMIN, Role.EC_OFFICER, Role.SIGNER})

rules.add_perm("documents.manage_templates",
               is_active_superuser | holds_role_at_organization(TEMPLATE_EDITORS,
                                                                "template_editor"))


@rules.predicate(name="decision_signer")
def signs_for_issuer(user, decision):
    return Role.SIGNER in roles_at(user, decision.issuer)


# Signing a decision: a SIGNER at its issuer (and whose certificate is on their account).
rules.add_perm("documents.sign_decision", signs_for_issuer)


SEAL_KEEPERS = frozenset({Role.SIGNER, Role.EC_OFFICER})


@rules.predicate(name="seal_keeper")
def keeps_issuer_seal(user, decision):
    return bool(SEAL_KEEPERS & roles_at(user, decision.issuer))


# Sealing a decision's certificates with the issuer's organisation seal: its signer or its
# emulation and commendation office (who print the certificates), never another unit.
rules.add_perm("documents.seal_certificates", keeps_issuer_seal)


@rules.predicate(name="submission_signer")
def signs_for_proposer(user, batch):
    """A SIGNER assigned at the proposing unit itself: a signer of a level above, whose role
    reaches the unit through its subtree, does not sign the unit's own tờ trình."""
    return any(role == Role.SIGNER and org_id == batch.proposer_id
               for role, org_id, _path, _subtree in assignments(user))


# Signing a tờ trình, where its unit asks for it (IssuerSettings.sign_submissions): the proposing
# unit's own signer, never another unit's.
rules.add_perm("documents.sign_submission", signs_for_proposer)
