#!/usr/bin/env python
"""Reports at national scale: is the dashboard fast over 5,000,000 awards and 2,000,000 people,
and is a statutory form for the whole nation and a year quick?

What it builds (``--scale 1``; ``--scale 0.01`` shrinks everything a hundredfold)
  * the national network of ``bench/org_scale.py`` (110,000 units, 2,000,000 people with their
    employments), loaded by its own functions;
  * 5,000,000 active awards over 2021–2025 (1,000,000 a year), 80 % to people (drawn from all
    people) and 20 % to units, the award type drawn by a realistic weight (mostly "Lao động
    tiên tiến", "Giấy khen", "Tập thể lao động tiên tiến"; a few state awards), inserted with
    PostgreSQL ``COPY``;
  * then the award summary (``thidua.reports.summaries.refresh_all``), timed: this is what the
    periodic task ``thidua.reports.refresh_summaries`` does for a dirty year;
  * the dashboard's live panels' data for 2025: one national movement with a registration from
    every unit, and 100,000 nomination batches (each to the proposer's parent unit) with four
    transitions each (``load_activity``; ``--reuse`` adds it to a database that lacks it, at
    ``--scale``, default 1).

What it measures (wall-clock in this process, through Django's test ``Client``, so
middleware, queries and templates count; the query count of one render in the notes)
  * the dashboard page (``/bao-cao/``) for the national admin, a province EC officer (Hà Nội),
    and a cooperative's EC officer (a live count, below the summary's levels): target p95 < 500 ms.
    Twice: with a cold cache (Django's dummy cache, so every render reads the award summary: the
    first view after a rebuild) and with the configured cache warm (``CACHES``: Redis when
    ``REDIS_URL`` is set, else this process's memory); the cooperative's award figures are live
    in both;
  * Biểu 0602 and 0603 as XLSX for the whole nation and one year: target < 5 s;
  * an ad-hoc report (awards by province × subject over five years) for the national admin.

    .venv/bin/python bench/reports.py --scale 0.01 --database-url postgres://postgres@127.0.0.1:5432/thidua_bench_reports
    .venv/bin/python bench/reports.py --scale 1 --keep     # full scale: load ~10 min
    .venv/bin/python bench/reports.py --reuse --keep       # measure again on a kept database
"""
import random
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.insert(0, str(BENCH_DIR))

import org_scale  # bench/ is on sys.path

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thidua_bench_reports"
FULL_AWARDS = 5_000_000
YEARS = range(2021, 2026)
AWARD_WEIGHTS = {"LDTT": 40, "GK": 20, "TTLDTT": 10, "CSTDCS": 8, "BK_BO": 8, "TTLDXS": 4,
                 "KNC": 4, "CSTD_BO": 2, "CO_BO": 1.5, "BK_TTG": 1, "CO_CP": 0.5, "CSTD_TQ": 0.3,
                 "HCLD3": 0.5, "HCLD2": 0.15, "HCLD1": 0.05}
