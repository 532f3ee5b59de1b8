"""Căn cứ pháp lý đang áp dụng: every signed-in role reads it for its own units; only a unit's
system administrators add its own bases; the API answers the same, within the user's scope."""
from datetime import date

import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.legal.models import OwnBasis

pytestmark = pytest.mark.django_db
ROLES = list(Role)
URL = "awards:legal_bases"


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_the_page_for_its_unit(client, network, make_user, role):
    client.force_login(make_user(role, network.hue))
    response = client.get(reverse(URL), {"day": "04/08/2025"})
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["unit"] == network.hue
    assert "Thông tư 01/2024/TT-BNV" in page and "Thông tư số 15/2025/TT-BNV" not in page
    assert ("Thêm căn cứ riêng" in page) == (role == Role.SYSTEM_ADMIN)


def test_the_page_on_another_date_cites_tt_15_2025(client, network, make_user):
    client.force_login(make_user(Role.VIEWER, network.hue))
    page = client.get(reverse(URL), {"day": "05/08/2025"}).content.decode()
    assert "Căn cứ Thông tư số 15/2025/TT-BNV" in page
    assert "Biểu 0601" in page and "Thông tư 13/2025/TT-BNV" in page  # pending, listed apart


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse(URL))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


@pytest.mark.parametrize("role, allowed", [(role, role == Role.SYSTEM_ADMIN) for role in ROLES])
def test_only_the_units_administrators_add_its_own_bases(client, network, make_user, role,
                                                         allowed):
    client.force_login(make_user(role, network.hue))
    response = client.post(reverse(URL) + f"?unit={network.hue.pk}", {
        "kind": "REGULATION", "wording": "Quy chế thi đua của Liên minh HTX Huế",
        "valid_from": "01/01/2025"})
    assert response.status_code == (302 if allowed else 403)
    assert OwnBasis.objects.filter(organization=network.hue).exists() == allowed


def test_an_administrator_cannot_add_bases_for_another_unit(client, network, make_user):
    client.force_login(make_user(Role.SYSTEM_ADMIN, network.hue))
    response = client.post(reverse(URL) + f"?unit={network.hanoi.pk}", {
        "kind": "CHARTER", "wording": "Điều lệ"})
    assert response.status_code == 403
    assert not OwnBasis.objects.exists()


def test_a_bad_date_range_is_refused_with_a_message(client, network, make_user):
    client.force_login(make_user(Role.SYSTEM_ADMIN, network.hue))
    response = client.post(reverse(URL) + f"?unit={network.hue.pk}", {
        "kind": "CHARTER", "wording": "Điều lệ", "valid_from": "01/01/2025",
        "valid_to": "01/01/2024"})
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()
    assert not OwnBasis.objects.exists()


def test_the_saved_regulation_is_cited_on_the_units_decisions(client, network, make_user):
    client.force_login(make_user(Role.SYSTEM_ADMIN, network.hue))
    client.post(reverse(URL) + f"?unit={network.hue.pk}", {
        "kind": "REGULATION", "wording": "Quy chế thi đua của Liên minh HTX Huế"})
    bases = client.get(reverse(URL)).context["decision_bases"]
    assert bases[-1]["citation"] == "Quy chế thi đua của Liên minh HTX Huế" and bases[-1]["own"]


@pytest.mark.parametrize("role", ROLES)
def test_the_api_answers_every_role_within_its_scope(client, network, make_user, role):
    client.force_login(make_user(role, network.hue))
    url = reverse("api-v1:legal_bases")
    own = client.get(url, {"on": "2025-08-05", "organization_id": network.hue.pk})
    assert own.status_code == 200
    assert [line["short_name"] for line in own.json()["decision_bases"]] == [
        "Luật TĐKT 2022", "Nghị định 152/2025/NĐ-CP", "Thông tư 15/2025/TT-BNV"]
    assert own.json()["day"] == str(date(2025, 8, 5))
    other = client.get(url, {"organization_id": network.hanoi.pk})
    assert other.status_code == 404


def test_the_api_refuses_anonymous_callers(client):
    assert client.get(reverse("api-v1:legal_bases")).status_code == 401


def test_an_award_types_basis_is_cited_once_in_english(award_catalogue, today):
    """An English decision read 'Pursuant to Pursuant to Luật TĐKT 2022, Điều 75.': the award
    type's line was prefixed, then prefixed again because it no longer began with 'Căn cứ'."""
    from django.utils import translation

    from thidua.awards.citations import legal_basis_lines
    from thidua.awards.models import AwardType
    award_type = AwardType.objects.filter(legal_basis__gt="").first()
    with translation.override("en"):
        lines = legal_basis_lines("", [award_type], today)
    assert lines[-1].count("Pursuant to") == 1 and lines[-1].endswith(".")
