"""Reporting reads on PostgreSQL read replicas (national scale; ``DATABASE_REPLICA_URLS``).

Settings add the replicas as ``replica1``, ``replica2``… and, only then, this router and
:class:`ReportingReadsMiddleware`. Reads go to a replica only inside :func:`reporting_reads`:
GET/HEAD requests under ``THIDUA_REPLICA_PATHS`` (the report pages by default), or code that
asks for it (e.g. a statistics job). Everything else — every write, and every read of a page
that may have just written — stays on the primary.

Read your writes: a replica is a moment behind the primary, so after a user's POST (or any
other unsafe method) the report pages read from the primary for that user during
``THIDUA_READ_YOUR_WRITES_SECONDS`` (a signed, timestamped cookie; 0 turns it off).

A replica that refuses connections is skipped for ``THIDUA_REPLICA_RETRY_SECONDS`` (remembered
per process) and its reads go to the others or to the primary; a report page whose replica fails
mid-request is served again from the primary. So losing a replica costs no request.
"""
import random
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections

WROTE_COOKIE = "thidua_wrote"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
_reporting = ContextVar("reporting_reads", default=False)
_down_until = {}  # replica alias → time.monotonic() before which it is not tried again


def replicas():
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


@contextmanager
def _reads_on_replica(allowed):
    token = _reporting.set(allowed)
    try:
        yield
    finally:
        _reporting.reset(token)


def reporting_reads():
    """Let reads inside this block go to a replica (a few seconds behind the primary)."""
    return _reads_on_replica(True)


def mark_down(alias):
    _down_until[alias] = time.monotonic() + settings.THIDUA_REPLICA_RETRY_SECONDS


def connectable_replica():
    """A replica that accepts connections, at random, or None. Cheap once connected: Django's
    health check runs once per request and connecting is skipped while the connection lives."""
    now = time.monotonic()
    candidates = [alias for alias in replicas() if _down_until.get(alias, 0) <= now]
    random.shuffle(candidates)  # nosec B311 - spreading load, not security
    for alias in candidates:
        connection = connections[alias]
        try:
            connection.close_if_health_check_failed()
            connection.ensure_connection()
        except DatabaseError:
            mark_down(alias)
        else:
            return alias
    return None


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reporting.get():
            return connectable_replica() or "default"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas hold the same data as the primary

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"


def wrote_lately(request):
    """True within THIDUA_READ_YOUR_WRITES_SECONDS of this browser's last unsafe request."""
    seconds = settings.THIDUA_READ_YOUR_WRITES_SECONDS
    return bool(seconds) and request.get_signed_cookie(
        WROTE_COOKIE, default=None, salt=WROTE_COOKIE, max_age=seconds) is not None


class ReportingReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(settings.THIDUA_REPLICA_PATHS)

    def __call__(self, request):
        if request.method not in SAFE_METHODS:
            response = self.get_response(request)
            if settings.THIDUA_READ_YOUR_WRITES_SECONDS:
                response.set_signed_cookie(
                    WROTE_COOKIE, "1", salt=WROTE_COOKIE,
                    max_age=settings.THIDUA_READ_YOUR_WRITES_SECONDS, httponly=True,
                    secure=settings.SESSION_COOKIE_SECURE, samesite="Lax")
            return response
        if request.path.startswith(self.prefixes) and not wrote_lately(request):
            with reporting_reads():
                return self.get_response(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        """A replica lost mid-request: skip it from now on and serve the page from the primary
        (a GET under reporting reads, so running the view again is safe)."""
        if not (_reporting.get() and isinstance(exception, DatabaseError)):
            return None
        failed = [alias for alias in replicas() if connections[alias].errors_occurred]
        if not failed:
            return None
        for alias in failed:
            mark_down(alias)
        with _reads_on_replica(False):
            return self.get_response(request)
