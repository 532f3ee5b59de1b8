#!/usr/bin/env python
"""“Việc của tôi” at national scale: does the home page stay one fast screen when the network
holds 110,000 units, 2,000,000 people and 100,000 tờ trình waiting at every step?

What it builds (``--scale 1``; ``--scale 0.01`` shrinks everything a hundredfold)
  * the national network of ``bench/org_scale.py``, loaded by its own functions;
  * ``FULL_BATCHES`` nomination batches of 2026, each from a unit to its parent, spread over the
    states a home page lists (draft, returned, submitted, received, in appraisal, at council)
    and decided ones, with a due date around the measuring day; a registration from every unit
    (a quarter of them submitted, waiting for approval) to one national movement; one report
    round per province and quarter due around the measuring day.

What it measures (wall-clock in this process through Django's test ``Client``: middleware,
queries and template count; the query count of one render in the notes)
  * the home page ``/`` for the national admin (SYSTEM_ADMIN at the VCA, whole tree), a province
    EC officer (Hà Nội, whole province), a cooperative's EC officer and a superuser.
    Target p95 < 300 ms; the number of queries must not depend on the data (it is the same at
    every scale).

    .venv/bin/python bench/home.py --scale 0.01 --sqlite
    .venv/bin/python bench/home.py --scale 1 --keep     # full scale: load ~3 min
    .venv/bin/python bench/home.py --reuse --keep       # measure again on a kept database
"""
import random
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.insert(0, str(BENCH_DIR))

import org_scale  # bench/ is on sys.path
from reports import finish, next_id, queries

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thidua_bench_home"
FULL_BATCHES = 100_000
STATES = {"DRAFT": 10, "RETURNED_FOR_CORRECTION": 5, "SUBMITTED": 20, "RECEIVED": 10,
          "IN_APPRAISAL": 15, "AT_COUNCIL": 10, "DECIDED": 30}
TARGET_MS = 300


def parse_args(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not any(a.startswith("--database-url") for a in argv):
        argv += ["--database-url", DEFAULT_URL]
    return org_scale.parse_args(argv)


def load_work(scale, rng, actor, today):
    """Batches in every waiting state, registrations and report rounds (see the docstring)."""
    from datetime import timedelta

    from django.db import transaction

    from thidua.movements.models import Movement, MovementStatus, Registration, ReportSchedule
    from thidua.nominations.models import NominationBatch
    from thidua.organizations.models import Organization

    from django.utils import timezone

    started = time.perf_counter()
    now = timezone.now()
    units = dict(Organization.objects.values_list("path", "pk"))
    below = [(path, pk) for path, pk in units.items() if len(path) > 4]
    states, weights = zip(*STATES.items())
    count = max(1, round(FULL_BATCHES * scale))
    first = next_id(NominationBatch)
    with transaction.atomic():
        movement = Movement.objects.create(
            kind="REGULAR", title="Phong trào thi đua năm 2026", launched_by_id=units[min(units)],
            start_date=today.replace(month=1, day=1), end_date=today.replace(month=12, day=31),
            status=MovementStatus.LAUNCHED)
        org_scale.insert(Registration, ["id", "movement_id", "unit_id", "year", "status"],
                         ((pk, movement.pk, unit, today.year,
                           rng.choice(["SUBMITTED", "APPROVED", "APPROVED", "DRAFT"]))
                          for pk, (_path, unit) in enumerate(below, next_id(Registration))))
        rows = []
        for pk in range(first, first + count):
            path, proposer = rng.choice(below)
            rows.append((pk, proposer, units[path[:-4]], f"Tờ trình {pk}", today.year,
                         rng.choices(states, weights)[0],
                         today + timedelta(days=rng.randint(-10, 30)), actor.pk, now))
        # auto_now_add has no default for COPY to fill in (PostgreSQL refused the NULL)
        org_scale.insert(NominationBatch, ["id", "proposer_id", "authority_id", "title", "year",
                                           "state", "due_on", "created_by_id", "created_at"],
                         iter(rows))
        provinces = [pk for path, pk in units.items() if len(path) == 8]
        for owner in provinces:
            for period, due in (("Q3", -40), ("Q4", 5)):
                ReportSchedule.objects.create(owner_id=owner, year=today.year, period=period,
                                              due_date=today + timedelta(days=due))
    finish([Registration, NominationBatch])
    return time.perf_counter() - started


def cooperative_officer():
    from thidua.accounts.models import Role, RoleAssignment, User
    from thidua.nominations.models import NominationBatch

    unit_id = NominationBatch.objects.filter(proposer__kind="COOPERATIVE").values_list(
        "proposer_id", flat=True).first()
    user, _created = User.objects.get_or_create(username="bench_coop")
    RoleAssignment.objects.get_or_create(user=user, organization_id=unit_id,
                                         role=Role.EC_OFFICER)
    return user


def measure_home(user, renders):
    """(samples in ms, queries, SQL ms, what waits) of the home page for ``user``."""
    from django.test import Client

    from thidua.worklist import my_work

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    for _ in range(2):
        assert client.get("/").status_code == 200
    samples = [org_scale.timed_ms(client.get, "/")[0] for _ in range(renders)]
    count, sql_ms = queries(client, "/")
    return samples, count, sql_ms, ", ".join(f"{w.key} {w.count:,}" for w in my_work(user))


def main(argv=None):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    with org_scale.benchmark_database(args) as url:
        from django.utils import timezone

        from thidua.nominations.models import NominationBatch

        timings = org_scale.network_loaded(args, rng, url)
        users = org_scale.bench_users()
        if not (args.reuse and NominationBatch.objects.exists()):
            timings["batches, registrations, report rounds"] = load_work(
                args.scale, rng, users["national admin"], timezone.localdate())
        users["cooperative EC officer"] = cooperative_officer()
        lines = []
        for actor, user in users.items():
            samples, count, sql_ms, waiting = measure_home(user, args.renders)
            lines.append(org_scale.row(f"home / — {actor}", samples, TARGET_MS,
                                       f"{count} queries, {sql_ms:.0f} ms SQL; {waiting}"))
        organisations, people, _employments, _ended = org_scale.counts()
        print(f"{org_scale.environment(url)}.\n\n{organisations:,} organisations, "
              f"{people:,} people, {NominationBatch.objects.count():,} tờ trình."
              + ("" if not timings else " Load: " + ", ".join(
                  f"{k} {v:.0f} s" for k, v in timings.items()) + ".")
              + "\n\n| Measure (ms) | n | p50 | p95 | max | target p95 | notes |\n"
              "|---|---:|---:|---:|---:|---|---|\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
