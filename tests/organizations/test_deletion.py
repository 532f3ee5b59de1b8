"""Soft delete and restore of people and units: who and when are kept, the row leaves the lists
and takes no edit, nothing that points at it breaks, and a system administrator restores it."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards.models import Award, AwardType
from thidua.awards.services import record_award
from thidua.core.models import Notification
from thidua.organizations import deletion
from thidua.organizations.models import Organization, OrganizationKind, Person
from thidua.organizations.services import create_organization

pytestmark = pytest.mark.django_db
EDITORS = (Role.SYSTEM_ADMIN, Role.EC_OFFICER)


def empty_unit(network):
    return create_organization(network.actor, network.hanoi, Organization(
        kind=OrganizationKind.COOPERATIVE, code="P01-HTX09", name="Hợp tác xã nhập trùng",
        province_code=1))


def test_a_deleted_person_leaves_the_lists_keeps_the_history_and_comes_back(
        network, make_user, client, now):
    officer = make_user(Role.EC_OFFICER, network.hanoi)
    admin = make_user(Role.SYSTEM_ADMIN, network.hanoi)
    person = network.hanoi_person
    award = record_award(network.actor, Award(
        award_type=AwardType.objects.get(code="LDTT"), year=2025, person=person,
        decision_number="3/QĐ-HTX", decision_date=date(2026, 1, 5), issuer_name="HTX"))

    deletion.delete_person(officer, person, "Nhập trùng")
    person.refresh_from_db()
    assert (person.deleted_by, person.deletion_reason) == (officer, "Nhập trùng")
    assert person.deleted_at >= now
    assert person.history.first().history_user == officer
    assert not Person.objects.visible_to(officer).filter(pk=person.pk).exists()
    assert Award.objects.get(pk=award.pk).person == person  # the registry keeps them
    assert person.employments.get().end_date is None
    assert not officer.has_perm("organizations.change_person", person)
    assert officer.has_perm("organizations.view_person", person)
    assert Notification.objects.filter(recipient=admin).exists()
    with pytest.raises(PermissionDenied):
        deletion.restore_person(officer, person)  # the E&C officer deletes, does not restore

    client.force_login(admin)
    page = client.get(person.get_absolute_url()).content.decode()
    assert 'id="da-xoa"' in page and "Nhập trùng" in page
    assert reverse("organizations:person_restore", args=[person.pk]) in page
    listed = client.get(reverse("organizations:deleted")).content.decode()
    assert person.full_name in listed
    assert person.full_name not in client.get(reverse("organizations:person_list")).content.decode()
    client.post(reverse("organizations:person_restore", args=[person.pk]))
    person.refresh_from_db()
    assert person.deleted_at is None and person.deleted_by is None
    assert Person.objects.visible_to(officer).filter(pk=person.pk).exists()
    assert person.history.first().history_user == admin


def test_a_unit_is_deleted_only_when_nothing_hangs_from_it(network, make_user, client):
    officer = make_user(Role.EC_OFFICER, network.hanoi)
    admin = make_user(Role.SYSTEM_ADMIN, network.vca)
    with pytest.raises(ValidationError, match="người đang công tác"):
        deletion.delete_organization(officer, network.hanoi_coop, "Nhập nhầm")
    with pytest.raises(ValidationError, match="đơn vị trực thuộc"):
        deletion.delete_organization(admin, network.hanoi, "Nhập nhầm")
    with pytest.raises(ValidationError, match="lý do"):
        deletion.delete_organization(officer, empty_unit(network), " ")

    unit = Organization.objects.get(code="P01-HTX09")
    client.force_login(officer)
    done = client.post(reverse("organizations:organization_delete", args=[unit.pk]),
                       {"reason": "Nhập trùng với P01-HTX01"}, follow=True)
    assert done.redirect_chain[-1][0] == network.hanoi.get_absolute_url()
    unit.refresh_from_db()
    assert unit.deleted_by == officer and not unit.is_active
    assert not Organization.objects.visible_to(officer).filter(pk=unit.pk).exists()
    assert not officer.has_perm("organizations.add_person", unit)
    page = client.get(unit.get_absolute_url()).content.decode()
    assert "Nhập trùng với P01-HTX01" in page
    assert reverse("organizations:organization_restore", args=[unit.pk]) not in page
    assert client.post(reverse("organizations:organization_restore", args=[unit.pk])
                       ).status_code == 403

    client.force_login(admin)
    assert unit.name in client.get(reverse("organizations:deleted")).content.decode()
    client.post(reverse("organizations:organization_restore", args=[unit.pk]))
    unit.refresh_from_db()
    assert unit.deleted_at is None and unit.is_active
    assert unit.history.first().history_user == admin


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("where", ["own", "other"])
def test_who_may_delete_and_restore(network, make_user, role, where):
    """Delete: who edits the unit's parent (a unit) or the person; restore: a system
    administrator there. Another province's roles do neither."""
    user = make_user(role, network.hanoi if where == "own" else network.hue)
    unit, person = empty_unit(network), network.hanoi_person
    own = where == "own"
    for delete, target in ((deletion.delete_organization, unit),
                           (deletion.delete_person, person)):
        may = own and (role in EDITORS if target is unit
                       else role in (*EDITORS, Role.UNIT_REPORTER))
        if may:
            delete(user, target, "Nhập trùng")
        else:
            with pytest.raises(PermissionDenied):
                delete(user, target, "Nhập trùng")
            delete(network.actor, target, "Nhập trùng")
    for restore, target in ((deletion.restore_organization, unit),
                            (deletion.restore_person, person)):
        if own and role == Role.SYSTEM_ADMIN:
            restore(user, target)
        else:
            with pytest.raises(PermissionDenied):
                restore(user, target)


def test_delete_and_restore_over_the_api(network, make_user, client):
    """The API takes the pages' rules: a reason is required, a unit with people is refused in
    Vietnamese, another province's officer does not find the person, the E&C officer deletes
    and only the system administrator restores."""
    officer = make_user(Role.EC_OFFICER, network.hanoi)
    admin = make_user(Role.SYSTEM_ADMIN, network.hanoi)
    person, unit = network.hanoi_person, empty_unit(network)

    def post(url, data=None):
        return client.post(f"/api/v1{url}", data or {}, content_type="application/json")

    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    assert post(f"/people/{person.pk}/deletion", {"reason": "Nhập trùng"}).status_code == 404
    client.force_login(officer)
    refused = post(f"/organizations/{network.hanoi_coop.pk}/deletion", {"reason": "Trùng"})
    assert refused.status_code == 400 and "còn người đang công tác" in refused.json()["detail"]
    blank = post(f"/people/{person.pk}/deletion", {"reason": " "})
    assert blank.status_code == 400 and blank.json()["detail"] == "Cần ghi lý do xóa."
    deleted = post(f"/people/{person.pk}/deletion", {"reason": "Nhập trùng"})
    assert deleted.status_code == 200 and deleted.json()["deleted"]
    assert deleted.json()["deleted_by"] == officer.username
    assert post(f"/organizations/{unit.pk}/deletion", {"reason": "Nhập trùng"}).json()["deleted"]
    assert post(f"/people/{person.pk}/restoration").status_code == 404  # not the officer's to do

    client.force_login(admin)
    for url in (f"/people/{person.pk}/restoration", f"/organizations/{unit.pk}/restoration"):
        restored = post(url)
        assert restored.status_code == 200 and not restored.json()["deleted"]
    person.refresh_from_db()
    assert person.deleted_at is None
