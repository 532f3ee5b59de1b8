"""A dissolved unit is read-only like a merged one, and the Excel import of a closed unit says
why nothing can be imported into it instead of a bare 403."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.organizations import services, transfers
from thidua.organizations.merging import merge_unit
from thidua.organizations.models import Employment, Organization, Person

pytestmark = pytest.mark.django_db


def dissolve(client, unit):
    response = client.post(reverse("organizations:organization_edit", args=[unit.pk]), {
        "kind": unit.kind, "code": unit.code, "name": unit.name, "status": "DISSOLVED",
        "status_date": "30/06/2026", "province_code": "46"})
    assert response.status_code == 302
    return Organization.objects.get(pk=unit.pk)


def test_a_dissolved_unit_offers_only_reading(client, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    client.force_login(officer)
    unit = dissolve(client, network.hue_coop2)

    page = client.get(unit.get_absolute_url()).content.decode()
    assert "Đơn vị đã giải thể từ 30/06/2026." in page
    for action in ("organization_edit", "organization_create", "person_create"):
        assert reverse(f"organizations:{action}", args=[unit.pk]) not in page
        response = client.get(reverse(f"organizations:{action}", args=[unit.pk]), follow=True)
        assert "Đơn vị đã giải thể từ 30/06/2026." in response.content.decode()
    with pytest.raises(PermissionDenied, match="giải thể"):
        services.create_person(officer, Person(family_name="Lê", given_name="An", gender="MALE"),
                               Employment(organization=unit, category="MEMBER"))
    with pytest.raises(ValidationError, match="không còn hoạt động"):
        transfers.request_transfer(officer, network.hue_person.employments.get(), unit,
                                   date(2026, 9, 1))
    with pytest.raises(PermissionDenied):  # nor may people leave it through a transfer
        transfers.request_transfer(officer, network.hue_person2.employments.get(), network.hue_coop,
                                   date(2026, 9, 1))


def test_the_import_page_of_a_merged_unit_says_where_to_import(client, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.vca)
    merge_unit(officer, network.hanoi, network.hue, date(2025, 7, 1))
    client.force_login(officer)
    response = client.get(reverse("organizations:import", args=[network.hanoi.pk]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Đơn vị đã sáp nhập vào Liên minh Hợp tác xã Thành phố Huế từ 01/07/2025." in page
    assert "Không thể nhập đơn vị hay cá nhân vào đơn vị này" in page
    assert reverse("organizations:import", args=[network.hue.pk]) in page
    template = reverse("organizations:import_template", args=[network.hanoi.pk, "don-vi"])
    assert "Không thể nhập" in client.get(template).content.decode()
    # Someone who may not see the unit learns nothing about it.
    client.force_login(make_user(Role.EC_OFFICER, network.hue_coop))
    response = client.get(reverse("organizations:import", args=[network.hanoi.pk]))
    assert response.status_code == 403 and "sáp nhập" not in response.content.decode()


def test_dissolving_a_unit_ends_its_peoples_work_there_on_that_day(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    person = network.hue_person2
    elsewhere = Employment.objects.create(person=person, organization=network.hue_coop,
                                          category="WORKER", start_date=date(2020, 1, 1))
    unit = dissolve(client, network.hue_coop2)
    ended = person.employments.get(organization=unit)
    assert ended.end_date == date(2026, 6, 30) and ended.history.first().history_user
    elsewhere.refresh_from_db()
    assert elsewhere.end_date is None  # their other work goes on
    assert not unit.employments.filter(end_date__isnull=True).exists()
