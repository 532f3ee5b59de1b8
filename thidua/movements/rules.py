"""Permissions for movements, registrations, reports and reviews, and for the records app's blocs,
programmes, exemplars, initiatives, inspections and events (records sits above movements and
reuses these) — all expressed as roles held at one organisation of the object."""
import rules

from thidua.accounts.models import Role
from thidua.organizations.rules import is_active_superuser
from thidua.organizations.scoping import (ALL_ROLES, NETWORK_EDITORS, PEOPLE_EDITORS,
                                          PEOPLE_READERS, roles_at)

SIGNERS = frozenset({Role.SYSTEM_ADMIN, Role.EC_OFFICER, Role.SIGNER})


def role_at(roles, unit_of, name):
    """A predicate: the user holds one of ``roles`` at ``unit_of(obj)``."""

    @rules.predicate(name=name)
    def predicate(user, obj):
        unit = unit_of(obj)
        return unit is not None and bool(roles & roles_at(user, unit))

    return predicate


def _itself(unit):
    return unit


def _superior(unit):
    from thidua.organizations.models import Organization

    return Organization.objects.get_parent(unit)


def _launcher(movement):
    return movement.launched_by


def add(name, predicate):
    rules.add_perm(f"movements.{name}", is_active_superuser | predicate)


# Movements: launched and edited by E&C officers of the launching level.
add("launch_movement_at", role_at(NETWORK_EDITORS, _itself, "launcher"))
add("change_movement", role_at(NETWORK_EDITORS, _launcher, "launcher"))
add("view_movement_unit_data", role_at(PEOPLE_READERS, _launcher, "movement_reader"))
# Registrations and reports: written by the unit, reviewed by the level above it.
add("register_unit", role_at(PEOPLE_EDITORS, _itself, "unit_writer"))
add("review_unit_of", role_at(NETWORK_EDITORS, _superior, "superior_officer"))
add("report_for_unit", role_at(PEOPLE_EDITORS, _itself, "unit_writer"))
add("view_unit_work", role_at(PEOPLE_READERS, _itself, "unit_reader"))
# Schedules, compliance and reviews belong to the level that asks for them.
add("manage_level", role_at(NETWORK_EDITORS, _itself, "level_officer"))
add("follow_level", role_at(PEOPLE_READERS, _itself, "level_reader"))
# Blocs: members score themselves and sign; the owning level adjusts.
add("sign_for_unit", role_at(SIGNERS, _itself, "unit_signer"))
add("view_level", role_at(ALL_ROLES, _itself, "any_role"))
