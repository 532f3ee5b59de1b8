"""Browser-side hardening: no inline script anywhere (so the Content-Security-Policy can forbid
it), the policy itself, production cookies and HSTS, and uploads never served as public files."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.static import serve

ROOT = Path(settings.BASE_DIR) / "thidua"
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=[\"']application/(ld\+)?json)",
                           re.I)
HANDLER = re.compile(r"<[a-z][^>]*\s(on[a-z]+|hx-on[:\w-]*)\s*=", re.I | re.S)
JAVASCRIPT_URL = re.compile(r"(href|src|action)\s*=\s*[\"']\s*javascript:", re.I)


def templates():
    return sorted(path for path in ROOT.rglob("templates/**/*.html"))


def test_templates_have_no_inline_script_or_handlers():
    problems = []
    for path in templates():
        text = path.read_text(encoding="utf-8")
        for pattern, what in ((INLINE_SCRIPT, "inline <script>"), (HANDLER, "on…= handler"),
                              (JAVASCRIPT_URL, "javascript: URL")):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert templates() and not problems, "\n".join(problems)


def test_the_scan_catches_what_it_must():
    assert INLINE_SCRIPT.search('<script>alert(1)</script>')
    assert not INLINE_SCRIPT.search('<script src="/static/x.js"></script>')
    assert not INLINE_SCRIPT.search('<script type="application/json" id="s">{}</script>')
    assert HANDLER.search('<button class="b"\n onclick="x()">')
    assert HANDLER.search('<div hx-on:click="x()">')
    assert not HANDLER.search('<p>Nhấn vào nút, one=two</p>')


@pytest.mark.django_db
def test_pages_carry_a_policy_without_inline_script(client):
    response = client.get(reverse("accounts:login"))
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def production_settings(tmp_path, **extra):
    code = ("import json, django; django.setup(); from django.conf import settings as s; "
            "print(json.dumps({k: getattr(s, k, None) for k in ['SESSION_COOKIE_SECURE', "
            "'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
            "'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_HTTPONLY', 'THIDUA_REQUIRE_2FA', "
            "'AUTH_PASSWORD_VALIDATORS', 'THIDUA_IDLE_TIMEOUT']}))")
    environ = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {**environ, "DJANGO_SETTINGS_MODULE": "thidua.settings", "THIDUA_ENV": "production",
           "SECRET_KEY": "s" * 60, "FIELD_ENCRYPTION_KEY": "another-long-secret-for-this-test",
           "ALLOWED_HOSTS": "thidua.example.org", "THIDUA_VAR_DIR": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3", **extra}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_hsts_two_factor_and_password_policy(tmp_path):
    values = production_settings(tmp_path)
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"] and values["SECURE_SSL_REDIRECT"]
    assert values["SECURE_HSTS_SECONDS"] >= 31536000 and values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert values["THIDUA_REQUIRE_2FA"] is True and 0 < values["THIDUA_IDLE_TIMEOUT"] <= 3600
    validators = {v["NAME"].rsplit(".", 1)[-1]: v.get("OPTIONS", {})
                  for v in values["AUTH_PASSWORD_VALIDATORS"]}
    assert validators["MinimumLengthValidator"]["min_length"] >= 10
    assert {"CommonPasswordValidator", "NumericPasswordValidator",
            "UserAttributeSimilarityValidator"} <= set(validators)


def served_views(resolver=None):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from served_views(entry)
        elif isinstance(entry, URLPattern):
            yield entry.callback


def test_no_url_serves_a_folder_of_files():
    assert serve not in set(served_views())


@pytest.mark.django_db
def test_uploaded_files_are_not_reachable_by_their_path(client, settings, tmp_path, root_user):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "bao-cao.pdf").write_bytes(b"%PDF-1.4 private")
    client.force_login(root_user)
    for url in (f"/{settings.MEDIA_URL}reports/bao-cao.pdf", "/media/reports/bao-cao.pdf",
                "/static/../media/reports/bao-cao.pdf",
                "/static/..%2f..%2fmedia/reports/bao-cao.pdf"):
        response = client.get(url)
        assert response.status_code == 404 and b"private" not in b"".join(
            getattr(response, "streaming_content", [response.content]))
