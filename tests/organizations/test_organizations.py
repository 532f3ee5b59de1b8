from datetime import date

import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.organizations.models import Organization


def org_form(**overrides):
    data = {"kind": "COOPERATIVE", "code": "P46-HTX09", "name": "Hợp tác xã Thủ công Bao La",
            "status": "ACTIVE", "province_code": "46", "founding_date": "15/08/2012"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.django_db
def test_tree_queries(network):
    assert list(Organization.objects.get_ancestors(network.hue_coop)) == [network.vca, network.hue]
    assert set(Organization.objects.subtree(network.hue)) == {network.hue_coop, network.hue_coop2}
    assert network.hue in Organization.objects.subtree(network.hue, include_self=True)
    assert Organization.objects.get(pk=network.hue.pk).numchild == 2


@pytest.mark.django_db
def test_officer_adds_a_cooperative_under_own_alliance(client, network, make_user):
    officer = make_user(Role.EC_OFFICER, network.hue)
    client.force_login(officer)
    hue_ward = 19900  # Phường Thuận An, Thành phố Huế
    response = client.post(reverse("organizations:organization_create", args=[network.hue.pk]),
                           org_form(ward_code=hue_ward))
    created = Organization.objects.get(code="P46-HTX09")
    assert response.status_code == 302
    assert Organization.objects.get_parent(created) == network.hue
    assert created.province_name == "Thành phố Huế" and created.ward_name == "Phường Thuận An"
    assert created.search_text.startswith("p46-htx09 hop tac xa thu cong bao la")
    assert created.history.first().history_user == officer


@pytest.mark.django_db
@pytest.mark.parametrize("overrides, message", [
    ({"code": "P46-HTX01"}, "Mã đơn vị này đã được dùng cho một đơn vị khác."),
    ({"ward_code": "99999"}, "Mã xã, phường 99999 không có trong danh mục."),
    ({"ward_code": "4"}, "Xã, phường này không thuộc tỉnh, thành phố đã chọn."),
    ({"province_code": "77"}, "77 không phải là một trong các lựa chọn"),
    ({"tax_code": "12345"}, "Mã số thuế gồm 10 chữ số"),
    ({"founding_date": "31/02/2020"}, "Nhập một ngày hợp lệ."),
    ({"founding_date": "01/01/2999"}, "Ngày thành lập không được ở tương lai."),
    ({"status": "MERGED", "status_date": "01/07/2025"}, "Đơn vị đã sáp nhập phải chỉ rõ sáp nhập vào đâu."),
    ({"status": "DISSOLVED"}, "Cần ngày giải thể hoặc sáp nhập."),
])
def test_bad_organisation_input(client, network, make_user, overrides, message):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    before = Organization.objects.count()
    response = client.post(reverse("organizations:organization_create", args=[network.hue.pk]),
                           org_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Organization.objects.count() == before


@pytest.mark.django_db
def test_merge_keeps_history(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("organizations:organization_edit", args=[network.hue_coop2.pk]),
                           org_form(code="P46-HTX02", name=network.hue_coop2.name, status="MERGED",
                                    status_date="01/07/2025", merged_into="P46-HTX01"))
    assert response.status_code == 302
    merged = Organization.objects.get(pk=network.hue_coop2.pk)
    assert merged.merged_into == network.hue_coop and merged.status_date == date(2025, 7, 1)
    assert [h.status for h in merged.history.order_by("history_date")] == ["ACTIVE", "MERGED"]
    page = client.get(merged.get_absolute_url()).content.decode()
    assert "Đã sáp nhập" in page and "Lịch sử thay đổi" in page


@pytest.mark.django_db
def test_historic_province_name_is_kept(network, root_user):
    from thidua.organizations import services

    old = services.create_organization(root_user, network.hue, Organization(
        kind="COOPERATIVE", code="P46-OLD", name="HTX cũ", province_code=46,
        province_name="Tỉnh Thừa Thiên Huế"))
    assert Organization.objects.get(pk=old.pk).province_name == "Tỉnh Thừa Thiên Huế"


@pytest.mark.django_db
def test_list_filters_search_and_export(client, network, make_user):
    client.force_login(make_user(Role.VIEWER, network.vca))
    page = client.get(reverse("organizations:organization_list"), {"q": "thuy thanh"})
    assert network.hue_coop.name in page.content.decode()
    assert network.hue_coop2.name not in page.content.decode()
    by_parent = client.get(reverse("organizations:organization_list"), {"parent": network.hue.pk})
    assert {o.pk for o in by_parent.context["object_list"]} == {network.hue_coop.pk, network.hue_coop2.pk}
    export = client.get(reverse("organizations:organization_list"), {"kind": "COOPERATIVE", "format": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Mã đơn vị", "Tên đơn vị")
    assert {r[0] for r in rows[1:]} == {"P46-HTX01", "P46-HTX02", "P01-HTX01"}
