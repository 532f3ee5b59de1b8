"""An API token acts with its user's current state: required two-factor sign-in not set up → 401
saying so; a password change or reset, a deactivation or a lost role revokes the user's tokens
(logged); tokens expire; the profile shows expiry, last use and revocation."""
from datetime import timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.accounts.models import ApiToken, Role, RoleAssignment
from thidua.audit.models import AuditEntry

PASSWORD = "a-long-test-password"


@pytest.fixture
def signer(network, make_user):
    return make_user(Role.SIGNER, network.hue, email="ky@example.org")


def call(client, key, path="/api/v1/people"):
    client.logout()
    return client.get(path, HTTP_AUTHORIZATION=f"Bearer {key}")


def refused(response):
    assert response.status_code == 401
    return response.json()["detail"]


def revocations(token):
    return [entry.changes["revoked_reason"][1] for entry in AuditEntry.objects.filter(
        model="accounts.ApiToken", object_id=str(token.pk), action="UPDATE")]


def test_required_second_factor_not_set_up_refuses_the_token(client, settings, signer):
    _token, key = ApiToken.issue(signer, "Báo cáo")
    assert call(client, key, "/api/v1/decisions").status_code == 200
    settings.THIDUA_REQUIRE_2FA = True
    for path in ("/api/v1/decisions", "/api/v1/people"):
        assert "bắt buộc xác thực hai bước" in refused(call(client, key, path))
    TOTPDevice.objects.create(user=signer, name="app", confirmed=True)
    assert call(client, key, "/api/v1/decisions").status_code == 200


def test_password_change_revokes_and_logs(client, signer):
    token, key = ApiToken.issue(signer, "Báo cáo")
    client.force_login(signer)
    response = client.post(reverse("accounts:password_change"), {
        "old_password": PASSWORD, "new_password1": "mot-mat-khau-moi-2026",
        "new_password2": "mot-mat-khau-moi-2026"})
    assert response.status_code == 302
    assert "Mật khẩu đã đổi".lower() in refused(call(client, key))
    assert revocations(token) == ["PASSWORD"]
    other, other_key = ApiToken.issue(signer, "Mới")  # made after the change: works
    assert call(client, other_key).status_code == 200


def test_password_reset_revokes(client, signer):
    token, key = ApiToken.issue(signer, "Báo cáo")
    url = reverse("accounts:password_reset_confirm", args=[
        urlsafe_base64_encode(force_bytes(signer.pk)), default_token_generator.make_token(signer)])
    form = client.get(url)["Location"]
    client.post(form, {"new_password1": "mot-mat-khau-moi-2026",
                       "new_password2": "mot-mat-khau-moi-2026"})
    assert "thu hồi" in refused(call(client, key))
    assert revocations(token) == ["PASSWORD"]


def test_sign_in_rehash_is_not_a_password_change(client, signer):
    _token, key = ApiToken.issue(signer, "Báo cáo")
    response = client.post(reverse("accounts:login"), {"username": signer.username,
                                                       "password": PASSWORD})
    assert response.status_code == 302
    assert call(client, key).status_code == 200


def test_deactivation_revokes(client, signer):
    token, key = ApiToken.issue(signer, "Báo cáo")
    signer.is_active = False
    signer.save()
    assert "tài khoản bị khóa" in refused(call(client, key))
    assert revocations(token) == ["DEACTIVATED"]


def test_role_taken_away_revokes_one_by_one_or_in_bulk(client, signer, network):
    token, key = ApiToken.issue(signer, "Báo cáo")
    signer.role_assignments.get().delete()
    assert "vai trò bị thu hồi" in refused(call(client, key))
    assert revocations(token) == ["ROLE_LOST"]
    RoleAssignment.objects.create(user=signer, organization=network.hue, role=Role.SIGNER)
    RoleAssignment.objects.create(user=signer, organization=network.hue, role=Role.VIEWER)
    second, second_key = ApiToken.issue(signer, "Thứ hai")
    RoleAssignment.objects.filter(user=signer, role=Role.VIEWER).delete()  # bulk: no delete()
    assert "vai trò bị thu hồi" in refused(call(client, second_key))
    assert revocations(second) == ["ROLE_LOST"]


def test_a_new_role_keeps_the_token(client, signer, network):
    _token, key = ApiToken.issue(signer, "Báo cáo")
    RoleAssignment.objects.create(user=signer, organization=network.hanoi, role=Role.VIEWER)
    assert call(client, key).status_code == 200


def test_tokens_expire(client, settings, signer, clock, now):
    settings.THIDUA_API_TOKEN_DAYS = 30
    token, key = ApiToken.issue(signer, "Báo cáo")
    assert timedelta(days=30) <= token.expires_at - now < timedelta(days=30, seconds=5)
    clock.move_to(now + timedelta(days=30, seconds=1))
    assert "đã hết hạn ngày 20/12/2026" in refused(call(client, key))


def test_profile_shows_expiry_last_use_and_revocation(client, signer, now):
    token, key = ApiToken.issue(signer, "Báo cáo")
    call(client, key)
    revoked, _key = ApiToken.issue(signer, "Cũ")
    client.force_login(signer)
    client.post(reverse("accounts:profile"), {"revoke": revoked.pk})
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "19/05/2027" in page  # expiry: 180 days from 20/11/2026
    assert "09:30 20/11/2026" in page  # made and last used on the travelled clock
    assert "Đã thu hồi" in page and "Người dùng thu hồi" in page and "Dùng được" in page
    assert "Mỗi mã dùng được 180 ngày." in page
