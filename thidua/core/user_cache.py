"""Figures about one user kept in the cache between pages: the header's unread badge (on every
page) and the home page below its header, kept rendered (``thidua.views``).

The first page that needs a figure computes it and keeps it for at most ``SECONDS``. It is dropped
sooner when the user would expect to see the change at once: a notification to them or one of
theirs read (``core.notifications``), or a change they made themselves (``audit.chain`` drops the
actor's figures when the change commits). So nobody sees their own step still waiting, and a
change by someone else that notifies nobody shows within ``SECONDS`` at worst.
"""
from django.core.cache import cache
from django.db import transaction

SECONDS = 60
NAMES = ("unread", "home")  # every figure ``forget`` drops


def remembered(user, name, compute, variant=()):
    """``compute()``, or what it gave for ``user`` less than ``SECONDS`` ago with the same
    ``variant`` (the day and language a figure was computed for)."""
    key = _key(user.pk, name)
    found = cache.get(key)
    if found is not None and found[0] == variant:
        return found[1]
    value = compute()
    if not transaction.get_connection().in_atomic_block:  # else it may show uncommitted rows
        cache.set(key, (variant, value), SECONDS)
    return value


def forget(user_ids):
    """Drop the figures of the users ``user_ids``: now, and again when the current transaction
    commits (a page reading meanwhile would have stored what it saw before the change)."""
    keys = [_key(pk, name) for pk in set(user_ids) for name in NAMES]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def _key(user_id, name):
    return f"thidua:user:{user_id}:{name}"
