#!/usr/bin/env python
"""The public portal at scale: are the home and article pages fast from the cache, and is the
honour-roll search fast uncached, with 100,000 articles and 5,000,000 awards?

What it builds (``--scale 1``; ``--scale 0.1`` keeps the articles and shrinks the awards tenfold)
  * The VCA and its 34 provincial alliances with ``--coops`` cooperatives each (treebeard paths
    computed here), one portal site per alliance and one for the VCA.
  * 100,000 published articles spread over the sites (the VCA's holds a fifth), with summaries
    and a body of a few paragraphs.
  * ``5,000,000 × scale`` awards of the catalogue's types to the cooperatives, years 1995–2025,
    and their honour-roll entries (``portal.HonourEntry``: the projection the roll reads), whose
    recipient names follow the Vietnamese name distribution of ``bench/vn_data.py``; individual
    names sit on collective award rows here, because only the projection is read.
  * Rows go in with PostgreSQL ``COPY`` (``org_scale.insert``), then ``VACUUM ANALYZE``.

What it measures (wall-clock in this process through Django's test ``Client``: middleware, visit
counting, queries, template), p50/p95/max in milliseconds
  * home, cached: the VCA and a province home page, anonymous, after a first request filled the
    page cache (target p95 < 20 ms);
  * articles, cached: ``--pages`` random articles requested twice, the second request timed
    (target p95 < 20 ms); the first, uncached request is reported too;
  * honour-roll search, uncached: ``--searches`` unaccented name searches ("nguyen van", "tran
    thi hoa"…) on the VCA roll and on a province roll (reported apart: the public roll has no
    user, so the national and the province roll stand for the national admin and the province
    officer), with year/type filters on some, each with a query string never seen before
    (target p95 < 100 ms).

The database is the script's own (dropped and re-created; its name must contain "bench"):

    .venv/bin/python bench/portal.py --scale 1            # full: 5,000,000 awards
    .venv/bin/python bench/portal.py --scale 0.1 --keep   # 500,000 awards
    .venv/bin/python bench/portal.py --reuse               # measure again
"""
import argparse
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta, timezone as dt_timezone
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

import org_scale  # bench/ is sys.path[0] when run as a script
import vn_data

FULL_AWARDS = 5_000_000
ARTICLES = 100_000
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thidua_bench_portal"
TARGETS_MS = {"cached": 20, "search": 100}
CHUNK = 100_000
SEARCHES = ["nguyen van", "tran thi hoa", "le van nam", "pham thi", "hoang minh", "nguyen thi lan",
            "vu duc", "dang van hung", "bui thi", "do van", "ho thi mai", "ngo quang", "htx",
            "nguyen van an", "tran van", "le thi huong", "phan van", "vo thi", "duong van",
            "huynh thi"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="of 5,000,000 awards")
    parser.add_argument("--coops", type=int, default=100, help="cooperatives per province")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--keep", action="store_true", help="leave the database for --reuse")
    parser.add_argument("--reuse", action="store_true", help="measure an already loaded database")
    parser.add_argument("--pages", type=int, default=100, help="articles requested")
    parser.add_argument("--searches", type=int, default=200, help="honour-roll searches")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    args.sqlite = None
    return args


def weighted(rng, names):
    return rng.choices([n for n, _ in names], weights=[w for _, w in names])[0]


def person_name(rng):
    family = weighted(rng, vn_data.FAMILY_NAMES)
    if rng.random() < 0.5:
        return f"{family} {weighted(rng, vn_data.zipf(vn_data.MALE_MIDDLE_NAMES))} " \
               f"{weighted(rng, vn_data.zipf(vn_data.MALE_GIVEN_NAMES))}"
    return f"{family} {weighted(rng, vn_data.zipf(vn_data.FEMALE_MIDDLE_NAMES))} " \
           f"{weighted(rng, vn_data.zipf(vn_data.FEMALE_GIVEN_NAMES))}"


