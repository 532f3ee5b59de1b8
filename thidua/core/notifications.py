"""Notify people: an inbox row for each recipient and, after the transaction commits, an email.

Call ``notify`` inside the state change's transaction; nothing is sent if it rolls back.
"""
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification, format_title
from .tasks import run_task


def notify(recipients, title, body="", url="", title_params=None):
    """Create an inbox item for every user in ``recipients`` and email those with an address.

    ``title`` is the message as written, placeholders and all; its values go in
    ``title_params`` so the inbox can show it in each reader's language."""
    recipients = [user for user in {u.pk: u for u in recipients}.values() if user.is_active]
    params = {name: str(value) for name, value in (title_params or {}).items()}
    Notification.objects.bulk_create(
        Notification(recipient=user, title=title, title_params=params, body=body, url=url)
        for user in recipients
    )
    _forget_unread(user.pk for user in recipients)
    emails = [user.email for user in recipients if user.email]
    if emails:
        subject = format_title(title, params)
        transaction.on_commit(lambda: run_task(send_notification_email, subject, body, url, emails))
    return len(recipients)


def mark_read(user, pk=None):
    """Mark ``user``'s unread notifications read: the one ``pk``, or all of them. Returns the
    number marked. (Bookkeeping: no audit line.)"""
    unread = user.notifications.filter(read_at__isnull=True)
    if pk is not None:
        unread = unread.filter(pk=pk)
    marked = unread.update(read_at=timezone.now())
    _forget_unread([user.pk])
    return marked


# The header's unread badge is on every page; counting costs a query each time, so the count is
# kept in the cache (shared by the workers when Redis is configured) until it changes here.
UNREAD_SECONDS = 60  # the most a count can lag when a page read it while a change committed


def unread_count(user):
    """How many of ``user``'s notifications are unread (the header's badge)."""
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = user.notifications.filter(read_at__isnull=True).count()
        if not transaction.get_connection().in_atomic_block:  # else it may count uncommitted rows
            cache.set(key, count, UNREAD_SECONDS)
    return count


def _unread_key(user_id):
    return f"thidua:unread:{user_id}"


def _forget_unread(user_ids):
    keys = [_unread_key(pk) for pk in user_ids]
    cache.delete_many(keys)
    # again after commit: a page counting meanwhile would have stored the count before the change
    transaction.on_commit(lambda: cache.delete_many(keys))


def send_notification_email(title, body, url, emails):
    link = f"\n\n{settings.THIDUA_SITE_URL.rstrip('/')}{url}" if url else ""
    for address in emails:
        send_mail(title, f"{body}{link}", settings.DEFAULT_FROM_EMAIL, [address],
                  fail_silently=False)
