#!/usr/bin/env python
"""Eligibility at national scale: "who qualifies" for every person, one person, and the raw read.

What it builds (on top of ``bench/org_scale.py``'s network: 110,000 units, 2,000,000 people at
``--scale 1``): a 10-year history for every person — a rating per year 2016–2025 (HTXS 25 %,
HTT 55 %, HT 15 %, KHT 5 %), the LĐTT and CSTĐCS titles those ratings earned before the proposal
year (most of them), a BASE/PROVINCIAL initiative for ~4 % and a discipline for ~1 %. Rows go in
with ``COPY`` on PostgreSQL.

What it measures, side by side in the same run (proposal year 2025, as_of 15/12/2025):
  * read: the same rows the history builder reads (ratings, titles, initiatives, disciplines,
    holds of every person), streamed with one SQL query (UNION ALL, server-side cursor) — the
    floor any recompute has to pay;
  * recompute: for every person, the history built from the database
    (``awards.histories.individuals_between``: one UNION ALL query per 5,000 ids, tuples) and
    judged by one ``eligibility.Evaluator`` per worker (people whose recent histories agree share
    one evaluation), in ``--workers`` processes over id ranges; wall time, plus wall and CPU
    seconds of the builder and of the engine (the engine's own time should not exceed the read),
    and how many histories were judged rather than shared;
  * one person: ``person_subjects([pk])`` + ``evaluate`` for ``--singles`` random people,
    p50/p95 in ms (target < 5 ms), and the engine alone;
  * the stored verdicts (``awards.verdicts``, issue 21 item 3): the full pass writing the store
    (``StoredVerdict``) in ``--workers`` processes over the same ranges — once into an empty
    store (every row inserted; the store emptied and vacuumed first), once more over it (only
    changed rows rewritten: the nightly check) — with build / engine / write seconds (target
    < 60 s wall, engine ≤ read); then a day's changes: ``--changes`` awards (LĐTT of the
    proposal year, distinct random people) inserted and committed, and those people
    re-evaluated with ``refresh_people`` as the follow-up does (target < 5 s for 10,000); the
    awards are deleted afterwards.

    .venv/bin/python bench/eligibility.py --scale 0.05 --keep
    .venv/bin/python bench/eligibility.py --scale 1 --keep \
        --database-url postgres://postgres@127.0.0.1:5432/thidua_bench_elig   # the full run
    .venv/bin/python bench/eligibility.py --reuse --keep   # measure again on the kept database
    .venv/bin/python bench/eligibility.py --reuse --keep --only-store   # the stored verdicts only

The database name must contain "bench"; it is dropped and re-created unless ``--reuse``.
"""
import argparse
import multiprocessing
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.insert(0, str(BENCH_DIR))

import org_scale  # bench/ is on sys.path

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thidua_bench_elig"
YEAR, FIRST_YEAR = 2025, 2016
AS_OF = date(YEAR, 12, 15)
RATINGS = (("EXCELLENT", 0.25), ("GOOD", 0.55), ("COMPLETED", 0.15), ("NOT_COMPLETED", 0.05))
CHUNK = 5000  # people per history query in the recompute
TARGETS = {"recompute_s": 60, "one_ms": 5, "day_s": 5}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of the national network (default 1: 2,000,000 people)")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--keep", action="store_true", help="leave the database for --reuse")
    parser.add_argument("--reuse", action="store_true", help="measure an already loaded database")
    parser.add_argument("--workers", type=int, default=2, help="processes for the recompute")
    parser.add_argument("--singles", type=int, default=300, help="one-person samples")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--changes", type=int, default=10_000,
                        help="awards in the day of changes re-evaluated incrementally")
    parser.add_argument("--only-store", action="store_true",
                        help="measure the stored verdicts only (and the read, for comparison)")
    args = parser.parse_args(argv)
    args.sqlite, args.proposed = None, ""  # what org_scale.prepare_database reads
    return args


