"""State changes on the network. Each function checks the acting user's permission, writes inside
one transaction and leaves an audit row through django-simple-history (``_history_user``)."""
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.recording import record_created
from thidua.core import bulk
from thidua.core.permissions import require

from . import unit_scope
from .models import (EmulationGroup, EmulationGroupMembership, GroupRole, Organization,
                     OrganizationStatus, Person, PersonalDataAccess)
from .twins import find_twin, find_twins, same_person


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
    refuse_if_closed(parent)
    require(user, "organizations.add_organization", parent)
    parent = Organization.objects.select_for_update().get(pk=parent.pk)
    return Organization.objects.add_child(parent, instance=_stamp(organization, user))


@transaction.atomic
def update_organization(user, organization):
    """Save the edited ``organization``. Marked dissolved, its people's work there ends on the
    dissolution day (``end_work_at_dissolution``). Side effects: history rows."""
    stored = Organization.objects.get(pk=organization.pk)  # judged as it is, not as edited
    refuse_if_closed(stored)
    require(user, "organizations.change_organization", stored)
    _stamp(organization, user).save()
    if organization.status == OrganizationStatus.DISSOLVED:
        end_work_at_dissolution(user, organization)
    return organization


def end_work_at_dissolution(user, unit):
    """A dissolved unit has no staff, members or workers from the day it is dissolved: each
    employment still running then ends on that day (their history stays; a person who works
    elsewhere as well keeps that)."""
    day = unit.status_date or timezone.localdate()
    running = unit.employments.filter(Q(end_date__isnull=True) | Q(end_date__gt=day))
    for employment in running.select_related("person"):
        close_employment(user, employment, day)


@transaction.atomic
def create_person(user, person, employment, twin=REFUSE):
    """Save a new person with their first employment at a unit the user may add people to.

    A citizen ID someone already holds is refused. Without one, when someone with the same name
    and birth date was ever employed at the unit (``twins.find_twin``), ``twin`` says what
    happens — REFUSE raises DuplicatePerson naming them (forms, API), KEEP returns the person
    already there and writes nothing (imports, intake), CREATE adds the new person anyway (an
    import row marked 'Tạo mới dù trùng'). The unit's row is locked first, so parallel requests
    adding the same person wait for each other and the second one finds the first one's person
    (a unique constraint cannot say this: a person has no unit of their own, and true namesakes
    born the same day may be created on purpose). SQLite serialises the writing transactions
    itself (BEGIN IMMEDIATE, settings.py)."""
    refuse_if_closed(employment.organization)
    require(user, "organizations.add_person", employment.organization)
    found = (_find_twin(person, [employment.organization])
             if twin != CREATE or person.citizen_id_digest else None)  # CREATE: names may match
    if found is not None and twin == KEEP and not found.certain:
        return found.existing
    if found is not None and (found.certain or twin != CREATE):
        raise DuplicatePerson(user, found, creating=True)
    _stamp(person, user).save()
    employment.person = person
    _stamp(employment, user).save()
    return person


@transaction.atomic
def create_people(user, rows):
    """``create_person`` for many at once (an Excel import): ``rows`` is [(person, employment,
    twin)], checked by the same rules — open unit, permission, twins — with the units locked once
    and every row's twin found in two queries. A KEEP row whose person is already there writes
    nothing. The new people (their unit scope computed with them) and their employments go in
    with COPY on PostgreSQL (``core.bulk``), with their field history and audit entries
    written for the list (bulk inserts send no signals). A refusal names its row through ``RowRefused``."""
    units = {job.organization.pk: job.organization for _person, job, _twin in rows}
    for unit in units.values():
        refuse_if_closed(unit)
        require(user, "organizations.add_person", unit)
    _lock(units.values())
    twins = find_twins([(person, [job.organization]) for person, job, _twin in rows])
    scopes = unit_scope.scopes_of(units.values())
    new = []
    for index, ((person, job, twin), found) in enumerate(zip(rows, twins, strict=True)):
        if found is not None and twin == CREATE and not person.citizen_id_digest:
            found = None  # CREATE: a matching name is a namesake, not a twin
        if found is not None and twin == KEEP and not found.certain:
            continue
        if found is not None:
            raise RowRefused(index, DuplicatePerson(user, found, creating=True))
        person.refresh_derived_fields()
        person.unit_scope = scopes[job.organization.pk]
        new.append((person, job))
    people = bulk.insert_with_history([p for p, _job in new], user)
    for person, job in new:
        job.person = person
    jobs = bulk.insert_with_history([job for _p, job in new], user)
    record_created([*people, *jobs])


class RowRefused(Exception):
    """``create_people`` refused its ``index``-th row for ``error`` and wrote nothing."""

    def __init__(self, index, error):
        super().__init__(error)
        self.index, self.error = index, error


def _lock(units):
    """Lock ``units`` until the transaction ends, so that two requests saving the same person
    into them wait for each other instead of both finding no twin."""
    list(Organization.objects.select_for_update().filter(pk__in=[unit.pk for unit in units])
         .values_list("pk", flat=True))


