"""Two-factor sign-in: enrolment with a TOTP app, verification after the password, recovery
codes, who must use it; idle sign-out; the rate limit on anonymous form posts."""
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.accounts import twofactor
from thidua.accounts.models import Role

PASSWORD = "a-long-test-password"


def code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, user):
    response = client.post(reverse("accounts:login"), {"username": user.username,
                                                       "password": PASSWORD})
    assert response.status_code == 302
    return response


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def required(settings):
    settings.THIDUA_REQUIRE_2FA = True
    # Each wrong code makes the next try wait (1 s, 2 s, 4 s …); the flows below try right after.
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.mark.django_db
def test_wrong_codes_slow_down_the_next_try(network, make_user):
    user = make_user(Role.SIGNER, network.hue)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    assert not device.verify_token("000000")
    assert not device.verify_token(code(device))  # right, but within the delay


@pytest.mark.django_db
def test_signer_must_enrol_then_verify_at_each_sign_in(client, network, make_user, required):
    signer = make_user(Role.SIGNER, network.hue)
    sign_in(client, signer)
    home = client.get(reverse("core:home"))
    assert home.status_code == 302 and home.url.startswith(reverse("accounts:two_factor_setup"))
    page = client.get(home.url)
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=signer, confirmed=False)

    wrong = client.post(reverse("accounts:two_factor_setup"), {"token": "000000", "next": "/"})
    assert "Mã chưa đúng" in wrong.content.decode()
    enrolled = client.post(reverse("accounts:two_factor_setup"), {"token": code(device),
                                                                 "next": "/"})
    shown = re.findall(r'<li class="col user-select-all">(\w+)</li>', enrolled.content.decode())
    assert len(shown) == 10 and set(shown) == set(StaticToken.objects.filter(
        device__user=signer).values_list("token", flat=True))
    assert client.get(reverse("core:home")).status_code == 200

    client.post(reverse("accounts:logout"))
    sign_in(client, signer)
    gated = client.get(reverse("organizations:organization_list"))
    assert gated.url.startswith(reverse("accounts:two_factor_verify"))
    assert client.get("/api/v1/organizations").status_code == 302  # the API by session too
    # A password alone cannot enrol a new app over the existing one.
    assert client.get(reverse("accounts:two_factor_setup")).url == reverse(
        "accounts:two_factor_verify")
    refused = client.post(reverse("accounts:two_factor_verify"), {"token": "123456"})
    assert "Mã không đúng" in refused.content.decode()
    # A recovery code works once.
    passed = client.post(reverse("accounts:two_factor_verify"),
                         {"token": shown[0], "next": reverse("organizations:organization_list")})
    assert passed.url == reverse("organizations:organization_list")
    assert client.get(reverse("organizations:organization_list")).status_code == 200
    assert not StaticToken.objects.filter(token=shown[0]).exists()


@pytest.mark.django_db
def test_totp_code_verifies_and_next_must_be_local(client, network, make_user, required):
    admin = make_user(Role.SYSTEM_ADMIN, network.hue)
    device = TOTPDevice.objects.create(user=admin, name="app", confirmed=True)
    sign_in(client, admin)
    response = client.post(reverse("accounts:two_factor_verify"),
                           {"token": code(device), "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url == reverse("core:home")


@pytest.mark.django_db
def test_other_roles_and_development_are_not_forced(client, network, make_user, settings):
    officer = make_user(Role.EC_OFFICER, network.hue)
    settings.THIDUA_REQUIRE_2FA = True
    assert not twofactor.is_required(officer)
    sign_in(client, officer)
    assert client.get(reverse("core:home")).status_code == 200
    client.post(reverse("accounts:logout"))
    settings.THIDUA_REQUIRE_2FA = False
    signer = make_user(Role.SIGNER, network.hue)
    assert not twofactor.is_required(signer)
    sign_in(client, signer)
    assert client.get(reverse("core:home")).status_code == 200


@pytest.mark.django_db
def test_recovery_codes_can_be_replaced_from_a_verified_session(client, network, make_user):
    user = make_user(Role.EC_OFFICER, network.hue)
    client.force_login(user)
    device = twofactor.pending_device(user)
    old = twofactor.confirm(user, device, code(device))
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    page = client.post(reverse("accounts:profile"), {"recovery_codes": "1"})
    new = re.findall(r'<li class="col user-select-all">(\w+)</li>', page.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.filter(device__user=user).values_list(
        "token", flat=True)) == set(new)


@pytest.mark.django_db
def test_idle_session_is_signed_out(client, network, make_user, settings, now):
    settings.THIDUA_IDLE_TIMEOUT = 60
    client.force_login(make_user(Role.VIEWER, network.hue))
    assert client.get(reverse("core:home")).status_code == 200
    session = client.session
    session["last_seen"] = int(now.timestamp()) - 120
    session.save()
    response = client.get(reverse("organizations:organization_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert client.get(reverse("core:home")).status_code == 302


@pytest.mark.django_db
def test_anonymous_posts_are_rate_limited(client, settings):
    settings.THIDUA_PUBLIC_POST_LIMIT = 3
    url = reverse("accounts:password_reset")
    statuses = [client.post(url, {"email": "ai@example.org"}).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert "Gửi quá nhiều lần" in client.post(url, {"email": "x@example.org"}).content.decode()
