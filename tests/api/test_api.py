import pytest

from thidua.accounts.models import ApiToken, Role
from thidua.organizations import services
from thidua.organizations.models import EmulationGroup


@pytest.mark.django_db
def test_openapi_schema_and_docs_are_served(client, network, make_user):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/v1/organizations", "/api/v1/people", "/api/v1/emulation-groups"} <= set(paths)
    client.force_login(make_user(Role.VIEWER, network.hue))
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200 and "/static/" in docs.content.decode()


@pytest.mark.django_db
def test_token_authentication(client, network, make_user):
    user = make_user(Role.VIEWER, network.hue)
    token, key = ApiToken.issue(user, "Báo cáo tỉnh")
    assert client.get("/api/v1/organizations").status_code == 401
    assert client.get("/api/v1/organizations", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    by_bearer = client.get("/api/v1/organizations", HTTP_AUTHORIZATION=f"Bearer {key}")
    by_header = client.get("/api/v1/organizations", HTTP_X_API_KEY=key)
    assert by_bearer.status_code == by_header.status_code == 200
    assert {o["code"] for o in by_bearer.json()["items"]} == {"P46", "P46-HTX01", "P46-HTX02"}
    token.refresh_from_db()
    assert token.last_used_at is not None and key not in token.digest


@pytest.mark.django_db
def test_organization_filters(client, network, root_user):
    client.force_login(root_user)

    def codes(**params):
        return [o["code"] for o in client.get("/api/v1/organizations", params).json()["items"]]

    assert codes(kind="PROVINCIAL_ALLIANCE") == ["P01", "P46"]  # Hà Nội before Huế
    assert codes(province=46) == ["P46-HTX02", "P46-HTX01", "P46"]  # Hợp tác xã Dịch…, Nông…, Liên minh
    assert codes(parent=network.hue.pk) == ["P46-HTX02", "P46-HTX01"]
    assert codes(q="thuy thanh") == ["P46-HTX01"]
    assert codes(q="HUE") == ["P46"]


@pytest.mark.django_db
def test_people_search_ignores_diacritics(client, network, root_user):
    client.force_login(root_user)
    items = client.get("/api/v1/people", {"q": "nguyen van diep"}).json()["items"]
    assert [p["full_name"] for p in items] == ["Nguyễn Văn Điệp"]


@pytest.mark.django_db
def test_emulation_groups_scoped_and_filtered(client, network, root_user, make_user):
    bloc = services.create_emulation_group(root_user, EmulationGroup(
        owner=network.hue, name="Khối HTX nông nghiệp", year=2026))
    services.set_group_member(root_user, bloc, network.hue_coop, "HEAD")
    services.create_emulation_group(root_user, EmulationGroup(
        owner=network.hanoi, name="Cụm HTX Hà Nội", kind="CLUSTER", year=2026))
    client.force_login(make_user(Role.VIEWER, network.hue))
    items = client.get("/api/v1/emulation-groups", {"year": 2026}).json()["items"]
    assert [g["name"] for g in items] == ["Khối HTX nông nghiệp"]
    assert items[0]["members"] == [{"organization_id": network.hue_coop.pk,
                                    "organization_name": network.hue_coop.name, "role": "HEAD"}]
    assert client.get("/api/v1/emulation-groups", {"q": "ha noi"}).json()["items"] == []
    client.force_login(make_user(Role.VIEWER, network.hue_coop))
    assert [g["name"] for g in client.get("/api/v1/emulation-groups").json()["items"]] == [
        "Khối HTX nông nghiệp"]


@pytest.mark.django_db
def test_award_types_carry_both_languages(client, network, make_user):
    """The catalogue over the API gives the Vietnamese name documents use and the English name the
    interface shows, whatever the request's language."""
    client.force_login(make_user(Role.VIEWER, network.hue_coop))
    types = {t["code"]: t for t in client.get("/api/v1/award-types", {"active": True}).json()}
    assert types["GK"]["name"] == "Giấy khen"
    assert (types["GK"]["name_en"], types["GK"]["abbreviation_en"]) == (
        "Certificate of Commendation", "Commendation")
    assert types["BK_TTG"]["name_en"] == "Prime Minister's Certificate of Merit"
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["AwardTypeOut"]
    assert {"name_en", "abbreviation_en"} <= set(schema["required"])


@pytest.mark.django_db
def test_a_member_representing_a_household_over_the_api(client, network, make_user):
    """A Huế officer adds a membership for a person who represents their household: without the
    household's name it is a Vietnamese 400 and nothing is written; another province's officer
    cannot reach the person."""
    person = network.hue_person
    url = f"/api/v1/people/{person.pk}/employments"
    data = {"organization_id": network.hue_coop2.pk, "category": "MEMBER",
            "member_kind": "HOUSEHOLD", "start_date": "2025-03-01"}
    client.force_login(make_user(Role.EC_OFFICER, network.hanoi))
    assert client.post(url, data, content_type="application/json").status_code == 404
    client.force_login(make_user(Role.EC_OFFICER, network.hue))
    refused = client.post(url, data, content_type="application/json")
    assert refused.status_code == 400 and "hộ gia đình mà người này đại diện" in str(
        refused.json())
    assert not person.employments.filter(organization=network.hue_coop2).exists()
    added = client.post(url, {**data, "represents": "Hộ bà Nguyễn Thị Lan"},
                        content_type="application/json")
    assert added.status_code == 201
    assert (added.json()["member_kind"], added.json()["represents"], added.json()["membership"]) \
        == ("HOUSEHOLD", "Hộ bà Nguyễn Thị Lan", "OFFICIAL")
