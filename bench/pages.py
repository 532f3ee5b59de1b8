#!/usr/bin/env python
"""Python cost of the busiest pages, measured so that it survives a loaded machine.

Wall-clock throughput (wrk) on two shared cores moves with everyone else's tests. This script
measures what the page itself costs instead, in this process, through Django's test ``Client``
(middleware, session, queries, template):

  * CPU ms: ``time.process_time()`` around each request (this process only; other processes'
    load changes it far less than wall time, and the least of them least), least and median of
    ``--renders`` requests after three warm-up requests;
  * calls: the number of Python function calls of one request (``cProfile``), which does not
    depend on the load at all;
  * queries: the number of SQL queries of one request;
  * % trivial: the trivial view's least CPU ms divided by the page's. It leaves out what a WSGI
    server adds to every request alike (gunicorn's parsing, the socket), so it is lower than the
    wrk throughput ratio issue 21 targets (≥ 35 %); it shows where the page stands, not the target.

Pages: the people list, the organisation list and the tờ trình list (hồ sơ khen thưởng) of a
province EC officer and of the national admin, the home page "Việc của tôi" of the province
officer, the portal home (anonymous; rendered, and served from the page cache), and the trivial
view of ``bench/load/bench_urls.py`` for reference.

The data is the national network of ``bench/org_scale.py`` and the tờ trình, registrations and
report rounds of ``bench/home.py``, loaded by their own functions at ``--scale``, plus a portal
site for the VCA with articles and honour-roll entries. ``--profile NAME`` prints a pyinstrument
profile of that page (one of the names of the table, e.g. ``people-officer``) instead.

    .venv/bin/python bench/pages.py --scale 0.01 --sqlite /tmp/pages.sqlite3 --keep
    .venv/bin/python bench/pages.py --sqlite /tmp/pages.sqlite3 --reuse --keep
    .venv/bin/python bench/pages.py --sqlite /tmp/pages.sqlite3 --reuse --keep --profile people-officer
"""
import cProfile
import os
import pstats
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
# BENCH_APP_DIR=/path/to/another/checkout measures that checkout's app with this script (before/after).
sys.path.insert(0, os.environ.get("BENCH_APP_DIR", str(BENCH_DIR.parent)))
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(BENCH_DIR / "load"))  # bench_urls: the project's URLs + /bench/trivial/

import home  # bench/ is on sys.path
import org_scale

sys.path.insert(0, os.environ.get("BENCH_APP_DIR", str(BENCH_DIR.parent)))  # they put theirs first

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thidua_bench_pages"
ARTICLES = 300
HONOURS = 2_000