def build_network(coops):
    """VCA → 34 provincial alliances → ``coops`` cooperatives each, through the app's own save
    for the alliances (few) and COPY for the cooperatives."""
    from django.db import transaction

    from thidua.core.text import sort_key
    from thidua.organizations.geography import province_choices
    from thidua.organizations.models import Organization, OrganizationKind
    from thidua.portal.models import Site

    with transaction.atomic():
        vca = Organization.add_root(kind=OrganizationKind.NATIONAL_ALLIANCE, code="VCA",
                                    name="Liên minh Hợp tác xã Việt Nam")
        Site.objects.create(organization=vca, slug="vca", name="Cổng Liên minh HTX Việt Nam")
        provinces = []
        for code, name in province_choices():
            alliance = vca.add_child(kind=OrganizationKind.PROVINCIAL_ALLIANCE, code=f"P{code:02d}",
                                     name=f"Liên minh HTX {name}", province_code=code,
                                     province_name=name)
            Site.objects.create(organization=alliance, slug=f"p{code:02d}", name=alliance.name)
            provinces.append(alliance)
        rows = []
        next_id = Organization.objects.order_by("-pk").values_list("pk", flat=True).first() + 1
        for alliance in provinces:
            for number in range(1, coops + 1):
                name = f"Hợp tác xã số {number} {alliance.province_name}"
                rows.append((next_id, OrganizationKind.COOPERATIVE,
                             f"{alliance.code}-HTX{number:04d}", name,
                             alliance.path + org_scale.encode_step(number), 3, 0,
                             alliance.province_code, alliance.province_name,
                             f"hop tac xa so {number}", sort_key(name)))
                next_id += 1
            Organization.objects.filter(pk=alliance.pk).update(numchild=coops)
        org_scale.insert(Organization, ["id", "kind", "code", "name", "path", "depth", "numchild",
                                        "province_code", "province_name", "search_text",
                                        "sort_key"], rows)
    return provinces, rows


def load_articles(rng):
    from django.db import transaction

    from thidua.core.text import normalize
    from thidua.portal.models import Article, Site

    sites = list(Site.objects.order_by("pk").values_list("pk", flat=True))
    now = datetime.now(dt_timezone.utc)
    body = "".join(f"<p>Đoạn {n}: phong trào thi đua yêu nước trong hợp tác xã.</p>"
                   for n in range(6))
    rows = []
    for number in range(1, ARTICLES + 1):
        site = sites[0] if rng.random() < 0.2 else rng.choice(sites[1:])
        title = f"Tin thi đua số {number}: hợp tác xã điển hình tiên tiến"
        summary = "Tóm tắt tin về phong trào thi đua và khen thưởng."
        rows.append((number, site, "NEWS" if number % 4 else "ANNOUNCEMENT", title, summary, body,
                     "PUBLISHED", now - timedelta(minutes=number * 7), rng.randint(0, 5000),
                     normalize(f"{title} {summary}"), now))
    with transaction.atomic():
        org_scale.insert(Article, ["id", "site_id", "kind", "title", "summary", "body", "status",
                                   "publish_at", "view_count", "search_text", "updated_at"], rows)


