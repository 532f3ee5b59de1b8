"""Permissions on the network, as django-rules predicates over ``scoping.roles_at``."""
import rules

from thidua.accounts.models import Role

from .scoping import (ALL_ROLES, CITIZEN_ID_READERS, NETWORK_EDITORS, PEOPLE_EDITORS,
                      PEOPLE_READERS, roles_at)


def _current_units(person):
    return [e.organization for e in person.employments.all() if e.is_current]


def holds_role_at_organization(roles, name):
    @rules.predicate(name=name)
    def predicate(user, organization):
        return bool(roles & roles_at(user, organization))

    return predicate


def holds_role_for_person(roles, name):
    @rules.predicate(name=name)
    def predicate(user, person):
        return any(roles & roles_at(user, unit) for unit in _current_units(person))

    return predicate


def holds_role_at_group_owner(roles, name):
    @rules.predicate(name=name)
    def predicate(user, group):
        return bool(roles & roles_at(user, group.owner))

    return predicate


@rules.predicate
def holds_role_at_group_member(user, group):
    return any(roles_at(user, unit) for unit in group.members.all())


is_active_superuser = rules.predicate(lambda user: user.is_active and user.is_superuser,
                                      name="is_active_superuser")
# A merged or dissolved unit takes no write (editing, units or people added, imports, ratings,
# transfers): a merged unit's successor does, a dissolved unit is kept for reading only.
unit_active = rules.predicate(lambda user, organization: organization.is_active,
                              name="unit_active")
# A deleted person (deletion.py) takes no edit until restored; their pages still open.
person_kept = rules.predicate(lambda user, person: person.deleted_at is None, name="person_kept")

rules.add_perm("organizations.view_organization",
               is_active_superuser | holds_role_at_organization(ALL_ROLES, "any_role_at_unit"))
rules.add_perm("organizations.change_organization",
               (is_active_superuser | holds_role_at_organization(NETWORK_EDITORS, "network_editor"))
               & unit_active)
rules.add_perm("organizations.add_organization",
               (is_active_superuser | holds_role_at_organization(NETWORK_EDITORS, "network_editor"))
               & unit_active)
rules.add_perm("organizations.import_data",
               (is_active_superuser | holds_role_at_organization(NETWORK_EDITORS, "network_editor"))
               & unit_active)
people_writer = ((is_active_superuser | holds_role_at_organization(PEOPLE_EDITORS, "people_editor"))
                 & unit_active)
rules.add_perm("organizations.add_person", people_writer)
# A person's transfer (transfers.py): the sending unit asks, the receiving unit answers.
rules.add_perm("organizations.request_transfer", people_writer)
rules.add_perm("organizations.decide_transfer", people_writer)
rules.add_perm("organizations.view_people_of",
               is_active_superuser | holds_role_at_organization(PEOPLE_READERS, "people_reader"))

rules.add_perm("organizations.view_person",
               is_active_superuser | holds_role_for_person(PEOPLE_READERS, "people_reader"))
rules.add_perm("organizations.change_person",
               (is_active_superuser | holds_role_for_person(PEOPLE_EDITORS, "people_editor"))
               & person_kept)
# Restoring what was deleted (deletion.py): a system administrator there.
rules.add_perm("organizations.restore_organization",
               is_active_superuser | holds_role_at_organization(frozenset({Role.SYSTEM_ADMIN}),
                                                                "system_admin"))
rules.add_perm("organizations.restore_person",
               is_active_superuser | holds_role_for_person(frozenset({Role.SYSTEM_ADMIN}),
                                                           "system_admin"))
rules.add_perm("organizations.view_citizen_id",
               is_active_superuser | holds_role_for_person(CITIZEN_ID_READERS, "citizen_id_reader"))

rules.add_perm("organizations.view_emulationgroup",
               is_active_superuser | holds_role_at_group_owner(ALL_ROLES, "any_role_at_owner")
               | holds_role_at_group_member)
rules.add_perm("organizations.change_emulationgroup",
               is_active_superuser | holds_role_at_group_owner(NETWORK_EDITORS, "network_editor"))
