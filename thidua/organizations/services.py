"""State changes on the network. Each function checks the acting user's permission, writes inside
one transaction and leaves an audit row through django-simple-history (``_history_user``)."""
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.permissions import require
from thidua.core.text import normalize_spacing

from .models import (EmulationGroup, EmulationGroupMembership, GroupRole, Organization, Person,
                     PersonalDataAccess)


# What create_person does when the same person (name, birth date, unit) is already there.
REFUSE, KEEP, CREATE = "refuse", "keep", "create"


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
    require(user, "organizations.add_organization", parent)
    parent = Organization.objects.select_for_update().get(pk=parent.pk)
    return Organization.objects.add_child(parent, instance=_stamp(organization, user))


@transaction.atomic
def update_organization(user, organization):
    require(user, "organizations.change_organization", organization)
    _stamp(organization, user).save()
    return organization


@transaction.atomic
def create_person(user, person, employment, twin=REFUSE):
    """Save a new person with their first employment at a unit the user may add people to.

    Without a citizen ID the same person is told by name (composed, spacing and case aside),
    birth date and unit: when such a twin is already there, ``twin`` says what happens —
    REFUSE raises a ValidationError naming them (forms, API), KEEP returns the person already
    there and writes nothing (imports, intake), CREATE adds the new person anyway (an import
    row marked 'Tạo mới dù trùng'). The unit's row is locked first, so parallel requests adding
    the same person wait for each other and the second one finds the first one's person (a
    unique constraint cannot say this: a person has no unit of their own, and true namesakes
    born the same day may be created on purpose). SQLite serialises the writing transactions
    itself (BEGIN IMMEDIATE, settings.py)."""
    require(user, "organizations.add_person", employment.organization)
    if twin != CREATE and not person.citizen_id_digest:
        list(Organization.objects.select_for_update().filter(pk=employment.organization.pk)
             .values_list("pk", flat=True))  # held until the transaction ends
        if (existing := find_twin(person, employment.organization)) is not None:
            if twin == KEEP:
                return existing
            raise DuplicatePerson(existing, employment.organization)
    _stamp(person, user).save()
    employment.person = person
    _stamp(employment, user).save()
    return person



class DuplicatePerson(ValidationError):
    def __init__(self, existing, unit):
        self.existing = existing
        super().__init__(_(
            "%(unit)s đã có %(person)s (#%(pk)s), cùng họ tên và ngày sinh. Hãy mở người đã có "
            "thay vì tạo thêm một người trùng; nếu đúng là hai người khác nhau, hãy nhập số CCCD.")
            % {"unit": unit.name, "person": existing.full_name, "pk": existing.pk},
            code="duplicate_person")


def same_person(person):
    """The name as compared for likely duplicates: composed, single-spaced, lower case — Ơn and
    On stay different, "NGUYỄN  Văn A" and "Nguyễn Văn A" do not."""
    return normalize_spacing(person.full_name).lower()


def find_twin(person, unit):
    """The person already at ``unit`` (any employment) with ``person``'s name and birth date."""
    name = same_person(person)
    for candidate in Person.objects.filter(employments__organization=unit,
                                           birth_date=person.birth_date).distinct():
        if same_person(candidate) == name:
            return candidate
    return None


@transaction.atomic
def reveal_citizen_id(user, person):
    """The person's full citizen ID, shown to an allowed role. Side effects: a
    PersonalDataAccess row (which the audit log writes as a read)."""
    require(user, "organizations.view_citizen_id", person)
    PersonalDataAccess.objects.create(user=user, person=person)
    return person.citizen_id


@transaction.atomic
def update_person(user, person):
    require(user, "organizations.change_person", person)
    _stamp(person, user).save()
    return person


@transaction.atomic
def add_employment(user, person, employment, close_current=False):
    """Record a new position or a move for ``person``; both the person (as they are now) and the
    target unit must be within the user's editing scope. With ``close_current`` every open
    employment ends the day before the new one starts (a transfer)."""
    require(user, "organizations.change_person", person)
    require(user, "organizations.add_person", employment.organization)
    if close_current:
        start = employment.start_date or timezone.localdate()
        for current in person.employments.filter(end_date__isnull=True):
            current.end_date = max(start - timedelta(days=1), current.start_date or date.min)
            _stamp(current, user).save()
    employment.person = person
    _stamp(employment, user).save()
    return employment


@transaction.atomic
def create_emulation_group(user, group):
    require(user, "organizations.change_emulationgroup", group)
    _stamp(group, user).save()
    return group


@transaction.atomic
def set_group_member(user, group, organization, role):
    """Add a unit to a bloc/cluster or change its role; a new head replaces the previous one."""
    require(user, "organizations.change_emulationgroup", group)
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
    require(user, "organizations.change_emulationgroup", membership.group)
    _stamp(membership, user).delete()


@transaction.atomic
def copy_group_to_year(user, group, year):
    """Start next year's bloc with the same members; heads and deputies are set anew."""
    require(user, "organizations.change_emulationgroup", group)
    new_group = _stamp(EmulationGroup(owner=group.owner, kind=group.kind, name=group.name,
                                      year=year), user)
    new_group.save()
    for membership in group.memberships.all():
        _stamp(EmulationGroupMembership(group=new_group, organization=membership.organization),
               user).save()
    return new_group
