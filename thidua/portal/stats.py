"""Visitor statistics counted on the server: no cookies, no third-party tracker, no raw log.

A visitor is a keyed digest of address and browser for one local day; the first request of the
day adds one to the site's ``VisitDay`` row (one UPDATE, or an INSERT on the day's first visit),
later ones only touch the cache. "Online now" is a set of visitor digests in one-minute cache
buckets, the last five of them counted. The counter block comes from the cache, refreshed at
most once a minute with one aggregate query.
"""
import re
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import VisitDay

BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|monitor|preview|scan|curl|wget|python-|httpclient|"
    r"java/|go-http|facebookexternalhit|lighthouse|pingdom", re.IGNORECASE)
ONLINE_MINUTES = 5
COUNTER_SECONDS = 60
DAY_SECONDS = 24 * 3600


def is_bot(user_agent):
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def visitor_digest(remote_addr, user_agent, day):
    key = f"{remote_addr}|{user_agent}|{day}"
    return salted_hmac("thidua.portal.visitor", key).hexdigest()[:20]


def record_visit(site, remote_addr, user_agent, now=None):
    """Count one page view of ``site``; returns True when it was the visitor's first of the day."""
    if is_bot(user_agent):
        return False
    now = now or timezone.now()
    day = timezone.localdate(now)
    visitor = visitor_digest(remote_addr, user_agent, day)
    _mark_online(site.pk, visitor, now)
    if not cache.add(f"portal:seen:{site.pk}:{day:%Y%m%d}:{visitor}", 1, timeout=DAY_SECONDS):
        return False
    if not VisitDay.objects.filter(site=site, day=day).update(visits=F("visits") + 1):
        try:
            with transaction.atomic():
                VisitDay.objects.create(site=site, day=day, visits=1)
        except IntegrityError:  # another request created the day's row first
            VisitDay.objects.filter(site=site, day=day).update(visits=F("visits") + 1)
    return True


def _minute(now):
    return int(now.timestamp()) // 60


def _mark_online(site_id, visitor, now):
    key = f"portal:online:{site_id}:{_minute(now)}"
    seen = cache.get(key) or set()
    if visitor not in seen:
        seen.add(visitor)
        cache.set(key, seen, timeout=ONLINE_MINUTES * 60 + 60)


def online_now(site_id, now=None):
    minute = _minute(now or timezone.now())
    buckets = cache.get_many([f"portal:online:{site_id}:{m}"
                              for m in range(minute - ONLINE_MINUTES + 1, minute + 1)])
    return len(set().union(*buckets.values())) if buckets else 0


def periods(today):
    """The first and last day of each period the counter shows, weeks starting on Monday."""
    week = today - timedelta(days=today.weekday())
    month = today.replace(day=1)
    last_month = (month - timedelta(days=1)).replace(day=1)
    return {
        "today": (today, today),
        "yesterday": (today - timedelta(days=1), today - timedelta(days=1)),
        "this_week": (week, today),
        "last_week": (week - timedelta(days=7), week - timedelta(days=1)),
        "this_month": (month, today),
        "last_month": (last_month, month - timedelta(days=1)),
    }


def compute_counters(site_id, today):
    """Every period's total and the grand total in one aggregate query."""
    aggregates = {name: Sum("visits", filter=Q(day__range=span), default=0)
                  for name, span in periods(today).items()}
    return VisitDay.objects.filter(site_id=site_id).aggregate(
        total=Sum("visits", default=0), **aggregates)


def counters(site, now=None):
    """The counter block: cached per site and minute; online now is read live from the cache."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    key = f"portal:counters:{site.pk}:{today:%Y%m%d}"
    figures = cache.get(key)
    if figures is None:
        figures = compute_counters(site.pk, today)
        cache.set(key, figures, timeout=COUNTER_SECONDS)
    return {**figures, "online": online_now(site.pk, now),
            "this_month_label": today, "last_month_label": periods(today)["last_month"][0]}


def by_month(site, months=12):
    today = timezone.localdate()
    start = (today.replace(day=1) - timedelta(days=31 * (months - 1))).replace(day=1)
    return list(VisitDay.objects.filter(site=site, day__gte=start)
                .annotate(month=TruncMonth("day")).values("month")
                .annotate(visits=Sum("visits")).order_by("month"))
