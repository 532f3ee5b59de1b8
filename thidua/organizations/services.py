"""State changes on the network. Each function checks the acting user's permission, writes inside
one transaction and leaves an audit row through django-simple-history (``_history_user``)."""
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import EmulationGroup, EmulationGroupMembership, GroupRole, Organization


def _require(user, perm, obj):
    if not user.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này tại đơn vị này."))


def _stamp(instance, user):
    instance._history_user = user
    return instance


@transaction.atomic
def create_organization(user, parent, organization):
    """Add ``organization`` (unsaved) under ``parent``; without a parent it becomes a root, which
    only a system administrator may create. Side effects: history row."""
    if parent is None:
        if not user.is_superuser:
            raise PermissionDenied(_("Chỉ quản trị hệ thống được tạo đơn vị gốc."))
        return Organization.objects.add_root(instance=_stamp(organization, user))
    _require(user, "organizations.add_organization", parent)
    parent = Organization.objects.select_for_update().get(pk=parent.pk)
    return Organization.objects.add_child(parent, instance=_stamp(organization, user))


@transaction.atomic
def update_organization(user, organization):
    _require(user, "organizations.change_organization", organization)
    _stamp(organization, user).save()
    return organization


@transaction.atomic
def create_person(user, person, employment):
    """Save a new person with their first employment at a unit the user may add people to."""
    _require(user, "organizations.add_person", employment.organization)
    _stamp(person, user).save()
    employment.person = person
    _stamp(employment, user).save()
    return person


@transaction.atomic
def update_person(user, person):
    _require(user, "organizations.change_person", person)
    _stamp(person, user).save()
    return person


@transaction.atomic
def add_employment(user, person, employment, close_current=False):
    """Record a new position or a move for ``person``; both the person (as they are now) and the
    target unit must be within the user's editing scope. With ``close_current`` every open
    employment ends the day before the new one starts (a transfer)."""
    _require(user, "organizations.change_person", person)
    _require(user, "organizations.add_person", employment.organization)
    if close_current:
        start = employment.start_date or timezone.localdate()
        for current in person.employments.filter(end_date__isnull=True):
            current.end_date = max(start - timedelta(days=1), current.start_date or date.min)
            _stamp(current, user).save()
    employment.person = person
    _stamp(employment, user).save()
    return employment


@transaction.atomic
def end_employment(user, employment, end_date):
    _require(user, "organizations.change_person", employment.person)
    employment.end_date = end_date
    employment.full_clean()
    _stamp(employment, user).save()
    return employment


@transaction.atomic
def create_emulation_group(user, group):
    _require(user, "organizations.change_emulationgroup", group)
    _stamp(group, user).save()
    return group


@transaction.atomic
def set_group_member(user, group, organization, role):
    """Add a unit to a bloc/cluster or change its role; a new head replaces the previous one."""
    _require(user, "organizations.change_emulationgroup", group)
    if role == GroupRole.HEAD:
        for previous in group.memberships.filter(role=GroupRole.HEAD).exclude(organization=organization):
            previous.role = GroupRole.MEMBER
            _stamp(previous, user).save()
    membership, _created = EmulationGroupMembership.objects.get_or_create(
        group=group, organization=organization, defaults={"role": role})
    membership.role = role
    _stamp(membership, user).save()
    return membership


@transaction.atomic
def remove_group_member(user, membership):
    _require(user, "organizations.change_emulationgroup", membership.group)
    _stamp(membership, user).delete()


@transaction.atomic
def copy_group_to_year(user, group, year):
    """Start next year's bloc with the same members; heads and deputies are set anew."""
    _require(user, "organizations.change_emulationgroup", group)
    new_group = _stamp(EmulationGroup(owner=group.owner, kind=group.kind, name=group.name,
                                      year=year), user)
    new_group.save()
    for membership in group.memberships.all():
        _stamp(EmulationGroupMembership(group=new_group, organization=membership.organization),
               user).save()
    return new_group
