"""The client's address behind the documented reverse proxy.

Behind nginx or a load balancer every request reaches gunicorn from the proxy, so ``REMOTE_ADDR``
alone would make the audit trail, the sign-in lockout and the rate limits see one client. Hand-
written because the rule is a few lines and must stay exact: ``X-Forwarded-For`` is read only when
the direct peer is a proxy we trust, from the right, skipping further trusted proxies — a client
can prepend anything to that header but cannot forge what our own proxy appended.
"""
import ipaddress
import json

from django.conf import settings

from .text import nfc, nfc_deep


def _networks(entries):
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _is_trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def forwarded_client(remote_addr, forwarded_for, networks):
    """The first address, from the right of ``forwarded_for``, that is not a trusted proxy; the
    peer's own address when it is not trusted or the header holds nothing usable."""
    if not forwarded_for or not _is_trusted(remote_addr, networks):
        return remote_addr
    for hop in reversed([part.strip() for part in forwarded_for.split(",")]):
        if not _is_trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote_addr
    return remote_addr


class TrustedProxyMiddleware:
    """Sets ``REMOTE_ADDR`` to the client's address when the request came through a trusted proxy
    (``THIDUA_TRUSTED_PROXIES``), so everything downstream reads one honest value."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.networks = _networks(settings.THIDUA_TRUSTED_PROXIES)

    def __call__(self, request):
        meta = request.META
        meta["REMOTE_ADDR"] = forwarded_client(meta.get("REMOTE_ADDR", ""),
                                               meta.get("HTTP_X_FORWARDED_FOR", ""), self.networks)
        return self.get_response(request)


class ComposedTextMiddleware:
    """Every text a client sends — query string, form fields, JSON bodies of the API — reaches the
    views composed (NFC, ``text.nfc``): the one boundary of web input. Passwords are left as typed
    (their hashes were made from the bytes the user typed); uploaded files are not text."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _composed(request.GET)
        if request.method in ("POST", "PUT", "PATCH"):
            if request.content_type in ("application/x-www-form-urlencoded",
                                        "multipart/form-data"):
                request.POST = _composed(request.POST)
            elif request.content_type == "application/json" and request.body:
                try:
                    data = json.loads(request.body)
                except ValueError:
                    pass  # the view answers the broken body as it always did
                else:
                    request._body = json.dumps(nfc_deep(data), ensure_ascii=False).encode()
        return self.get_response(request)


def _composed(query):
    if all(value.isascii() for _key, values in query.lists() for value in values):
        return query
    composed = query.copy()
    for key, values in query.lists():
        if "password" not in key:
            composed.setlist(key, [nfc(value) for value in values])
    composed._mutable = False
    return composed
