"""Who may act on the pipeline, as django-rules predicates over ``scoping.roles_at``.

Proposers: EC_OFFICER or UNIT_REPORTER at the proposing unit. Intake and appraisal: EC_OFFICER or
APPRAISER at the target authority. Council work: COUNCIL_SECRETARY at the council's unit.
Decisions: SIGNER or EC_OFFICER at the issuer. A role held at an ancestor (with its subtree)
counts, as everywhere else in the system — except for a department's opinion: only EC_OFFICER or
APPRAISER assigned at the department itself answers for it (``nominations.opinions``).
"""
import rules

from thidua.accounts.models import Role
from thidua.organizations.rules import holds_role_at_organization, is_active_superuser
from thidua.organizations.scoping import ALL_ROLES, assignments, roles_at

PROPOSERS = frozenset({Role.EC_OFFICER, Role.UNIT_REPORTER})
INTAKE = frozenset({Role.EC_OFFICER, Role.APPRAISER})
SECRETARIES = frozenset({Role.COUNCIL_SECRETARY})
ISSUERS = frozenset({Role.SIGNER, Role.EC_OFFICER})
DEPARTMENT_ROLES = frozenset({Role.EC_OFFICER, Role.APPRAISER})


def _at(field, roles, name):
    @rules.predicate(name=name)
    def predicate(user, obj):
        return bool(roles & roles_at(user, getattr(obj, field)))

    return predicate


proposes_for = holds_role_at_organization(PROPOSERS, "proposer")
is_batch_proposer = _at("proposer", PROPOSERS, "batch_proposer")
is_batch_intake = _at("authority", INTAKE, "batch_intake")
is_batch_secretary = _at("authority", SECRETARIES, "batch_secretary")
is_batch_issuer = _at("authority", ISSUERS, "batch_issuer")
sees_proposer = _at("proposer", ALL_ROLES, "sees_proposer")
sees_authority = _at("authority", ALL_ROLES, "sees_authority")

rules.add_perm("nominations.propose_for", is_active_superuser | proposes_for)
rules.add_perm("nominations.view_batch", is_active_superuser | sees_proposer | sees_authority)
rules.add_perm("nominations.edit_batch", is_active_superuser | is_batch_proposer)
# Withdrawing is the proposer's own step: an intake officer of the authority who also holds a
# proposer role through their subtree is not offered it, unless the unit proposes to itself.
proposes_to_itself = rules.predicate(lambda user, batch: batch.proposer_id == batch.authority_id,
                                     name="proposes_to_itself")
rules.add_perm("nominations.withdraw_batch", is_active_superuser | (
    is_batch_proposer & (~is_batch_intake | proposes_to_itself)))
rules.add_perm("nominations.intake_batch", is_active_superuser | is_batch_intake)
rules.add_perm("nominations.council_batch", is_active_superuser | is_batch_secretary)
rules.add_perm("nominations.decide_batch", is_active_superuser | is_batch_issuer)
rules.add_perm("nominations.run_council",
               is_active_superuser | _at("organization", SECRETARIES, "council_secretary"))
rules.add_perm("nominations.view_council",
               is_active_superuser | _at("organization", ALL_ROLES, "council_viewer"))
rules.add_perm("nominations.issue_for",
               is_active_superuser | holds_role_at_organization(ISSUERS, "issuer"))
rules.add_perm("nominations.manage_decision",
               is_active_superuser | _at("issuer", ISSUERS, "decision_issuer"))
# How the unit numbers and signs its decisions is its system administrators' to set.
rules.add_perm("nominations.manage_issuer_settings", is_active_superuser
               | holds_role_at_organization(frozenset({Role.SYSTEM_ADMIN}), "unit_admin"))
rules.add_perm("nominations.view_decision",
               is_active_superuser | _at("issuer", ALL_ROLES, "decision_viewer"))


@rules.predicate(name="department_staff")
def is_department_staff(user, request):
    """Holds a department role at the asked department itself (not through an ancestor)."""
    return any(org_id == request.department_id and role in DEPARTMENT_ROLES
               for role, org_id, _path, _subtree in assignments(user))


@rules.predicate(name="sees_opinion_request")
def sees_opinion_request(user, request):
    return bool(roles_at(user, request.department) or roles_at(user, request.batch.authority))


# A department answers what was sent to it; the level's officers and whoever sees the department
# read the request and its answers.
rules.add_perm("nominations.answer_opinion", is_active_superuser | is_department_staff)
rules.add_perm("nominations.view_opinion_request", is_active_superuser | sees_opinion_request)
