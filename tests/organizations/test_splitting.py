"""Splitting new units off a unit: the new units sit beside it, the people the administrator
assigns go on there from the day, the old unit keeps its award history and its name on it; only
who edits the network at the unit and above it may do it."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.audit.models import AuditEntry
from thidua.awards.models import Award, AwardType
from thidua.awards.services import record_award
from thidua.core.models import Notification
from thidua.organizations.models import Organization, OrganizationKind
from thidua.organizations.splitting import split_unit
from thidua.organizations.services import create_person
from thidua.organizations.models import Employment, Person
from thidua.portal.models import HonourEntry

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 1)


def new(code, name, kind=""):
    return Organization(code=code, name=name, kind=kind)


def second_member(network):
    person = Person(family_name="Đỗ", middle_name="Văn", given_name="Hùng", gender="MALE",
                    birth_date=date(1975, 2, 3))
    return create_person(network.actor, person, Employment(
        organization=network.hanoi_coop, category="STAFF", position="Kế toán trưởng",
        start_date=date(2016, 1, 1)))


def test_a_split_makes_the_units_beside_the_old_one_and_moves_whom_it_is_told(
        network, make_user):
    editor = make_user(Role.EC_OFFICER, network.hanoi)
    coop, person, stays = network.hanoi_coop, network.hanoi_person, second_member(network)
    old_award = record_award(network.actor, Award(
        award_type=AwardType.objects.get(code="TTLDXS"), year=2025, organization=coop,
        decision_number="15/QĐ-UBND", decision_date=date(2026, 1, 20),
        issuer_name="Ủy ban nhân dân Thành phố Hà Nội"))
    this_year = record_award(network.actor, Award(
        award_type=AwardType.objects.get(code="LDTT"), year=2026, person=person,
        decision_number="3/QĐ-HTX", decision_date=date(2026, 2, 1), issuer_name=coop.name))
    job = person.employments.get()

    first, second = split_unit(editor, coop, [
        new("P01-HTX02", "Hợp tác xã Rau sạch Văn Đức 2"),
        new("P01-THT01", "Tổ hợp tác rau Văn Đức", OrganizationKind.COOPERATIVE_GROUP)],
        DAY, {job.pk: 1})

    for unit in (first, second):
        assert Organization.objects.get_parent(unit) == network.hanoi
        assert (unit.split_from, unit.founding_date, unit.province_code) == (coop, DAY, 1)
        assert unit.history.get().history_user == editor
        assert AuditEntry.objects.filter(model="organizations.Organization",
                                         object_id=str(unit.pk)).exists()
    assert (first.kind, second.kind) == (OrganizationKind.COOPERATIVE,
                                         OrganizationKind.COOPERATIVE_GROUP)
    coop.refresh_from_db()
    assert coop.is_active and list(coop.split_units.order_by("code")) == [first, second]
    old, moved = person.employments.order_by("start_date")
    assert (old.organization, old.end_date) == (coop, date(2026, 2, 28))
    assert (moved.organization, moved.start_date, moved.position, moved.category) == (
        second, DAY, "Thành viên", "MEMBER")
    assert stays.employments.get().end_date is None  # not assigned: stays at the old unit
    old_award.refresh_from_db()
    assert old_award.organization == coop and coop.name == "Hợp tác xã Rau sạch Văn Đức"
    # the person's award of the split's year now shows where they are at the year's end
    assert HonourEntry.objects.get(award=this_year).unit_name == second.name
    told = Notification.objects.get(recipient=editor)
    assert coop.name in told.title % told.title_params and "1 người" in told.body


@pytest.mark.parametrize("case, reason", [
    ("future", "tương lai"),
    ("taken_code", "đã được dùng"),
    ("same_codes", "trùng mã"),
    ("none", "ít nhất một"),
    ("stranger", "Chỉ chuyển được"),
    ("root", "đơn vị gốc"),
])
def test_a_split_that_cannot_be_is_refused(network, root_user, case, reason):
    coop, units, day, moves = network.hanoi_coop, [new("P01-HTX09", "HTX mới")], DAY, {}
    if case == "future":
        day = date(2027, 1, 1)
    elif case == "taken_code":
        units = [new("P46-HTX01", "HTX mới")]
    elif case == "same_codes":
        units = [new("P01-HTX09", "HTX mới"), new("P01-HTX09", "HTX mới khác")]
    elif case == "none":
        units = []
    elif case == "stranger":
        moves = {network.hue_person.employments.get().pk: 0}
    elif case == "root":
        coop = network.vca
    with pytest.raises(ValidationError, match=reason):
        split_unit(root_user, coop, units, day, moves)
    assert not Organization.objects.filter(code="P01-HTX09").exists()
    assert network.hue_person.employments.get().end_date is None


ROLES = list(Role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("where", ["own", "other", "unit_only"])
def test_who_may_split(network, make_user, client, role, where):
    """A role at the unit's parent with its subtree (own), at another province (other), or only
    at the unit itself (unit_only, the new units go above its reach): only the network editors
    of the own case may split, on the page and in the service."""
    at = {"own": network.hanoi, "other": network.hue, "unit_only": network.hanoi_coop}[where]
    user = make_user(role, at)
    coop = network.hanoi_coop
    allowed = where == "own" and role in (Role.SYSTEM_ADMIN, Role.EC_OFFICER)
    client.force_login(user)
    url = reverse("organizations:organization_split", args=[coop.pk])
    assert client.get(url).status_code == (200 if allowed else 403)
    page = client.get(coop.get_absolute_url())
    if page.status_code == 200:
        assert (url in page.content.decode()) == allowed
    if allowed:
        split_unit(user, coop, [new("P01-HTX09", "HTX mới")], DAY)
        assert Organization.objects.filter(code="P01-HTX09", split_from=coop).exists()
    else:
        with pytest.raises(PermissionDenied):
            split_unit(user, coop, [new("P01-HTX09", "HTX mới")], DAY)


def test_the_split_page_assigns_people_and_the_pages_tell_both_ways(network, make_user, client):
    editor = make_user(Role.EC_OFFICER, network.hanoi)
    coop, person, stays = network.hanoi_coop, network.hanoi_person, second_member(network)
    client.force_login(editor)
    url = reverse("organizations:organization_split", args=[coop.pk])
    page = client.get(url).content.decode()
    assert person.full_name in page and stays.full_name in page
    job = person.employments.get()
    refused = client.post(url, {"day": "01/03/2026", "name_1": "HTX Văn Đức 2", "code_1": "",
                                "kind_1": "COOPERATIVE", f"move_{job.pk}": "2"})
    body = refused.content.decode()
    assert refused.status_code == 200 and "Cần cả tên và mã" in body
    assert not Organization.objects.filter(split_from=coop).exists()
    done = client.post(url, {"day": "01/03/2026", "name_1": "HTX Văn Đức 2", "code_1": "P01-HTX02",
                             "kind_1": "COOPERATIVE", f"move_{job.pk}": "1"}, follow=True)
    created = Organization.objects.get(code="P01-HTX02")
    assert done.redirect_chain[-1][0] == coop.get_absolute_url()
    assert "Đã tách HTX Văn Đức 2" in done.content.decode()
    assert person.employments.get(end_date__isnull=True).organization == created
    old_page = client.get(coop.get_absolute_url()).content.decode()
    assert 'id="chia-tach"' in old_page and created.get_absolute_url() in old_page
    new_page = client.get(created.get_absolute_url()).content.decode()
    assert "Tách ra ngày 01/03/2026 từ" in new_page and coop.get_absolute_url() in new_page


def test_a_closed_unit_is_not_split(network, make_user, client):
    editor = make_user(Role.EC_OFFICER, network.vca)
    coop = network.hanoi_coop
    Organization.objects.filter(pk=coop.pk).update(status="DISSOLVED", status_date=date(2025, 1, 1))
    coop.refresh_from_db()
    with pytest.raises(PermissionDenied):
        split_unit(editor, coop, [new("P01-HTX09", "HTX mới")], DAY)
    client.force_login(editor)
    page = client.get(reverse("organizations:organization_split", args=[coop.pk]), follow=True)
    assert "Đơn vị đã giải thể từ 01/01/2025." in page.content.decode()


def test_a_split_over_the_api(network, make_user, client):
    """The API splits with the page's rules: another province's officer does not find the unit,
    a taken code is refused in Vietnamese and writes nothing, then the split moves whom it is
    told."""
    coop, person = network.hanoi_coop, network.hanoi_person
    job = person.employments.get()
    url = f"/api/v1/organizations/{coop.pk}/split"
    data = {"day": DAY.isoformat(), "moves": {str(job.pk): 0},
            "new_units": [{"code": "P01-HTX02", "name": "Hợp tác xã Rau sạch Văn Đức 2"}]}
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    assert client.post(url, data, content_type="application/json").status_code == 404
    client.force_login(make_user(Role.EC_OFFICER, network.hanoi))
    taken = client.post(url, {**data, "new_units": [{"code": network.hue_coop.code,
                                                     "name": "Trùng mã"}]},
                        content_type="application/json")
    assert taken.status_code == 400 and "Đơn vị mới “Trùng mã”" in str(taken.json())
    assert not coop.split_units.exists()
    made = client.post(url, data, content_type="application/json")
    assert made.status_code == 201
    new_unit = Organization.objects.get(pk=made.json()[0]["id"])
    assert (new_unit.split_from, new_unit.kind) == (coop, coop.kind)
    assert person.employments.get(end_date__isnull=True).organization == new_unit