TARGETS_MS = {"dashboard": 500, "statutory": 5000}
CHUNK = 100_000
FULL_BATCHES = 100_000  # nomination batches of 2025, about one per unit
STEPS = ["SUBMITTED", "RECEIVED", "IN_APPRAISAL", "DECIDED"]
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def parse_args(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not any(a.startswith("--database-url") for a in argv):
        argv += ["--database-url", DEFAULT_URL]
    return org_scale.parse_args(argv)


def load_awards(scale, rng):
    from django.db import transaction

    from thidua.awards.models import Award, AwardType
    from thidua.organizations.models import Organization, Person

    types = dict(AwardType.objects.filter(code__in=AWARD_WEIGHTS).values_list("code", "pk"))
    kinds = dict(AwardType.objects.filter(code__in=AWARD_WEIGHTS).values_list("code",
                                                                               "subject_kind"))
    individual = [c for c in types if kinds[c] in ("INDIVIDUAL", "BOTH")]
    collective = [c for c in types if kinds[c] in ("COLLECTIVE", "BOTH")]
    people = list(Person.objects.values_list("pk", flat=True))
    units = list(Organization.objects.filter(depth__gte=2).values_list("pk", flat=True))
    total = max(1, round(FULL_AWARDS * scale))
    first_id = next_id(Award)
    fields = ["id", "person_id", "organization_id", "award_type_id", "year", "status", "source"]

    def rows(first, count):
        for pk in range(first, first + count):
            year = rng.choice(YEARS)
            if rng.random() < 0.8:
                code = rng.choices(individual, [AWARD_WEIGHTS[c] for c in individual])[0]
                yield (pk, rng.choice(people), None, types[code], year, "ACTIVE", "IMPORTED")
            else:
                code = rng.choices(collective, [AWARD_WEIGHTS[c] for c in collective])[0]
                yield (pk, None, rng.choice(units), types[code], year, "ACTIVE", "IMPORTED")

    started = time.perf_counter()
    done = 0
    while done < total:
        count = min(CHUNK, total - done)
        with transaction.atomic():
            org_scale.insert(Award, fields, rows(first_id + done, count))
        done += count
        print(f"  … {done:,} / {total:,} awards ({time.perf_counter() - started:.0f} s)",
              file=sys.stderr, flush=True)
    finish([Award])
    return time.perf_counter() - started


def next_id(model):
    return (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


def finish(models):
    """Sequences past the ids given by COPY, and fresh planner statistics."""
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            for model in models:
                cursor.execute(f"VACUUM (ANALYZE) {model._meta.db_table}")


def load_activity(scale, rng, actor):
    """The live panels' data for 2025: one national movement with a registration from every unit
    below the VCA, and ``FULL_BATCHES`` nomination batches (each to the proposer's parent unit)
    with four transitions each (their step facts filled as nominations.steps would), a few past
    their deadline."""
    from datetime import UTC, date, datetime, timedelta

    from django.db import transaction

    from thidua.core.workdays import WorkingCalendar
    from thidua.movements.models import Movement, MovementStatus, Registration
    from thidua.nominations.models import NominationBatch, Transition
    from thidua.nominations.steps import local_date
    from thidua.organizations.models import Organization

    started = time.perf_counter()
    units = dict(Organization.objects.values_list("path", "pk"))
    below = [(path, pk) for path, pk in units.items() if len(path) > 4]
    with transaction.atomic():
        movement = Movement.objects.create(
            kind="REGULAR", title="Phong trào thi đua năm 2025", launched_by_id=units[min(units)],
            start_date=date(2025, 1, 1), end_date=date(2025, 12, 31),
            status=MovementStatus.LAUNCHED)
        org_scale.insert(Registration, ["id", "movement_id", "unit_id", "year", "status"],
                         ((pk, movement.pk, unit, 2025,
                           rng.choice(["SUBMITTED", "APPROVED", "DRAFT"]))
                          for pk, (_path, unit) in enumerate(below, next_id(Registration))))
    first = next_id(NominationBatch)
    count = max(1, round(FULL_BATCHES * scale))
    batches, transitions, first_step = [], [], next_id(Transition)
    calendar = WorkingCalendar.from_database()
    for pk in range(first, first + count):
        path, proposer = rng.choice(below)
        at = datetime(2025, 1, 2, 2, tzinfo=UTC) + timedelta(days=rng.randint(0, 270))
        due_on = (at + timedelta(days=30)).date()
        previous = None
        for state in STEPS:
            day = local_date(at)
            working_days = None if previous is None else calendar.working_days_between(previous,
                                                                                        day)
            transitions.append((first_step + len(transitions), pk, state, at, actor.pk,
                                working_days, day > due_on))
            previous = day
            at += timedelta(days=rng.randint(1, 15), hours=rng.randint(0, 8))
        batches.append((pk, proposer, units[path[:-4]], f"Tờ trình {pk}", 2025, STEPS[-1],
                        due_on, at, actor.pk))
    with transaction.atomic():
        org_scale.insert(NominationBatch, ["id", "proposer_id", "authority_id", "title", "year",
                                           "state", "due_on", "created_at", "created_by_id"],
                         iter(batches))
        org_scale.insert(Transition, ["id", "batch_id", "to_state", "at", "actor_id",
                                      "working_days", "late"], iter(transitions))
    finish([Registration, NominationBatch, Transition])
    return time.perf_counter() - started


def cooperative_officer():
    from thidua.accounts.models import Role, RoleAssignment, User
    from thidua.awards.models import Award

    unit_id = (Award.objects.filter(organization__kind="COOPERATIVE")
               .values_list("organization_id", flat=True).first())
    user, _created = User.objects.get_or_create(username="bench_coop")
    RoleAssignment.objects.get_or_create(user=user, organization_id=unit_id,
                                         role=Role.EC_OFFICER)
    return user


def measure(client, url, renders):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(renders):
        ms, response = org_scale.timed_ms(client.get, url)
        assert response.status_code == 200
        samples.append(ms)
    return samples


def queries(client, url):
    """(queries, ms of SQL) of one render."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured), sum(float(q["time"]) for q in captured.captured_queries) * 1000


def measure_dashboard(client, url, renders):
    """{"cold" | "warm": (samples, queries, SQL ms)}."""
    from django.test.utils import override_settings

    results = {}
    with override_settings(CACHES=NO_CACHE):
        results["cold"] = (measure(client, url, renders), *queries(client, url))
    results["warm"] = (measure(client, url, renders), *queries(client, url))
    return results


def main(argv=None):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    with org_scale.benchmark_database(args) as url:
        from django.test import Client
        from django.urls import reverse

        from thidua.awards.models import Award
        from thidua.nominations.models import NominationBatch
        from thidua.reports.models import AwardSummary
        from thidua.reports.summaries import refresh_all

        timings = org_scale.network_loaded(args, rng, url)
        if not (args.reuse and Award.objects.exists()):
            timings["awards"] = load_awards(args.scale, rng)
        if not (args.reuse and AwardSummary.objects.exists()):
            started = time.perf_counter()
            refresh_all()
            timings["award summary rebuild (5 years)"] = time.perf_counter() - started
        users = org_scale.bench_users()
        if not (args.reuse and NominationBatch.objects.exists()):
            timings["movement, registrations, nominations"] = load_activity(
                args.scale, rng, users["national admin"])
        actors = {"national admin": users["national admin"],
                  "province EC officer": users["province EC officer"],
                  "cooperative EC officer": cooperative_officer()}
        renders = max(5, args.renders // 2)
        lines = []
        for actor, user in actors.items():
            client = Client()
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            page = f"{reverse('reports:dashboard')}?year=2025"
            for cache, (samples, count, sql_ms) in measure_dashboard(client, page,
                                                                     renders).items():
                lines.append(org_scale.row(f"dashboard /bao-cao/ — {actor}, {cache} cache",
                                           samples, TARGETS_MS["dashboard"],
                                           f"{count} queries, {sql_ms:.0f} ms SQL"))
        client = Client()
        client.force_login(actors["national admin"],
                           backend="django.contrib.auth.backends.ModelBackend")
        for form in ("0602", "0603"):
            query = f"form={form}&year_from=2025&year_to=2025&format=xlsx"
            samples = measure(client, f"{reverse('reports:statutory')}?{query}", 5)
            lines.append(org_scale.row(f"Biểu {form} XLSX, whole nation, 2025", samples,
                                       TARGETS_MS["statutory"]))
        query = "source=awards&rows=province&columns=subject&measure=count&year_from=2021&year_to=2025"
        samples = measure(client, f"{reverse('reports:adhoc')}?{query}", 5)
        lines.append(org_scale.row("ad-hoc awards province × subject, 5 years — national", samples))
        organisations, people, employments, _ended = org_scale.counts()
        from django.conf import settings

        print(f"{org_scale.environment(url)}; cache {settings.CACHES['default']['BACKEND']}."
              f"\n\n{organisations:,} organisations, {people:,} people, "
              f"{employments:,} employments, {Award.objects.count():,} awards."
              + ("" if not timings else " Load: " + ", ".join(
                  f"{k} {v:.0f} s" for k, v in timings.items()) + ".")
              + "\n\n| Measure (ms) | n | p50 | p95 | max | target p95 | notes |\n"
              "|---|---:|---:|---:|---:|---|---|\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
