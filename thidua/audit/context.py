"""The request being served, so signal receivers know who acts and from where."""
from contextvars import ContextVar

_request = ContextVar("thidua_audit_request", default=None)


class AuditContextMiddleware:
    """Remembers the request for the audit receivers. The user is read when an entry is written,
    so API token authentication (which sets ``request.user`` inside the view) is seen too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def client_ip(request):
    """REMOTE_ADDR, which ``core.middleware.TrustedProxyMiddleware`` has already set to the client
    behind a trusted proxy — never a header the client chose."""
    return request.META.get("REMOTE_ADDR", "")[:45] if request else ""


def current_actor():
    """(user or None, IP) of the request being served; (None, "") in commands and tasks."""
    request = _request.get()
    user = getattr(request, "user", None)
    if user is not None and not user.is_authenticated:
        user = None
    return user, client_ip(request)