# --------------------------------------------------------------------------- histories

def history_rows(person_ids, rng, type_ids):
    """Ratings, awards, initiatives (+ authors) and disciplines of ``person_ids``."""
    ratings, awards, initiatives, authors, disciplines = [], [], [], [], []
    labels, weights = zip(*RATINGS, strict=True)
    for person_id in person_ids:
        for year in range(FIRST_YEAR, YEAR + 1):
            rating = rng.choices(labels, weights)[0]
            ratings.append((person_id, year, rating))
            if year < YEAR and rating in ("EXCELLENT", "GOOD") and rng.random() < 0.9:
                awards.append((person_id, year, type_ids["LDTT"]))
                if rating == "EXCELLENT" and rng.random() < 0.6:
                    awards.append((person_id, year, type_ids["CSTDCS"]))
        if rng.random() < 0.04:
            initiatives.append((rng.randint(YEAR - 3, YEAR), rng.choice((1, 1, 1, 2))))
            authors.append(person_id)
        if rng.random() < 0.01:
            disciplines.append((person_id, rng.randint(FIRST_YEAR, YEAR), rng.randint(1, 2)))
    return ratings, awards, list(zip(authors, initiatives, strict=True)), disciplines


def load_histories(rng):
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from thidua.awards.models import AnnualRating, Award, AwardType, Discipline
    from thidua.records.models import Initiative
    from thidua.organizations.models import Organization, Person

    type_ids = dict(AwardType.objects.values_list("code", "pk"))
    unit = Organization.objects.order_by("pk").values_list("pk", flat=True).first()
    people = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    def last_id(model):  # the network may already hold rows (e.g. bench/reports.py's awards)
        return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    ids = {"rating": last_id(AnnualRating), "award": last_id(Award),
           "initiative": max(last_id(Initiative), last_id(Initiative.authors.through)),
           "discipline": last_id(Discipline)}
    started = time.perf_counter()
    for start in range(0, len(people), 50_000):
        ratings, awards, authored, disciplines = history_rows(
            people[start:start + 50_000], rng, type_ids)
        with transaction.atomic():
            org_scale.insert(AnnualRating, ["id", "person_id", "year", "rating"], (
                (ids["rating"] + n, *row) for n, row in enumerate(ratings, 1)))
            org_scale.insert(Award, ["id", "person_id", "year", "award_type_id"], (
                (ids["award"] + n, *row) for n, row in enumerate(awards, 1)))
            org_scale.insert(Initiative, ["id", "title", "unit_id", "year", "scope"], (
                (ids["initiative"] + n, f"Sáng kiến {ids['initiative'] + n}", unit, year, scope)
                for n, (_author, (year, scope)) in enumerate(authored, 1)))
            org_scale.insert(Initiative.authors.through, ["id", "initiative_id", "person_id"], (
                (ids["initiative"] + n, ids["initiative"] + n, author)
                for n, (author, _item) in enumerate(authored, 1)))
            org_scale.insert(Discipline, ["id", "person_id", "year", "level"], (
                (ids["discipline"] + n, *row) for n, row in enumerate(disciplines, 1)))
        ids = {"rating": ids["rating"] + len(ratings), "award": ids["award"] + len(awards),
               "initiative": ids["initiative"] + len(authored),
               "discipline": ids["discipline"] + len(disciplines)}
        print(f"  … histories of {start + 50_000:,} / {len(people):,} people "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    models = [AnnualRating, Award, Initiative, Initiative.authors.through, Discipline]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
        for model in models:
            cursor.execute(f"VACUUM (ANALYZE) {model._meta.db_table}")
    return time.perf_counter() - started


# --------------------------------------------------------------------------- measurements

READ_SQL = """
SELECT person_id, year, rating, NULL FROM awards_annualrating
 WHERE person_id IS NOT NULL AND year >= %(first)s
UNION ALL
SELECT a.person_id, a.year, t.code, a.status FROM awards_award a
  JOIN awards_awardtype t ON t.id = a.award_type_id WHERE a.person_id IS NOT NULL
UNION ALL
SELECT ia.person_id, i.year, i.scope::text, i.used_for_id::text
  FROM records_initiative_authors ia JOIN records_initiative i ON i.id = ia.initiative_id
 WHERE i.year >= %(first)s
UNION ALL
SELECT person_id, year, level::text, NULL FROM awards_discipline WHERE year >= %(first)s
UNION ALL
SELECT person_id, NULL, reason, start_date::text FROM awards_hold
 WHERE person_id IS NOT NULL AND (end_date IS NULL OR end_date >= %(as_of)s)
"""


def measure_read():
    """Stream every history row with one query; returns (seconds, rows)."""
    from django.db import connection, transaction

    from thidua.awards.histories import HISTORY_YEARS

    started = time.perf_counter()
    rows = 0
    with transaction.atomic(), connection.chunked_cursor() as cursor:
        cursor.execute(READ_SQL, {"first": YEAR - HISTORY_YEARS, "as_of": AS_OF})
        while batch := cursor.fetchmany(10_000):
            rows += len(batch)
    return time.perf_counter() - started, rows


_JUDGE = None  # each worker's evaluator: histories judged once are shared across its ranges


def start_worker():
    global _JUDGE
    import gc

    import django

    django.setup()
    from thidua.awards.eligibility import evaluator

    gc.disable()  # no reference cycles here; collections only slow a bulk run
    _JUDGE = evaluator(AS_OF.isoformat(), YEAR)


def server_cpu():
    """CPU seconds used so far by this connection's PostgreSQL backend (a local server), else 0."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def recompute_range(bounds):
    """Worker: build and evaluate every person with lo <= pk < hi, one query per CHUNK ids.

    Returns people, eligible verdicts, subjects judged so far by this worker (the others shared
    a history), its pid, and wall / CPU seconds of the history builder and of the engine."""
    from thidua.awards.histories import individuals_between

    lo, hi = bounds
    build = engine = build_cpu = engine_cpu = 0.0
    people = eligible = 0
    server = server_cpu()
    for start in range(lo, hi, CHUNK):
        w0, c0 = time.perf_counter(), time.process_time()
        subjects = individuals_between(start, min(start + CHUNK, hi), YEAR, AS_OF)
        w1, c1 = time.perf_counter(), time.process_time()
        results = _JUDGE.results(subjects)
        w2, c2 = time.perf_counter(), time.process_time()
        build, build_cpu = build + w1 - w0, build_cpu + c1 - c0
        engine, engine_cpu = engine + w2 - w1, engine_cpu + c2 - c1
        people += len(subjects)
        eligible += sum(1 for verdict in results if verdict["eligible"])
    return (people, eligible, (os.getpid(), _JUDGE.judged), build, engine, build_cpu, engine_cpu,
            server_cpu() - server)


def measure_recompute(workers):
    from django.db import connections
    from django.db.models import Max, Min

    from thidua.organizations.models import Person

    bounds = Person.objects.aggregate(lo=Min("pk"), hi=Max("pk"))
    lo, hi = bounds["lo"], bounds["hi"] + 1
    step = max(CHUNK, (hi - lo) // (workers * 8) + 1)  # several ranges per worker: even finish
    ranges = [(start, min(start + step, hi)) for start in range(lo, hi, step)]
    connections.close_all()  # workers open their own
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers, initializer=start_worker) as pool:
        parts = pool.map(recompute_range, ranges, chunksize=1)
    wall = time.perf_counter() - started
    people, eligible, judged, build, engine, build_cpu, engine_cpu, server = zip(
        *parts, strict=True)
    return {"wall": wall, "people": sum(people), "verdicts_eligible": sum(eligible),
            "judged": sum(dict(judged).values()),  # the last count of each worker
            "build": sum(build), "engine": sum(engine), "build_cpu": sum(build_cpu),
            "engine_cpu": sum(engine_cpu), "server_cpu": sum(server)}


def store_range(bounds):
    """Worker: the full pass writing the store over lo <= pk < hi, one transaction per CHUNK
    ids, as ``verdicts.refresh_between`` does (into the empty store, without reading it back
    first), timed by part (the write includes reading the range's stored rows). Returns people, rows stored and
    wall / CPU seconds of the history builder, the engine (with the rows' codes) and the write."""
    from django.db import transaction

    from thidua.awards.histories import individuals_between
    from thidua.awards.verdicts import changed_rows, rows_of, store_rows, stored_between

    lo, hi, stamp, only_changed = bounds
    times = [0.0] * 6  # build, engine, write: wall then CPU
    people = 0
    for start in range(lo, hi, CHUNK):
        marks = [(time.perf_counter(), time.process_time())]
        with transaction.atomic():
            subjects = individuals_between(start, min(start + CHUNK, hi), YEAR, AS_OF, _POWERS)
            marks.append((time.perf_counter(), time.process_time()))
            rows = rows_of(_JUDGE, subjects)
            marks.append((time.perf_counter(), time.process_time()))
            if only_changed:  # as refresh_between does
                rows = changed_rows(rows, stored_between(start, min(start + CHUNK, hi), YEAR))
            store_rows(rows, YEAR, stamp, only_changed)
        marks.append((time.perf_counter(), time.process_time()))
        for part in range(3):
            times[part] += marks[part + 1][0] - marks[part][0]
            times[3 + part] += marks[part + 1][1] - marks[part][1]
        people += len(subjects)
    return people, times


_POWERS = None


def start_store_worker():
    global _POWERS
    start_worker()
    from thidua.awards.issuing import power_table

    _POWERS = power_table()


def measure_store_pass(workers, only_changed):
    from django.db import connections
    from django.db.models import Max, Min
    from django.utils import timezone

    from thidua.organizations.models import Person

    bounds = Person.objects.aggregate(lo=Min("pk"), hi=Max("pk"))
    lo, hi = bounds["lo"], bounds["hi"] + 1
    step = max(CHUNK, (hi - lo) // (workers * 8) + 1)
    stamp = timezone.now()
    ranges = [(start, min(start + step, hi), stamp, only_changed)
              for start in range(lo, hi, step)]
    connections.close_all()
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers, initializer=start_store_worker) as pool:
        parts = pool.map(store_range, ranges, chunksize=1)
    wall = time.perf_counter() - started
    totals = [sum(column) for column in zip(*(times for _people, times in parts), strict=True)]
    return {"wall": wall, "people": sum(people for people, _times in parts),
            **dict(zip(("build", "engine", "write", "build_cpu", "engine_cpu", "write_cpu"),
                       totals, strict=True))}


def measure_day_of_changes(count, rng):
    """``count`` awards to distinct random people, committed; then their verdicts refreshed
    (``refresh_people``, the follow-up's work). Returns (insert s, refresh s, people, rows
    changed); the awards are deleted afterwards."""
    from django.db import connection, transaction

    from thidua.awards.models import Award, AwardType, StoredVerdict
    from thidua.awards.verdicts import refresh_people
    from thidua.organizations.models import Person

    top = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    drawn = rng.sample(range(1, top + 1), min(top, count * 2))
    existing = set(Person.objects.filter(pk__in=drawn).values_list("pk", flat=True))
    people = [pk for pk in drawn if pk in existing][:count]
    ldtt = AwardType.objects.get(code="LDTT")
    before = dict(StoredVerdict.objects.filter(person_id__in=people, year=YEAR).values_list(
        "person_id", "eligible"))
    t0 = time.perf_counter()
    with transaction.atomic():
        created = Award.objects.bulk_create(
            [Award(person_id=pk, year=YEAR, award_type=ldtt, decision_number="bench-day")
             for pk in people], batch_size=2000)
    t1, cpu, server = time.perf_counter(), time.process_time(), server_cpu()
    judged = refresh_people(people, YEAR)
    t2 = time.perf_counter()
    cpu, server = time.process_time() - cpu, server_cpu() - server
    after = dict(StoredVerdict.objects.filter(person_id__in=people, year=YEAR).values_list(
        "person_id", "eligible"))
    with connection.cursor() as cursor:  # no history rows for the bench's own awards
        cursor.execute(f"DELETE FROM {Award._meta.db_table} WHERE id = ANY(%s)",  # nosec B608
                       [[award.pk for award in created]])
    changed = sum(1 for pk in people if before.get(pk) != after.get(pk))
    return t1 - t0, t2 - t1, judged, changed, cpu, server


def measure_singles(count, rng):
    from thidua.awards.eligibility import evaluate
    from thidua.awards.histories import person_subjects
    from thidua.organizations.models import Person

    top = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    total, engine = [], []
    for _ in range(count):
        pk = rng.randint(1, top)
        t0 = time.perf_counter()
        subjects = person_subjects([pk], YEAR, AS_OF)
        t1 = time.perf_counter()
        evaluate({"as_of": AS_OF.isoformat(), "year": YEAR, "subjects": subjects})
        t2 = time.perf_counter()
        total.append((t2 - t0) * 1000)
        engine.append((t2 - t1) * 1000)
    return total, engine


def p(samples, fraction):
    return sorted(samples)[min(len(samples) - 1, int(fraction * len(samples)))]


def store_report(args, read, passes, day):
    lines = []
    for label, found in passes:
        people = found["people"]
        full = org_scale.FULL_PEOPLE / people if people else 0
        per_worker = found["engine_cpu"] / args.workers
        lines += [
            f"store, full pass ({label}): {found['wall']:7.1f} s wall for {people:,} people "
            f"(target < {TARGETS['recompute_s']} s at 2,000,000; ×{full:.1f} ≈ "
            f"{found['wall'] * full:.0f} s linear)",
            f"  build {found['build']:.1f} s wall / {found['build_cpu']:.1f} s CPU, engine "
            f"{found['engine']:.1f} s / {found['engine_cpu']:.1f} s CPU, write "
            f"{found['write']:.1f} s / {found['write_cpu']:.1f} s CPU (in workers); engine CPU "
            f"per worker {per_worker:.1f} s {'≤' if per_worker <= read[0] else '>'} the read "
            f"{read[0]:.1f} s",
        ]
    insert, refresh, judged, changed, cpu, server = day
    lines.append(
        f"a day's changes: {args.changes:,} awards inserted in {insert:.2f} s; "
        f"{judged:,} people re-evaluated and stored in {refresh:.2f} s wall, {cpu:.2f} s CPU "
        f"+ {server:.2f} s PostgreSQL CPU (target < {TARGETS['day_s']} s for 10,000); "
        f"{changed:,} verdicts changed")
    return "\n".join(lines)


def measure_store(args):
    from django.db import connection

    from thidua.awards.models import StoredVerdict

    table = StoredVerdict._meta.db_table
    with connection.cursor() as cursor:  # the ORM's delete would collect 2,000,000 rows
        cursor.execute(f"DELETE FROM {table} WHERE year = %s", [YEAR])  # nosec B608
        if connection.vendor == "postgresql":
            # the dead rows gone before the pass, as in a new year's store (else autovacuum
            # would clean up after the DELETE during the measured insertions)
            cursor.execute(f"VACUUM (ANALYZE) {table}")
    passes = [("empty store", measure_store_pass(args.workers, only_changed=False)),
              ("over it, unchanged rows kept", measure_store_pass(args.workers, True))]
    day = measure_day_of_changes(args.changes, random.Random(args.seed + 2))
    return passes, day


def report(args, env, loaded, read, recompute, singles):
    total, engine = singles
    people = recompute["people"]
    full = org_scale.FULL_PEOPLE / people if people else 0
    cpu = recompute["build_cpu"] + recompute["engine_cpu"] + recompute["server_cpu"]
    lines = [
        f"eligibility bench — scale {people / org_scale.FULL_PEOPLE:g} ({people:,} people), "
        f"{args.workers} workers, "
        f"{env}",
        f"loaded histories in {loaded:.0f} s" if loaded else "reused the loaded database",
        f"read (one SQL, streamed):       {read[0]:7.1f} s for {read[1]:,} rows",
        f"recompute (build + engine):     {recompute['wall']:7.1f} s wall "
        f"(target < {TARGETS['recompute_s']} s at 2,000,000 people; ×{full:.1f} "
        f"≈ {recompute['wall'] * full:.0f} s linear estimate)",
        f"  history builder:              {recompute['build']:7.1f} s wall in workers, "
        f"{recompute['build_cpu']:.1f} s CPU "
        f"({1e6 * recompute['build_cpu'] / max(people, 1):.0f} µs/person)",
        f"  engine alone:                 {recompute['engine']:7.1f} s wall in workers, "
        f"{recompute['engine_cpu']:.1f} s CPU "
        f"({1e6 * recompute['engine_cpu'] / max(people, 1):.0f} µs/person); "
        f"{'≤' if recompute['engine_cpu'] / args.workers <= read[0] else '>'} the read "
        "per worker",
        f"  PostgreSQL backends:          {recompute['server_cpu']:7.1f} s CPU "
        f"({1e6 * recompute['server_cpu'] / max(people, 1):.0f} µs/person)",
        f"  all CPU (workers + backends): {cpu:7.1f} s → ≥ {cpu / args.workers:.1f} s wall on "
        f"{args.workers} idle cores; ×{full:.1f} ≈ {cpu * full / args.workers:.0f} s at 2,000,000 "
        "(linear; sharing only improves with size)",
        f"  judged / shared histories:    {recompute['judged']:,} judged, "
        f"{people - recompute['judged']:,} shared a judged history",
        f"  eligible verdicts:            {recompute['verdicts_eligible']:,}",
        f"one person (build + engine):    p50 {statistics.median(total):.2f} ms, "
        f"p95 {p(total, 0.95):.2f} ms (target < {TARGETS['one_ms']} ms); engine alone p50 "
        f"{statistics.median(engine):.2f} ms, p95 {p(engine, 0.95):.2f} ms",
    ]
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    url, _cleanup = org_scale.prepare_database(args)
    try:
        from thidua.awards.models import AnnualRating
        from thidua.organizations.models import Person

        loaded = 0
        if not (args.reuse and Person.objects.exists()):
            print(f"Loading the network at scale {args.scale} into {url} …", file=sys.stderr)
            org_scale.load(args, rng)
        if not AnnualRating.objects.exists():
            print("Loading 10-year histories …", file=sys.stderr)
            loaded = load_histories(rng)
        print("Measuring …", file=sys.stderr)
        read = measure_read()
        if not args.only_store:
            recompute = measure_recompute(args.workers)
            singles = measure_singles(args.singles, random.Random(args.seed + 1))
            print(report(args, org_scale.environment(url), loaded, read, recompute, singles))
        else:
            print(f"eligibility bench (stored verdicts), {args.workers} workers, "
                  f"{org_scale.environment(url)}\nread (one SQL, streamed): {read[0]:.1f} s for "
                  f"{read[1]:,} rows")
        print(store_report(args, read, *measure_store(args)), flush=True)
        if args.keep:
            print(f"\nKept {url}", file=sys.stderr)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            org_scale.drop_postgres(args.database_url)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    main()
