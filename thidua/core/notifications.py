"""Notify people: an inbox row for each recipient and, after the transaction commits, an email.

Call ``notify`` inside the state change's transaction; nothing is sent if it rolls back.
"""
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from .models import Notification
from .tasks import run_task


def notify(recipients, title, body="", url=""):
    """Create an inbox item for every user in ``recipients`` and email those with an address."""
    recipients = [user for user in {u.pk: u for u in recipients}.values() if user.is_active]
    Notification.objects.bulk_create(
        Notification(recipient=user, title=title, body=body, url=url) for user in recipients
    )
    emails = [user.email for user in recipients if user.email]
    if emails:
        transaction.on_commit(lambda: run_task(send_notification_email, title, body, url, emails))
    return len(recipients)


def send_notification_email(title, body, url, emails):
    link = f"\n\n{settings.THIDUA_SITE_URL.rstrip('/')}{url}" if url else ""
    for address in emails:
        send_mail(title, f"{body}{link}", settings.DEFAULT_FROM_EMAIL, [address],
                  fail_silently=False)
