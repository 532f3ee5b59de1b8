"""Reporting reads on PostgreSQL read replicas (national scale; ``DATABASE_REPLICA_URLS``).

Settings add the replicas as ``replica1``, ``replica2``… and, only then, this router and
:class:`ReportingReadsMiddleware`. Reads go to a replica only inside :func:`reporting_reads`:
GET/HEAD requests under ``THIDUA_REPLICA_PATHS`` (the report pages by default), or code that
asks for it (e.g. a statistics job). Everything else — every write, and every read of a page
that may have just written — stays on the primary, so nobody reads behind their own write.
"""
import random
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_reporting = ContextVar("reporting_reads", default=False)


def replicas():
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


@contextmanager
def reporting_reads():
    """Let reads inside this block go to a replica (a few seconds behind the primary)."""
    token = _reporting.set(True)
    try:
        yield
    finally:
        _reporting.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reporting.get():
            return random.choice(replicas())  # nosec B311 - spreading load, not security
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas hold the same data as the primary

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"


class ReportingReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(settings.THIDUA_REPLICA_PATHS)

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.path.startswith(self.prefixes):
            with reporting_reads():
                return self.get_response(request)
        return self.get_response(request)
