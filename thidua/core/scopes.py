"""Scoping that cannot be forgotten: organisation-scoped rows are not read unscoped in a request.

Hand-written rather than django-scopes: that library filters by an ambient scope value at
``get_queryset`` time, whereas here the scope is the user's role assignments, applied by each
model's ``visible_to(user)`` which callers already use, so the check has to wait for evaluation.

While a request is served (``ScopeGuardMiddleware``), a ``ScopedQuerySet`` refuses to be read
unless it went through ``visible_to(user)``, came from a related manager of an instance already
obtained (``person.awards.all()``), or was marked as system code with ``.unscoped(reason)`` or
``with system(reason):``. Outside requests (commands, Celery, test setup) the guard is off.
See docs/architecture.md, "Scoped models".
"""
import contextvars
import functools
import logging
import traceback
from contextlib import contextmanager

from django.conf import settings
from django.db import models

logger = logging.getLogger("thidua.scopes")

# None: no request is being served; otherwise the request's path, for the error message.
_serving = contextvars.ContextVar("thidua_scopes_serving", default=None)
_system_reason = contextvars.ContextVar("thidua_scopes_system", default=None)


PERMISSION_CHECK = "permission check"
# The reason of a service that re-reads, with select_for_update, a row its caller holds.
ROW_LOCK = "re-read of a row the caller holds, with a row lock"


class ScopeError(Exception):
    """An organisation-scoped model was read, while a request was served, without a scope."""


@contextmanager
def system(reason):
    """Code that reads scoped models whole on purpose (public pages of published data, services
    re-fetching a row they were handed); ``reason`` says why, for whoever reads the code."""
    if not reason:
        raise ValueError("scopes.system() needs a reason")
    token = _system_reason.set(reason)
    try:
        yield
    finally:
        _system_reason.reset(token)


@contextmanager
def serving(path):
    """Turn the guard on for the duration of one request (or of a test that stands in for one)."""
    token = _serving.set(path)
    try:
        yield
    finally:
        _serving.reset(token)


def _call_site():
    """The innermost frame of our own code (not Django, an installed package or this module):
    the line that forgot the scope."""
    for frame in reversed(traceback.extract_stack()[:-3]):
        if ("/site-packages/" not in frame.filename and "/django/" not in frame.filename
                and not frame.filename.endswith("core/scopes.py")):
            return f"{frame.filename}:{frame.lineno} in {frame.name}"
    return "?"


def _refuse(queryset):
    model = queryset.model._meta.label
    message = (f"{model} read without a scope while serving {_serving.get()} at {_call_site()}: "
               f"use .visible_to(user), a related manager, or mark system code "
               f"(.unscoped(reason) / scopes.system(reason)).")
    if settings.THIDUA_UNSCOPED_READS == "log":
        logger.error(message)
        return
    raise ScopeError(message)


def _scoping(method):
    """Wrap a queryset's own ``visible_to`` so that what it returns counts as scoped."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        return method(self, *args, **kwargs)._with_scope("visible_to")
    return wrapper


class ScopedQuerySet(models.QuerySet):
    """Base of the querysets of organisation-scoped models (listed in docs/architecture.md)."""

    _scope = None  # how this queryset came to be scoped: "visible_to", "related", "system: …"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "visible_to" in cls.__dict__:
            cls.visible_to = _scoping(cls.__dict__["visible_to"])

    @classmethod
    def as_manager(cls):
        manager = ScopedManager.from_queryset(cls)()
        manager._built_with_as_manager = True
        return manager

    def _with_scope(self, scope):
        clone = self._chain()
        clone._scope = scope
        return clone

    def unscoped(self, reason):
        """Mark this query as system code that reads the model whole, and say why."""
        if not reason:
            raise ValueError("unscoped() needs a reason")
        return self._with_scope(f"system: {reason}")

    def in_scope(self, condition):
        """Filter by a condition built from what the user may see, with a role subset or a unit
        already checked: ``organizations.scoping.organization_q(user, roles, prefix)`` or a
        report's ``Scope.units_q(prefix)``, rows the user is named on (``Q(created_by=user)``)
        or rows of instances the caller already holds (``Q(person__in=people)`` where
        ``people`` came from ``visible_to``). Nothing else belongs here."""
        return self.filter(condition)._with_scope("in_scope")

    def for_permission_check(self):
        """One row, read to ask an object permission about it right after (``has_perm(perm,
        row)`` or a rule); reading several rows this way is refused."""
        return self._with_scope(PERMISSION_CHECK)

    def _clone(self):
        clone = super()._clone()
        clone._scope = self._scope
        return clone

    def _check_scope(self):
        if (self._scope is None and _serving.get() is not None and _system_reason.get() is None
                and not self.query.is_empty()):
            _refuse(self)

    def _fetch_all(self):
        if self._result_cache is None:
            self._check_scope()
        super()._fetch_all()
        if self._scope == PERMISSION_CHECK and len(self._result_cache) > 1:
            raise ScopeError(f"{self.model._meta.label}: for_permission_check() read "
                             f"{len(self._result_cache)} rows at {_call_site()}")

    def iterator(self, *args, **kwargs):
        self._check_scope()
        return super().iterator(*args, **kwargs)

    def count(self):
        if self._result_cache is None:
            self._check_scope()
        return super().count()

    def aggregate(self, *args, **kwargs):
        self._check_scope()
        return super().aggregate(*args, **kwargs)


def for_permission_check(queryset):
    """``queryset.for_permission_check()`` when its model is scoped, the queryset unchanged
    otherwise: for helpers shared by scoped and unscoped models (``object_or_403``)."""
    if isinstance(queryset, ScopedQuerySet):
        return queryset.for_permission_check()
    return queryset


class ScopedManager(models.Manager):
    """A related manager (``person.awards``) reads rows of an instance the caller already holds:
    its queryset counts as scoped."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if hasattr(self, "core_filters"):
            return queryset._with_scope("related")
        return queryset


class ScopeGuardMiddleware:
    """Serves every view and API handler with the guard on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with serving(request.path):
            return self.get_response(request)
