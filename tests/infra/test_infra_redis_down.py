"""Redis stops under a running gunicorn (cache and broker on it): a signed-in person keeps
working, signs out for good, and everything carries on when Redis is back. The in-process side
(rate counters, tasks, jobs, the portal) is in tests/core/test_core_redis_down.py."""
import http.cookiejar
import re
import shutil
import subprocess
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from infra_processes import reachable, wait_for
from test_infra_prod_stack import free_port

from thidua.accounts.models import User

PASSWORD = "mot-mat-khau-dai-2026"
PAGES = ("/", "/ca-nhan/", "/don-vi/", "/ho-so/", "/tai-khoan/")


class Browser:
    """Cookies and the CSRF token, as a browser keeps them; redirects are not followed."""

    def __init__(self, base):
        self.base, self.cookies = base, http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args):
                return None

        self.opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPCookieProcessor(self.cookies))

    def open(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            return self.opener.open(self.base + path, body, timeout=20)
        except urllib.error.HTTPError as error:
            return error

    def post_form(self, path, fields, form_on=None):
        page = self.open(form_on or path).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.open(path, {"csrfmiddlewaretoken": token, **fields})


def start_redis(processes, port):
    server = processes.start([shutil.which("redis-server"), "--port", str(port), "--save", "",
                              "--appendonly", "no"], "redis")
    wait_for(lambda: subprocess.run(["redis-cli", "-p", str(port), "ping"],
                                    capture_output=True).stdout.strip() == b"PONG", 30, "Redis")
    return server


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_redis_stops_and_the_signed_in_site_carries_on(processes):
    # hashed as the server's settings hash (the tests' own hasher is a fast one it does not know)
    User.objects.create(username="canbo", password=PBKDF2PasswordHasher().encode(PASSWORD, "muoi"))
    redis_port, port = free_port(), free_port()
    redis = start_redis(processes, redis_port)
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    server = processes.start(["gunicorn", "-c", "deploy/gunicorn.conf.py", "thidua.wsgi"],
                             "gunicorn", GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2",
                             REDIS_URL=redis_url, CELERY_BROKER_URL=redis_url, DEBUG="false",
                             ALLOWED_HOSTS="127.0.0.1")
    browser = Browser(f"http://127.0.0.1:{port}")

    def answering():
        assert server.poll() is None, open(server.log_path).read()
        return reachable(browser.base) and browser.open("/dang-nhap/").status == 200

    wait_for(answering, 60, "gunicorn to answer")
    assert browser.post_form("/dang-nhap/", {"username": "canbo",
                                             "password": PASSWORD}).status == 302
    assert [browser.open(path).status for path in PAGES] == [200] * len(PAGES)

    processes.kill(redis)
    assert [browser.open(path).status for path in PAGES] == [200] * len(PAGES)
    assert browser.post_form("/dang-xuat/", {}, form_on="/").status == 302
    assert browser.open("/ho-so/").status == 302  # signed out, for good

    start_redis(processes, redis_port)
    assert browser.open("/ho-so/").status == 302
    assert browser.post_form("/dang-nhap/", {"username": "canbo",
                                             "password": PASSWORD}).status == 302
    assert browser.open("/ho-so/").status == 200
    assert "Internal Server Error" not in open(server.log_path).read()
