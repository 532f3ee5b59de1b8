"""Permissions on award records, ratings and eligibility, as django-rules predicates."""
import rules

from thidua.accounts.models import Role

from thidua.organizations.rules import (holds_role_at_organization, holds_role_for_person,
                                        is_active_superuser, unit_active)
from thidua.organizations.scoping import (NETWORK_EDITORS, PEOPLE_EDITORS, PEOPLE_READERS,
                                         roles_at)

# Reading records and eligibility: whoever may read the unit's people.
rules.add_perm("awards.view_records_of",
               is_active_superuser | holds_role_at_organization(PEOPLE_READERS, "records_reader"))
# Individual ratings are entered by the unit itself (its reporter) or by E&C officers above it.
rules.add_perm("awards.rate_people_of",
               (is_active_superuser | holds_role_at_organization(PEOPLE_EDITORS, "rater"))
               & unit_active)
# The registry (awards, collective ratings, disciplines, holds) is kept by E&C officers.
rules.add_perm("awards.keep_registry_of",
               is_active_superuser | holds_role_at_organization(NETWORK_EDITORS, "registry_keeper"))
rules.add_perm("awards.keep_registry_for_person",
               is_active_superuser | holds_role_for_person(NETWORK_EDITORS, "registry_keeper"))
rules.add_perm("awards.view_person_record",
               is_active_superuser | holds_role_for_person(PEOPLE_READERS, "records_reader"))

REVOKERS = frozenset({Role.SIGNER, Role.EC_OFFICER})


@rules.predicate
def is_awarding_authority(user, award):
    """The authority that awarded revokes: SIGNER/EC_OFFICER at the decision's issuer; for an
    imported award (no decision in the system) the registry keepers of the recipient."""
    if award.decision_id:
        return bool(REVOKERS & roles_at(user, award.decision.issuer))
    if award.person_id:
        return holds_role_for_person(NETWORK_EDITORS, "registry_keeper")(user, award.person)
    return bool(NETWORK_EDITORS & roles_at(user, award.organization))


rules.add_perm("awards.revoke_award", is_active_superuser | is_awarding_authority)
