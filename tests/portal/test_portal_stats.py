"""Visitor counting: bots excluded, one visit per visitor per day, days in Asia/Ho_Chi_Minh,
aggregates per period, online now, and the counter block served from the cache."""
from datetime import UTC, date, datetime, timedelta

import pytest

from thidua.portal import stats
from thidua.portal.models import VisitDay

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def visits(site):
    return dict(VisitDay.objects.filter(site=site).values_list("day", "visits"))


def test_bots_are_not_counted(sites):
    for agent in ["Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5", "",
                  "python-requests/2.32", "Mozilla/5.0 (compatible; bingbot/2.0)"]:
        assert not stats.record_visit(sites.hue, "1.2.3.4", agent)
    assert not VisitDay.objects.exists()


def test_a_visitor_counts_once_a_day(sites):
    now = utc(2026, 3, 10, 3, 0)
    assert stats.record_visit(sites.hue, "1.2.3.4", BROWSER, now=now)
    assert not stats.record_visit(sites.hue, "1.2.3.4", BROWSER, now=now + timedelta(hours=2))
    assert stats.record_visit(sites.hue, "5.6.7.8", BROWSER, now=now)
    assert stats.record_visit(sites.vca, "1.2.3.4", BROWSER, now=now)  # another site
    assert visits(sites.hue) == {date(2026, 3, 10): 2}


def test_days_turn_at_midnight_in_vietnam_not_utc(sites):
    before = utc(2026, 3, 10, 16, 59, 59)  # 23:59:59 in Hà Nội
    after = utc(2026, 3, 10, 17, 0, 0)  # 00:00 on the 11th in Hà Nội, still the 10th in UTC
    assert stats.record_visit(sites.hue, "1.2.3.4", BROWSER, now=before)
    assert stats.record_visit(sites.hue, "1.2.3.4", BROWSER, now=after)
    assert visits(sites.hue) == {date(2026, 3, 10): 1, date(2026, 3, 11): 1}


def test_counters_sum_each_period(sites):
    today = date(2026, 3, 11)  # a Wednesday
    rows = {date(2026, 3, 11): 5, date(2026, 3, 10): 7, date(2026, 3, 9): 11,
            date(2026, 3, 8): 13, date(2026, 3, 2): 17, date(2026, 2, 28): 19,
            date(2026, 1, 31): 23}
    VisitDay.objects.bulk_create(VisitDay(site=sites.hue, day=d, visits=v) for d, v in rows.items())
    VisitDay.objects.create(site=sites.vca, day=today, visits=1000)
    figures = stats.compute_counters(sites.hue.pk, today)
    assert figures == {"total": 95, "today": 5, "yesterday": 7, "this_week": 23,
                       "last_week": 30, "this_month": 53, "last_month": 19}


def test_online_now_counts_distinct_visitors_of_the_last_five_minutes(sites):
    now = utc(2026, 3, 10, 3, 0)
    stats.record_visit(sites.hue, "1.1.1.1", BROWSER, now=now - timedelta(minutes=7))
    stats.record_visit(sites.hue, "2.2.2.2", BROWSER, now=now - timedelta(minutes=3))
    stats.record_visit(sites.hue, "3.3.3.3", BROWSER, now=now)
    stats.record_visit(sites.hue, "3.3.3.3", BROWSER, now=now)
    assert stats.online_now(sites.hue.pk, now) == 2


def test_counter_block_comes_from_the_cache(sites, django_assert_num_queries):
    stats.counters(sites.hue)
    with django_assert_num_queries(0):
        stats.counters(sites.hue)


def test_pages_count_the_visit_and_show_the_counter(client, sites):
    client.get("/p/hue/", HTTP_USER_AGENT=BROWSER)
    client.get("/p/hue/tin-tuc/", HTTP_USER_AGENT=BROWSER)
    client.get("/p/hue/", HTTP_USER_AGENT="Googlebot/2.1")
    assert sum(visits(sites.hue).values()) == 1
    page = client.get("/p/hue/thong-ke/", HTTP_USER_AGENT=BROWSER).content.decode()
    assert 'data-testid="visit-counter"' in page
