"""The E&C departments and staff over the API: the officer of a reporting unit keeps its records;
another province's officer neither lists them nor reaches one by id; writes are validated by
the pages' forms, with their Vietnamese messages."""
import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import ApiToken, Role
from thidua.reports.models import ECDepartment, ECStaffMember

STAFF = {"full_name": "Võ Thị Lan", "gender": "FEMALE", "birth_year": 1985,
         "training_level": "UNIVERSITY", "ec_since_year": 2010}


@pytest.fixture
def hanoi_records(network):
    department = ECDepartment.objects.create(organization=network.hanoi, name="Ban TĐKT Hà Nội",
                                             level="HOME_AFFAIRS_BOARD", start_year=2015)
    member = ECStaffMember.objects.create(organization=network.hanoi, full_name="Đinh Văn Hà",
                                          gender="MALE", birth_year=1980,
                                          training_level="COLLEGE", ec_since_year=2005,
                                          start_year=2005)
    return department, member


@pytest.fixture
def hue_officer(client, network, make_user):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    return client


@pytest.mark.django_db
def test_officer_keeps_the_units_departments(hue_officer, network):
    created = hue_officer.post("/api/v1/ec-departments", {
        "organization_id": network.hue.pk, "name": "Phòng Thi đua",
        "level": "HOME_AFFAIRS_DIVISION", "start_year": 2018}, content_type="application/json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["level_label"] == "Cấp phòng thuộc Sở Nội vụ"
    updated = hue_officer.put(f"/api/v1/ec-departments/{pk}", {
        "organization_id": network.hue.pk, "name": "Phòng Thi đua – Khen thưởng",
        "level": "HOME_AFFAIRS_DIVISION", "start_year": 2018, "end_year": 2025},
        content_type="application/json")
    assert updated.status_code == 200 and updated.json()["end_year"] == 2025
    in_2024 = hue_officer.get("/api/v1/ec-departments", {"year": 2024}).json()["items"]
    assert [d["name"] for d in in_2024] == ["Phòng Thi đua – Khen thưởng"]
    assert hue_officer.get("/api/v1/ec-departments", {"year": 2025}).json()["items"] == []
    assert ECDepartment.objects.get(pk=pk).history.count() == 2
    assert hue_officer.delete(f"/api/v1/ec-departments/{pk}").status_code == 204
    assert not ECDepartment.objects.filter(pk=pk).exists()


@pytest.mark.django_db
def test_officer_keeps_the_units_staff(hue_officer, network):
    created = hue_officer.post("/api/v1/ec-staff", {"organization_id": network.hue.pk, **STAFF},
                               content_type="application/json")
    assert created.status_code == 201, created.json()
    member = created.json()
    assert member["start_year"] == 2010 and member["training_level_label"] == "Đại học"
    changed = {**STAFF, "organization_id": network.hue.pk, "training_level": "POSTGRADUATE"}
    updated = hue_officer.put(f"/api/v1/ec-staff/{member['id']}", changed,
                              content_type="application/json")
    assert updated.json()["training_level"] == "POSTGRADUATE"
    listed = hue_officer.get("/api/v1/ec-staff", {"q": "lan", "training_level": "POSTGRADUATE"})
    assert [m["id"] for m in listed.json()["items"]] == [member["id"]]
    assert hue_officer.get(f"/api/v1/ec-staff/{member['id']}").json()["full_name"] == "Võ Thị Lan"
    assert hue_officer.delete(f"/api/v1/ec-staff/{member['id']}").status_code == 204
    assert hue_officer.get(f"/api/v1/ec-staff/{member['id']}").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["ec-departments", "ec-staff"])
def test_another_province_neither_lists_nor_reaches_them(hue_officer, network, hanoi_records,
                                                         path):
    record = hanoi_records[path == "ec-staff"]
    url = f"/api/v1/{path}/{record.pk}"
    assert hue_officer.get(f"/api/v1/{path}").json() == {"items": [], "count": 0}
    assert hue_officer.get(url).status_code == 404
    payload = ({"name": "Đổi tên", "level": "HOME_AFFAIRS_BOARD", "start_year": 2015}
               if path == "ec-departments" else STAFF)
    assert hue_officer.put(url, {"organization_id": network.hue.pk, **payload},
                           content_type="application/json").status_code == 404
    assert hue_officer.delete(url).status_code == 404
    record.refresh_from_db()
    assert str(record) in ("Ban TĐKT Hà Nội", "Đinh Văn Hà")
    # Filtering by a unit the officer does not keep is refused, not ignored.
    assert hue_officer.get(f"/api/v1/{path}", {"organization": network.hanoi.pk}).status_code \
        == 400


@pytest.mark.django_db
def test_no_record_for_a_unit_the_user_does_not_keep(client, network, make_user):
    viewer = make_user(Role.VIEWER, network.hue)
    client.force_login(viewer)
    department = {"organization_id": network.hue.pk, "name": "Phòng", "level": "DEPARTMENT",
                  "start_year": 2020}
    assert client.post("/api/v1/ec-departments", department,
                       content_type="application/json").status_code == 403
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    refused = client.post("/api/v1/ec-departments", {**department,
                                                     "organization_id": network.hanoi.pk},
                          content_type="application/json")
    assert refused.status_code == 400 and "organization" in refused.json()["errors"]


@pytest.mark.django_db
def test_anonymous_and_token_access(client, network, make_user, hanoi_records):
    assert client.get("/api/v1/ec-staff").status_code == 401
    assert client.post("/api/v1/ec-staff", {}, content_type="application/json").status_code == 401
    _token, key = ApiToken.issue(make_user(Role.EC_OFFICER, network.hanoi), "0605")
    listed = client.get("/api/v1/ec-staff", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert [m["full_name"] for m in listed.json()["items"]] == ["Đinh Văn Hà"]


@pytest.mark.django_db
def test_validation_answers_in_vietnamese(hue_officer, network, today):
    future = today.year + 1
    response = hue_officer.post("/api/v1/ec-staff", {
        "organization_id": network.hue.pk, **STAFF, "birth_year": future},
        content_type="application/json")
    assert response.status_code == 400
    assert "Năm sinh không hợp lệ" in response.json()["errors"]["birth_year"][0]
    ended_early = hue_officer.post("/api/v1/ec-departments", {
        "organization_id": network.hue.pk, "name": "Phòng", "level": "DEPARTMENT",
        "start_year": 2020, "end_year": 2019}, content_type="application/json")
    assert ended_early.status_code == 400
    assert ended_early.json()["detail"] == "Năm kết thúc phải bằng hoặc sau năm bắt đầu."
    too_old = hue_officer.post("/api/v1/ec-departments", {
        "organization_id": network.hue.pk, "name": "Phòng", "level": "DEPARTMENT",
        "start_year": 1800}, content_type="application/json")
    assert too_old.json()["errors"]["start_year"] == ["Năm phải từ 1940 trở về sau."]
    assert hue_officer.post("/api/v1/ec-staff", {"organization_id": network.hue.pk, **STAFF,
                                                 "gender": "X"},
                            content_type="application/json").status_code == 422


@pytest.mark.django_db
def test_admin_lists_them_with_their_history(client, root_user, hanoi_records):
    client.force_login(root_user)
    department, member = hanoi_records
    for record in (department, member):
        name = record._meta.model_name
        listed = client.get(reverse(f"admin:reports_{name}_changelist"), {"q": "Hà Nội"})
        assert listed.status_code == 200 and str(record) in listed.content.decode()
        assert client.get(reverse(f"admin:reports_{name}_history",
                                  args=[record.pk])).status_code == 200
