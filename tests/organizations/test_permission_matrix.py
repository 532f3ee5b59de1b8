"""Every role × own unit / a descendant / another province × view / edit, for pages and API."""
from datetime import date

import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.organizations.models import Employment, Person
from thidua.organizations.scoping import NETWORK_EDITORS, PEOPLE_EDITORS, PEOPLE_READERS

ROLES = list(Role)


@pytest.fixture
def hue_staff(network):
    """A person employed directly at the Huế alliance (the user's own unit)."""
    return network.person("Võ", "Thị", "Thu", network.hue)


def targets(network, hue_staff):
    return {
        "own": (network.hue, hue_staff),
        "descendant": (network.hue_coop, network.hue_person),
        "other_province": (network.hanoi_coop, network.hanoi_person),
    }


def expected(role, where, allowed):
    return where != "other_province" and role in allowed


def status(client, name, pk):
    return client.get(reverse(f"organizations:{name}", args=[pk])).status_code


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("where", ["own", "descendant", "other_province"])
def test_pages(client, network, hue_staff, make_user, role, where):
    client.force_login(make_user(role, network.hue))
    unit, person = targets(network, hue_staff)[where]

    assert status(client, "organization_detail", unit.pk) == (200 if where != "other_province" else 403)
    assert status(client, "organization_edit", unit.pk) == (
        200 if expected(role, where, NETWORK_EDITORS) else 403)
    assert status(client, "person_detail", person.pk) == (
        200 if expected(role, where, PEOPLE_READERS) else 403)
    assert status(client, "person_edit", person.pk) == (
        200 if expected(role, where, PEOPLE_EDITORS) else 403)
    assert status(client, "person_create", unit.pk) == (
        200 if expected(role, where, PEOPLE_EDITORS) else 403)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("where", ["own", "descendant", "other_province"])
def test_api(client, network, hue_staff, make_user, role, where):
    client.force_login(make_user(role, network.hue))
    unit, person = targets(network, hue_staff)[where]
    org_status = client.get(f"/api/v1/organizations/{unit.pk}").status_code
    person_status = client.get(f"/api/v1/people/{person.pk}").status_code
    assert org_status == (200 if where != "other_province" else 404)
    assert person_status == (200 if expected(role, where, PEOPLE_READERS) else 404)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_lists_never_leak_another_province(client, network, hue_staff, make_user, role):
    client.force_login(make_user(role, network.hue))
    people_page = client.get(reverse("organizations:person_list")).content.decode()
    units_page = client.get(reverse("organizations:organization_list")).content.decode()
    api_people = client.get("/api/v1/people?limit=100").json()["items"]
    api_units = client.get("/api/v1/organizations?limit=100").json()["items"]

    assert "Bảo" not in people_page and network.hanoi_coop.name not in units_page
    assert network.hanoi_person.pk not in {p["id"] for p in api_people}
    assert network.hanoi_coop.pk not in {o["id"] for o in api_units}
    assert network.hue_coop.name in units_page
    if role in PEOPLE_READERS:
        assert network.hue_person.full_name in people_page
        assert {network.hue_person.pk, hue_staff.pk} <= {p["id"] for p in api_people}
    else:
        assert api_people == []


@pytest.mark.django_db
def test_assignment_without_descendants_covers_only_the_unit(client, network, hue_staff, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue, include_descendants=False))
    assert status(client, "organization_detail", network.hue.pk) == 200
    assert status(client, "person_detail", hue_staff.pk) == 200
    assert status(client, "organization_detail", network.hue_coop.pk) == 403
    assert status(client, "person_detail", network.hue_person.pk) == 403


@pytest.mark.django_db
def test_cooperative_user_sees_only_its_cooperative(client, network, make_user):
    client.force_login(make_user(Role.UNIT_REPORTER, network.hue_coop))
    assert status(client, "organization_detail", network.hue_coop.pk) == 200
    assert status(client, "organization_detail", network.hue.pk) == 403
    assert status(client, "organization_detail", network.hue_coop2.pk) == 403
    assert status(client, "person_edit", network.hue_person.pk) == 200
    assert status(client, "person_detail", network.hue_person2.pk) == 403


@pytest.mark.django_db
def test_people_who_left_drop_out_of_the_old_units_scope(client, network, make_user, root_user):
    """A person moved to Hà Nội is no longer visible to Huế once the Huế employment ended."""
    employment = network.hue_person.employments.get()
    employment.end_date = date(2024, 12, 31)
    employment.save()
    Employment.objects.create(person=network.hue_person, organization=network.hanoi_coop,
                              category="MEMBER", start_date=date(2025, 1, 1))
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    assert status(client, "person_detail", network.hue_person.pk) == 403
    assert not Person.objects.visible_to(make_user(Role.VIEWER, network.hue)).filter(
        pk=network.hue_person.pk).exists()


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, network):
    response = client.get(reverse("organizations:person_list"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    assert client.get("/api/v1/people").status_code == 401
