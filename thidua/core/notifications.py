"""Notify people: an inbox row for each recipient and, after the transaction commits, an email.

Call ``notify`` inside the state change's transaction; nothing is sent if it rolls back.
"""
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification, format_title
from .tasks import run_task
from .user_cache import forget, remembered


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
    forget(user.pk for user in recipients)
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
    forget([user.pk])
    return marked


def unread_count(user):
    """How many of ``user``'s notifications are unread (the header's badge, on every page: kept
    in the cache until it changes, ``user_cache``)."""
    return remembered(user, "unread",
                      lambda: user.notifications.filter(read_at__isnull=True).count())


def send_notification_email(title, body, url, emails):
    link = f"\n\n{settings.THIDUA_SITE_URL.rstrip('/')}{url}" if url else ""
    for address in emails:
        send_mail(title, f"{body}{link}", settings.DEFAULT_FROM_EMAIL, [address],
                  fail_silently=False)