def load_awards(rng, scale, coop_rows):
    from django.db import connection, transaction

    from thidua.awards.models import Award, AwardType
    from thidua.core.text import normalize
    from thidua.portal.models import HonourEntry

    types = list(AwardType.objects.values_list("pk", flat=True))
    total = max(1, round(FULL_AWARDS * scale))
    started = time.perf_counter()
    for first in range(1, total + 1, CHUNK):
        awards, entries = [], []
        for pk in range(first, min(first + CHUNK, total + 1)):
            unit = rng.choice(coop_rows)
            year = rng.randint(1995, 2025)
            kind = rng.choice(types)
            collective = rng.random() < 0.25
            name = unit[3] if collective else person_name(rng)
            number = f"{rng.randint(1, 999)}/QĐ-LMHTX"
            day = date(year, 12, rng.randint(1, 28))
            awards.append((pk, unit[0], year, kind, number, day, "Liên minh HTX", "ACTIVE",
                           "IMPORTED"))
            entries.append((pk, pk, unit[4], unit[4][:8], unit[3], unit[7], unit[8], name,
                            collective, kind, year, number, day, "Liên minh HTX",
                            normalize(f"{name} {unit[3]}")))
        with transaction.atomic():
            org_scale.insert(Award, ["id", "organization_id", "year", "award_type_id",
                                     "decision_number", "decision_date", "issuer_name", "status",
                                     "source"], awards)
            org_scale.insert(HonourEntry, ["id", "award_id", "unit_path", "alliance_path",
                                           "unit_name",
                                           "province_code", "province_name", "recipient_name",
                                           "is_collective", "award_type_id", "year",
                                           "decision_number", "decision_date", "issuer_name",
                                           "search_text"], entries)
        print(f"  … {min(first + CHUNK - 1, total):,} / {total:,} awards "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    with connection.cursor() as cursor:
        for table in ("portal_article", "awards_award", "portal_honourentry",
                      "organizations_organization"):
            cursor.execute(f"VACUUM (ANALYZE) {table}")
        for table in ("portal_article", "awards_award", "portal_honourentry"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"(SELECT max(id) FROM {table}))")


def timed(client, url):
    started = time.perf_counter()
    response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0 (bench) Chrome/126")
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def summary(name, samples, target=None):
    samples = sorted(samples)
    p95 = samples[max(0, round(len(samples) * 0.95) - 1)]
    verdict = "" if target is None else (" ✓" if p95 < target else f" ✗ (target {target} ms)")
    print(f"| {name} | {len(samples)} | {statistics.median(samples):.1f} | {p95:.1f} | "
          f"{samples[-1]:.1f} |{verdict}")


def measure(args, rng):
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    from thidua.awards.models import AwardType
    from thidua.portal.models import Article

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    print("| page | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
    homes = []
    for slug in ("vca", "p01", "p46"):
        timed(client, f"/p/{slug}/")
        homes += [timed(client, f"/p/{slug}/") for _ in range(30)]
    summary("home, cached", homes, TARGETS_MS["cached"])

    articles = list(Article.objects.order_by("?").values_list("site__slug", "pk")[:args.pages])
    first, second = [], []
    for slug, pk in articles:
        first.append(timed(client, f"/p/{slug}/tin-tuc/{pk}/"))
        second.append(timed(client, f"/p/{slug}/tin-tuc/{pk}/"))
    summary("article, first request (uncached)", first)
    summary("article, cached", second, TARGETS_MS["cached"])

    types = list(AwardType.objects.values_list("pk", flat=True))
    searches = {"national (VCA) roll": [], "province roll": []}
    settings.THIDUA_PORTAL_PAGE_SECONDS = 0  # never served from the page cache
    for number in range(args.searches):
        slug = "vca" if number % 2 else rng.choice(["p01", "p46", "p79"])
        query = f"q={SEARCHES[number % len(SEARCHES)].replace(' ', '+')}"
        if number % 3 == 0:
            query += f"&nam={rng.randint(2000, 2025)}"
        if number % 5 == 0:
            query += f"&loai={rng.choice(types)}"
        cache.delete_many([f"portal:counters:{s}" for s in range(1, 40)])
        roll = "national (VCA) roll" if slug == "vca" else "province roll"
        searches[roll].append(timed(client, f"/p/{slug}/bang-vang/?{query}&n={number}"))
    for roll, samples in searches.items():
        summary(f"honour roll search, uncached, {roll}", samples, TARGETS_MS["search"])
    plain = [timed(client, f"/p/vca/bang-vang/?trang={page}") for page in range(1, 21)]
    summary("honour roll, no filter, pages 1–20, uncached", plain, TARGETS_MS["search"])


def main(argv=None):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    url, cleanup = org_scale.prepare_database(args)
    from thidua.portal.models import HonourEntry

    if not (args.reuse and HonourEntry.objects.exists()):
        started = time.perf_counter()
        _provinces, coop_rows = build_network(args.coops)
        load_articles(rng)
        load_awards(rng, args.scale, coop_rows)
        print(f"Loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(f"\nDatabase {url}; {HonourEntry.objects.count():,} honour-roll entries\n")
    measure(args, rng)
    cleanup()
    if not args.keep:
        drop(url)


def drop(url):
    import psycopg
    from django.db import connections

    connections.close_all()
    name = org_scale.urlsplit(url).path.lstrip("/")
    with psycopg.connect(org_scale.with_dbname(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
