"""The pages and API of issuers: the catalogue of powers (everyone reads, national administrators
change it), the review of unidentified issuers (registry keepers, within their scope), and a
permission matrix over every role."""
from datetime import date

import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.awards.issuers import ConferralPower
from thidua.awards.models import Award
from thidua.organizations.scoping import NETWORK_EDITORS

pytestmark = pytest.mark.django_db
ROLES = list(Role)


def test_the_powers_page_shows_the_commune_only_after_the_reform(client, network, make_user):
    client.force_login(make_user(Role.VIEWER, network.hue))
    url = reverse("awards:powers")
    before = client.get(url, {"day": "2025-06-30"}).context["kinds"]
    after = client.get(url, {"day": "2025-07-01"}).context["kinds"]
    commune = "Chủ tịch UBND cấp xã"
    assert [name for name, _p in dict(before)[commune]] == []
    assert {name for name, _p in dict(after)[commune]} == {
        "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến", "Giấy khen"}
    page = client.get(url, {"day": "2025-07-01"}).content.decode()
    assert "Nghị định 129/2025/NĐ-CP, Điều 59" in page
    assert "Danh mục thẩm quyền (quản trị)" not in page


@pytest.mark.parametrize("role, root, allowed", [
    (Role.SYSTEM_ADMIN, "vca", True), (Role.EC_OFFICER, "vca", False),
    (Role.SYSTEM_ADMIN, "hue", False)])
def test_only_national_administrators_add_powers(client, network, make_user, role, root,
                                                 allowed):
    client.force_login(make_user(role, getattr(network, root)))
    response = client.post(reverse("awards:powers"), {
        "issuer_kind": "COMMUNE", "award_code": "KNC", "valid_from": "2027-01-01",
        "article": "Điều 1", "note": "thử"})
    assert response.status_code == (302 if allowed else 403)
    assert ConferralPower.objects.filter(issuer_kind="COMMUNE", award_code="KNC").exists() == allowed


def test_an_overlapping_power_is_refused_with_a_message(client, network, make_user):
    client.force_login(make_user(Role.SYSTEM_ADMIN, network.vca))
    response = client.post(reverse("awards:powers"), {
        "issuer_kind": "COMMUNE", "award_code": "GK", "valid_from": "2026-01-01"})
    assert response.status_code == 200
    assert "Thời gian trùng với một thẩm quyền đã có" in response.content.decode()


@pytest.fixture
def written(network, registry):
    registry.award("GK", 2023, person=network.hue_person, issuer_name="Ban Thi đua tỉnh")
    registry.award("GK", 2023, person=network.hanoi_person, issuer_name="Ban Thi đua tỉnh")


def test_the_review_maps_a_name_within_the_officers_scope(client, network, make_user, written):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    url = reverse("awards:issuer_review")
    page = client.get(url)
    assert [(text, count) for text, count, _form in page.context["rows"]] == [
        ("Ban Thi đua tỉnh", 1)]
    response = client.post(url, {"text": "Ban Thi đua tỉnh", "kind": "PROVINCE",
                                 "name": "Chủ tịch UBND tỉnh Quảng Trị"})
    assert response.status_code == 302
    kinds = dict(Award.objects.values_list("person", "issuer__kind"))
    assert kinds == {network.hue_person.pk: "PROVINCE", network.hanoi_person.pk: None}


def test_the_review_refuses_a_missing_kind_without_losing_the_row(client, network, make_user,
                                                                  written):
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    response = client.post(reverse("awards:issuer_review"), {"text": "Ban Thi đua tỉnh",
                                                             "kind": ""})
    assert response.status_code == 200 and "chọn loại cơ quan" in response.content.decode()


def test_awards_outside_their_issuers_powers_are_listed(client, network, make_user, registry):
    registry.award("CSTDCS", 2025, person=network.hue_person, decision_date=date(2025, 9, 1),
                   issuer_name="UBND huyện Phong Điền")
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    outside = list(client.get(reverse("awards:issuer_review")).context["outside"])
    assert [(a.award_type.code, a.year) for a in outside] == [("CSTDCS", 2025)]
    record = client.get(reverse("awards:person_record", args=[network.hue_person.pk]))
    assert "Ngoài thẩm quyền: không tính khi xét" in record.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, network, make_user, role, written):
    client.force_login(make_user(role, network.hue))
    keeper = role in NETWORK_EDITORS
    assert client.get(reverse("awards:powers")).status_code == 200
    assert client.get(reverse("awards:issuer_review")).status_code == (200 if keeper else 403)
    assert client.post(reverse("awards:powers"), {}).status_code == 403
    assert client.get("/api/v1/conferral-powers").status_code == 200
    assert client.get("/api/v1/issuers").status_code == 200
    assert client.get("/api/v1/issuers/unmapped").status_code == (200 if keeper else 403)
    mapped = client.post("/api/v1/issuers/map", {"issuer_name": "Ban Thi đua tỉnh",
                                                 "kind": "PROVINCE"},
                         content_type="application/json")
    assert mapped.status_code == (200 if keeper else 403)
    own = client.get(f"/api/v1/organizations/{network.hue_coop.pk}/conferrable")
    other = client.get(f"/api/v1/organizations/{network.hanoi_coop.pk}/conferrable")
    assert (own.status_code, other.status_code) == (200, 404)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for name in ("awards:powers", "awards:issuer_review"):
        assert client.get(reverse(name)).status_code == 302
    assert client.get("/api/v1/conferral-powers").status_code == 401


def test_api_answers_what_a_unit_and_a_kind_may_confer(client, network, make_user):
    client.force_login(make_user(Role.VIEWER, network.hue))
    unit = client.get(f"/api/v1/organizations/{network.hue_coop.pk}/conferrable",
                      {"on": "2026-01-05"}).json()
    assert unit["issuer_kinds"] == ["COOPERATIVE_DIRECTOR", "COOPERATIVE_BOARD"]
    assert unit["award_codes"] == ["CSTDCS", "GK", "LDTT", "TTLDTT"]
    commune = client.get("/api/v1/conferral-powers", {"on": "2025-06-30",
                                                       "issuer_kind": "COMMUNE"}).json()
    assert commune == []