def _find_twin(person, units):
    """``twins.find_twin`` with ``units`` locked (``_lock``)."""
    _lock(units)
    return find_twin(person, units)


class DuplicatePerson(ValidationError):
    """The person being saved may already be ``twin.existing`` (see ``twins``), named only to a
    user allowed to see them; ``shown`` says whether they were."""

    def __init__(self, user, twin, creating=False):
        self.twin, self.existing = twin, twin.existing
        self.shown = user.has_perm("organizations.view_person", twin.existing)
        who = (_("%(person)s (#%(pk)s)") % {"person": twin.existing.full_name, "pk": twin.existing.pk}
               if self.shown else _("một người ngoài phạm vi của bạn"))
        if twin.certain:
            message = _("Có thể trùng với %(who)s: số CCCD này đã thuộc về người đó. Mỗi số CCCD "
                        "chỉ thuộc về một người; hãy kiểm tra lại số đã nhập.")
        elif creating:
            message = _("%(unit)s đã có %(who)s, cùng họ tên và ngày sinh. Hãy mở người đã có "
                        "thay vì tạo thêm một người trùng; nếu đúng là hai người khác nhau, hãy "
                        "nhập số CCCD.")
        else:
            message = _("Có thể trùng với %(who)s tại %(unit)s: cùng họ tên và ngày sinh. Nếu đúng "
                        "là hai người khác nhau, hãy đánh dấu “Vẫn lưu” rồi bấm Lưu.")
        super().__init__(message % {"who": who, "unit": twin.unit and twin.unit.name},
                         code="duplicate_person")


@transaction.atomic
def reveal_citizen_id(user, person):
    """The person's full citizen ID, shown to an allowed role. Side effects: a
    PersonalDataAccess row (which the audit log writes as a read)."""
    require(user, "organizations.view_citizen_id", person)
    PersonalDataAccess.objects.create(user=user, person=person)
    return person.citizen_id


# Re-reading the stored row of a person the caller holds and edits.
EDITED_ROW = "the saved row of the person being edited"


@transaction.atomic
def update_person(user, person, confirmed=False):
    """Save an edited person. When the edit gives them another holder's citizen ID it is refused;
    when it gives them the name and birth date of someone else ever employed at one of their
    units, DuplicatePerson names that person unless ``confirmed`` (the user saw them and saves
    anyway). An edit that changes none of the three is not checked, so people already alike stay
    editable."""
    require(user, "organizations.change_person", person)
    before = Person.objects.unscoped(EDITED_ROW).get(pk=person.pk)
    if _identity(before) != _identity(person):
        found = _find_twin(person, Organization.objects.filter(employments__person=person)
                           .distinct().order_by("pk"))
        if found is not None and (found.certain or not confirmed):
            raise DuplicatePerson(user, found)
    _stamp(person, user).save()
    return person


def _identity(person):
    return same_person(person), person.birth_date, person.citizen_id_digest


@transaction.atomic
def add_employment(user, person, employment, close_current=False, confirmed=False):
    """Record a new position or a move for ``person``; both the person (as they are now) and the
    target unit must be within the user's editing scope. With ``close_current`` every open
    employment ends the day before the new one starts (a transfer). A move into a unit new to
    them where someone with their name and birth date was ever employed raises DuplicatePerson
    unless ``confirmed``."""
    require(user, "organizations.change_person", person)
    refuse_if_closed(employment.organization)
    require(user, "organizations.add_person", employment.organization)
    refuse_twin_at(user, person, employment.organization, confirmed)
    if close_current:
        start = employment.start_date or timezone.localdate()
        for current in person.employments.filter(end_date__isnull=True):
            end_employment(user, current, start - timedelta(days=1))
    employment.person = person
    _stamp(employment, user).save()
    return employment


def refuse_twin_at(user, person, unit, confirmed):
    """A move of ``person`` into ``unit``, new to them, where someone with their name and birth
    date was ever employed raises DuplicatePerson unless ``confirmed``."""
    if not person.employments.filter(organization=unit).exists():
        found = _find_twin(person, [unit])
        if found is not None and not confirmed:
            raise DuplicatePerson(user, found)


@transaction.atomic
def end_employment(user, employment, day):
    """End ``employment`` on ``day``. The person must be within the user's editing scope."""
    require(user, "organizations.change_person", employment.person)
    return close_employment(user, employment, day)


def close_employment(user, employment, day):
    """End ``employment`` on ``day`` (or on its first day, when it began later: a row never ends
    before it starts), for a caller that has checked the user's right itself (a transfer the
    receiving unit accepts: its officials may not edit the person before they arrive)."""
    employment.end_date = max(day, employment.start_date or date.min)
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


def refuse_if_closed(unit):
    """A merged or dissolved unit takes no write (the ``unit_active`` rule in the permissions
    that guard it): refuse saying why, where ``require`` would only say "no permission"."""
    if unit is not None and not unit.is_active:
        raise PermissionDenied(unit.closed_note())
