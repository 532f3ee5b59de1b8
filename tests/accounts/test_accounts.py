import subprocess
import sys

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.accounts.models import User


@pytest.mark.django_db
def test_login_is_audited_and_throttled(client, settings):
    User.objects.create_user("canbo", password="mot-mat-khau-dai-2026")
    response = client.post(reverse("accounts:login"),
                           {"username": "canbo", "password": "mot-mat-khau-dai-2026"})
    assert response.status_code == 302
    assert AccessLog.objects.filter(username="canbo").exists()
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "canbo", "password": "sai"})
    locked = client.post(reverse("accounts:login"),
                         {"username": "canbo", "password": "mot-mat-khau-dai-2026"})
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    assert AccessAttempt.objects.filter(username="canbo").exists()


@pytest.mark.django_db
def test_wrong_password_message_is_vietnamese(client):
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_weak_passwords_are_refused():
    for weak in ["12345678901", "password123", "short"]:
        with pytest.raises(ValidationError):
            validate_password(weak)


@pytest.mark.django_db
def test_password_reset_sends_email(client):
    User.objects.create_user("canbo", email="canbo@example.org", password="mot-mat-khau-dai-2026")
    client.post(reverse("accounts:password_reset"), {"email": "canbo@example.org"})
    assert len(mail.outbox) == 1 and "/dat-lai-mat-khau/" in mail.outbox[0].body


def run_check(env):
    code = ("import django; django.setup(); from django.core.management import call_command; "
            "call_command('check', '--deploy', '--fail-level', 'WARNING')")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


@pytest.mark.parametrize("overrides, message", [
    ({"DEBUG": "1"}, "DEBUG"),
    ({"SECRET_KEY": ""}, "SECRET_KEY"),
    ({"FIELD_ENCRYPTION_KEY": ""}, "FIELD_ENCRYPTION_KEY"),
])
def test_production_refuses_unsafe_settings(overrides, message, tmp_path):
    env = production_env(tmp_path)
    for key, value in overrides.items():
        if value:
            env[key] = value
        else:
            env.pop(key)
    result = run_check(env)
    assert result.returncode != 0 and message in result.stderr


def test_production_check_deploy_is_clean(tmp_path):
    result = run_check(production_env(tmp_path))
    assert result.returncode == 0, result.stderr


def production_env(tmp_path):
    import os

    environ = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**environ, "DJANGO_SETTINGS_MODULE": "thidua.settings", "THIDUA_ENV": "production",
            "SECRET_KEY": "k" * 20 + "-production-secret-for-tests-only-" + "z" * 20,
            "FIELD_ENCRYPTION_KEY": "another-long-secret-used-only-by-this-test",
            "ALLOWED_HOSTS": "thidua.example.org", "THIDUA_VAR_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}


@pytest.mark.django_db
def test_production_refuses_to_serve_with_demo_accounts(settings):
    from django.core.exceptions import ImproperlyConfigured

    from thidua.core.startup import refuse_unsafe_production

    User.objects.create_user("demo", password="x", is_demo=True)
    settings.PRODUCTION = True
    with pytest.raises(ImproperlyConfigured, match="tài khoản demo"):
        refuse_unsafe_production()
    User.objects.filter(username="demo").update(is_active=False)
    refuse_unsafe_production()


@pytest.mark.django_db
def test_user_creates_and_revokes_an_api_token(client):
    user = User.objects.create_user("canbo", password="mot-mat-khau-dai-2026")
    client.force_login(user)
    page = client.post(reverse("accounts:profile"), {"name": "Báo cáo tỉnh"}).content.decode()
    token = user.api_tokens.get()
    key = page.split('user-select-all">')[1].split("<")[0]
    assert client.get("/api/v1/people", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    client.post(reverse("accounts:profile"), {"revoke": token.pk})
    assert user.api_tokens.get().revoked_reason == "BY_USER"
    client.logout()
    assert client.get("/api/v1/people", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize("name, message", [
    ("", "Hãy đặt tên gợi nhớ"), ("a\x00b", "ký tự rỗng"), ("x" * 101, "tối đa 100 ký tự")])
def test_a_token_name_that_cannot_be_stored_is_refused_in_vietnamese(client, name, message):
    user = User.objects.create_user("canbo", password="mot-mat-khau-dai-2026")
    client.force_login(user)
    page = client.post(reverse("accounts:profile"), {"name": name}, follow=True)
    assert message in page.content.decode() and not user.api_tokens.exists()