def parse_args(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    profile = None
    if "--profile" in argv:
        at = argv.index("--profile")
        profile = argv[at + 1]
        del argv[at:at + 2]
    if not any(a.startswith("--database-url") for a in argv):
        argv += ["--database-url", DEFAULT_URL]
    args = org_scale.parse_args(argv)
    args.profile = profile
    return args


def load_portal(rng):
    """A portal site for the VCA, published articles and honour-roll entries of its units."""
    from datetime import date, timedelta

    from django.db import transaction
    from django.utils import timezone

    from thidua.awards.models import Award, AwardType
    from thidua.core.text import normalize
    from thidua.organizations.models import Organization
    from thidua.portal.models import Article, HonourEntry, Site
    from reports import finish, next_id

    vca = Organization.objects.get(code="VCA")
    units = list(Organization.objects.filter(depth=3).values_list("pk", "path", "name",
                                                                  "province_code",
                                                                  "province_name")[:500])
    types = list(AwardType.objects.values_list("pk", flat=True))
    now = timezone.now()
    with transaction.atomic():
        site = Site.objects.create(organization=vca, slug="vca", name="Cổng Liên minh HTX Việt Nam")
        first = next_id(Article)
        org_scale.insert(Article, ["id", "site_id", "kind", "title", "summary", "body", "status",
                                   "publish_at", "is_featured", "search_text", "updated_at"],
                         ((pk, site.pk, "NEWS" if pk % 4 else "ANNOUNCEMENT",
                           f"Tin thi đua số {pk}", "Tóm tắt tin về phong trào thi đua.",
                           "<p>Phong trào thi đua yêu nước trong hợp tác xã.</p>", "PUBLISHED",
                           now - timedelta(minutes=pk * 7), pk % 25 == 0,
                           normalize(f"Tin thi đua số {pk}"), now)
                          for pk in range(first, first + ARTICLES)))
        awards, entries = [], []
        first = next_id(Award)
        for pk in range(first, first + HONOURS):
            unit = rng.choice(units)
            year, kind = rng.randint(2015, 2025), rng.choice(types)
            day = date(year, 12, rng.randint(1, 28))
            awards.append((pk, unit[0], year, kind, f"{pk}/QĐ-LMHTX", day, "Liên minh HTX",
                           "ACTIVE", "IMPORTED"))
            entries.append((pk, pk, unit[1], unit[1][:8], unit[2], unit[3], unit[4], unit[2], True,
                            kind, year, f"{pk}/QĐ-LMHTX", day, "Liên minh HTX",
                            normalize(unit[2])))
        org_scale.insert(Award, ["id", "organization_id", "year", "award_type_id",
                                 "decision_number", "decision_date", "issuer_name", "status",
                                 "source"], awards)
        org_scale.insert(HonourEntry, ["id", "award_id", "unit_path", "alliance_path", "unit_name",
                                       "province_code", "province_name", "recipient_name",
                                       "is_collective", "award_type_id", "year", "decision_number",
                                       "decision_date", "issuer_name", "search_text"], entries)
    finish([Article, Award, HonourEntry])


def pages(users):
    officer, admin = users["province EC officer"], users["national admin"]
    return [
        ("trivial", None, "/bench/trivial/", {}),
        ("people-officer", officer, "/ca-nhan/", {}),
        ("people-admin", admin, "/ca-nhan/", {}),
        ("orgs-officer", officer, "/don-vi/", {}),
        ("orgs-admin", admin, "/don-vi/", {}),
        ("batches-officer", officer, "/ho-so/", {}),
        ("batches-admin", admin, "/ho-so/", {}),
        ("home-officer", officer, "/", {}),
        ("portal-rendered", None, "/p/vca/", {"THIDUA_PORTAL_PAGE_SECONDS": 0}),
        ("portal-cached", None, "/p/vca/", {}),
    ]


def client_for(user):
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def measure(client, url, renders):
    """(least CPU ms, median CPU ms, median wall ms, calls, queries) of ``url``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    cpu, wall = [], []
    for _ in range(renders):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        client.get(url)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started_wall) * 1000)
    profiler = cProfile.Profile()
    profiler.runcall(client.get, url)
    calls = pstats.Stats(profiler).total_calls
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return (min(cpu), statistics.median(cpu), statistics.median(wall),
            calls, len(captured))


def profile_page(client, url, renders):
    for _ in range(3):
        client.get(url)
    if os.environ.get("CPROFILE"):  # flat: the functions by own time, and by time inside
        profiler = cProfile.Profile()
        for _ in range(renders):
            profiler.runcall(client.get, url)
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(40)
        stats.sort_stats("cumulative").print_stats(120)
        if os.environ.get("CPROFILE_CALLERS"):  # who calls a function, e.g. CPROFILE_CALLERS=gettext
            stats.print_callers(os.environ["CPROFILE_CALLERS"])
        return
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(renders):
        client.get(url)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=bool(os.environ.get("PROFILE_ALL"))))


def commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"],
                              cwd=os.environ.get("BENCH_APP_DIR", BENCH_DIR),
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main(argv=None):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    with org_scale.benchmark_database(args) as url:
        from django.test.utils import override_settings
        from django.utils import timezone

        from thidua.nominations.models import NominationBatch
        from thidua.portal.models import Site

        org_scale.network_loaded(args, rng, url)
        users = org_scale.bench_users()
        if not NominationBatch.objects.exists():
            home.load_work(args.scale, rng, users["national admin"], timezone.localdate())
        if not Site.objects.filter(slug="vca").exists():
            load_portal(rng)
        lines = []
        with override_settings(ROOT_URLCONF="bench_urls"):
            base = None
            for name, user, url_path, overrides in pages(users):
                if args.profile and name != args.profile:
                    continue
                with override_settings(**overrides):
                    client = client_for(user)
                    if args.profile:
                        profile_page(client, url_path, args.renders)
                        return
                    least, cpu, wall, calls, queries = measure(client, url_path, args.renders)
                base = base or least
                lines.append(f"| {name} | `{url_path}` | {least:.2f} | {cpu:.2f} | {wall:.1f} | "
                             f"{calls:,} | {queries} | {100 * base / least:.0f} % |")
        organisations, people, _employments, _ended = org_scale.counts()
        print(f"{org_scale.environment(url)}. {organisations:,} organisations, {people:,} people, "
              f"{NominationBatch.objects.count():,} tờ trình; commit {commit()}; "
              f"{args.renders} renders a page.\n\n"
              "| Page | URL | CPU ms min | CPU ms p50 | wall ms p50 | calls | queries | "
              "% trivial |\n|---|---|---:|---:|---:|---:|---:|---:|\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
