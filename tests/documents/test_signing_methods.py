"""Each organisation chooses the ways of signing it accepts for its decisions (Thiết lập ban hành
quyết định, its system administrators only); the signing page offers only those, and the services
refuse the others whoever calls them."""
import json

import pytest
from django.urls import reverse

from test_signing import decision  # noqa: F401 — the fixture: an issued, enrolled decision
from thidua.accounts.models import Role
from thidua.documents.models import SignedDecision, SigningSession
from thidua.documents.signing import agent, services
from thidua.documents.signing.base import SigningError
from thidua.nominations.models import IssuerSettings, SigningMethods

SERVER_BUTTON = "Ký số bằng khóa của máy chủ (bản trình diễn)"
TOKEN_BUTTON = "Ký bằng USB token"


def settings_url(unit):
    return reverse("nominations:issuer_settings", args=[unit.pk])


def choose(client, unit, method, symbol="QĐ-LMHTX"):
    return client.post(settings_url(unit), {
        "decision_symbol": symbol, "place_name": "Huế",
        "signer_title": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        "signing_methods": method}, follow=True)


def test_the_units_administrator_chooses_and_the_page_offers_only_that(
        client, commendation, decision, make_user):
    hue = commendation.network.hue
    client.force_login(make_user(Role.SYSTEM_ADMIN, hue))
    page = client.get(settings_url(hue)).content.decode()
    assert "Thiết lập ban hành quyết định" in page and 'value="QĐ-LMHTX"' in page
    saved = choose(client, hue, SigningMethods.TOKEN).content.decode()
    assert "Đã lưu thiết lập ban hành quyết định" in saved
    row = IssuerSettings.objects.get(organization=hue)
    assert (row.signing_methods, row.signer_title) == (SigningMethods.TOKEN,
                                                       "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    client.force_login(commendation.signer)
    page = client.get(reverse("documents:sign_decision", args=[decision.pk])).content.decode()
    assert TOKEN_BUTTON in page and SERVER_BUTTON not in page
    assert "chỉ nhận quyết định ký bằng USB token" in page
    refused = client.post(reverse("documents:sign_decision", args=[decision.pk]), follow=True)
    assert "chỉ nhận văn bản ký bằng USB token của người ký" in refused.content.decode()
    assert not SignedDecision.objects.exists()


def test_server_only_hides_the_token_and_refuses_an_agent_session(client, commendation,
                                                                   decision):
    IssuerSettings.objects.filter(organization=commendation.network.hue).update(
        signing_methods=SigningMethods.SERVER)
    client.force_login(commendation.signer)
    page = client.get(reverse("documents:sign_decision", args=[decision.pk])).content.decode()
    assert SERVER_BUTTON in page and TOKEN_BUTTON not in page
    for route in ("documents:agent_session", "documents:digest_agent_session"):
        response = client.post(reverse(route, args=[decision.pk]))
        assert response.status_code == 400
        assert "chỉ nhận văn bản ký số từ máy chủ" in json.loads(response.content)["error"]
    assert not SigningSession.objects.exists()
    with pytest.raises(SigningError):
        agent.open_session(commendation.signer, decision)
    assert services.sign_decision(commendation.signer, decision).version == 1


def test_bad_input_rerenders_with_the_error_and_changes_nothing(client, commendation,
                                                                make_user):
    hue = commendation.network.hue
    client.force_login(make_user(Role.SYSTEM_ADMIN, hue))
    page = choose(client, hue, "BOTH-AND-MORE", symbol="").content.decode()
    assert "is-invalid" in page and "Đã lưu" not in page
    row = IssuerSettings.objects.get(organization=hue)
    assert (row.decision_symbol, row.signing_methods) == ("QĐ-LMHTX", SigningMethods.ANY)


@pytest.mark.parametrize("role, unit, status", [
    (Role.EC_OFFICER, "hue", 403), (Role.SIGNER, "hue", 403),
    (Role.SYSTEM_ADMIN, "hanoi", 404), (Role.SYSTEM_ADMIN, "vca", 200)])
def test_only_system_administrators_of_the_unit_or_above(client, commendation, make_user, role,
                                                         unit, status):
    network = commendation.network
    client.force_login(make_user(role, getattr(network, unit)))
    assert client.get(settings_url(network.hue)).status_code == status
    response = choose(client, network.hue, SigningMethods.SERVER)
    assert response.status_code == status
    expected = SigningMethods.SERVER if status == 200 else SigningMethods.ANY
    assert IssuerSettings.objects.get(organization=network.hue).signing_methods == expected


def test_anonymous_is_sent_to_log_in(client, commendation, settings):
    response = client.get(settings_url(commendation.network.hue))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))
