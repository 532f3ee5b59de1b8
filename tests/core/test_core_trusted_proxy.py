"""The client address behind a trusted proxy: believed from our proxy, never from the client."""
import pytest
from django.test import override_settings

from thidua.audit.models import AuditEntry
from thidua.core.middleware import _networks, forwarded_client

PROXIES = _networks(["127.0.0.1", "10.0.0.0/8"])


@pytest.mark.parametrize(("peer", "header", "expected"), [
    ("127.0.0.1", "", "127.0.0.1"),                              # no proxy header
    ("127.0.0.1", "203.0.113.7", "203.0.113.7"),                 # our nginx appended the client
    ("127.0.0.1", "6.6.6.6, 203.0.113.7", "203.0.113.7"),        # client-forged prefix ignored
    ("127.0.0.1", "203.0.113.7, 10.1.2.3", "203.0.113.7"),       # load balancer then nginx
    ("198.51.100.9", "203.0.113.7", "198.51.100.9"),             # untrusted peer: header ignored
    ("127.0.0.1", "not-an-address", "127.0.0.1"),                # garbage: keep the peer
    ("127.0.0.1", "10.0.0.5, 127.0.0.1", "127.0.0.1"),           # only proxies: keep the peer
])
def test_forwarded_client(peer, header, expected):
    assert forwarded_client(peer, header, PROXIES) == expected


@pytest.mark.django_db
def test_failed_sign_in_audited_with_forwarded_client(client):
    client.post("/dang-nhap/", {"username": "nobody", "password": "wrong"},
                HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry is not None and entry.ip == "203.0.113.7"


@pytest.mark.django_db
@override_settings(THIDUA_TRUSTED_PROXIES=[])
def test_header_ignored_without_trusted_proxy(client):
    client.post("/dang-nhap/", {"username": "nobody", "password": "wrong"},
                HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert AuditEntry.objects.order_by("-pk").first().ip == "127.0.0.1"
