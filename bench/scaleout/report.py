#!/usr/bin/env python
"""The figures of a ``bench/scaleout/run.sh`` run, from its output directory.

    .venv/bin/python bench/scaleout/report.py OUT

Reads locust's ``run_stats.csv``/``run_failures.csv``, ``reads.log`` (where each report GET read
from, by the ``X-Bench-Reads`` header), ``faults.log`` (when the replica was stopped, then Redis),
``nginx/access.log`` (which app server answered, and each status), ``replica_stats.log``
(``pg_stat_database`` on the replica) and ``celery.txt``. Phases: before the replica stop,
during it (``pg_ctlcluster stop`` running), after it; and the requests answered after Redis (cache
and broker) was shut down. Exit status 1 when a request failed, an own write was not read back,
or a report read went to the stopped replica.
"""
import csv
import sys
from collections import Counter
from pathlib import Path

PHASES = ("before", "during", "after")


def phase_of(at, stop):
    return "before" if at < stop[0] else "during" if at <= stop[1] else "after"


def faults(out):
    rows = dict(line.split(maxsplit=1) for line in (out / "faults.log").read_text().splitlines())
    begin, end = (float(rows[key].split()[0]) for key in ("stop-begin", "stop-end"))
    redis_stop = float(rows["redis-stop"].split()[0]) if "redis-stop" in rows else None
    return (begin, end), rows.get("lag", "?"), redis_stop


def locust_totals(out):
    with open(out / "run_stats.csv") as rows:
        stats = {row["Name"]: row for row in csv.DictReader(rows)}
    total = stats.pop("Aggregated")
    print("| Request | Count | Failures | p50 ms | p95 ms | max ms |\n"
          "|---|---:|---:|---:|---:|---:|")
    for name, row in sorted(stats.items()):
        print(f"| {row['Type']} {name} | {row['Request Count']} | {row['Failure Count']} | "
              f"{row['50%']} | {row['95%']} | {float(row['Max Response Time']):.0f} |")
    print(f"| **all** | {total['Request Count']} | {total['Failure Count']} | {total['50%']} | "
          f"{total['95%']} | {float(total['Max Response Time']):.0f} |")
    with open(out / "run_failures.csv") as rows:
        for row in csv.DictReader(rows):
            print(f"failure: {row['Occurrences']} × {row['Method']} {row['Name']}: {row['Error']}")
    return int(total["Request Count"]), int(total["Failure Count"]), total["95%"]


def reads(out, stop):
    """{(kind, phase): Counter of (served from, saw own write)}."""
    found = {}
    for line in (out / "reads.log").read_text().splitlines():
        at, kind, served, saw = line.split()
        found.setdefault((kind, phase_of(float(at), stop)), Counter())[served, saw] += 1
    return found


def share(counter, served):
    with_reads = sum(n for (where, _saw), n in counter.items() if where != "none")
    on = sum(n for (where, _saw), n in counter.items() if where == served)
    return on, with_reads


def upstreams(out, stop, redis_stop):
    """Requests per app server, 5xx (or unanswered) per phase, the slowest three requests, and
    the requests and 5xx after Redis was shut down."""
    split, errors, times, without_redis = Counter(), Counter(), [], Counter()
    for line in (out / "nginx" / "access.log").read_text().splitlines():
        at, upstream, status, seconds, method, uri = line.split(maxsplit=5)
        split[upstream] += 1
        times.append((float(seconds), f"{method} {uri} {status} at {phase_of(float(at), stop)}"))
        failed = status.startswith("5") or upstream == "-"
        if failed:
            errors[phase_of(float(at), stop)] += 1
        if redis_stop is not None and float(at) >= redis_stop:
            without_redis["requests"] += 1
            without_redis["5xx"] += failed
            without_redis["POST"] += method == "POST"
    return split, errors, sorted(times, reverse=True)[:3], without_redis


def replica_stats(out):
    rows = {}
    for line in (out / "replica_stats.log").read_text().splitlines():
        label, _at, figures = line.split(maxsplit=2)
        rows[label] = [int(n) for n in figures.split("|")]
    return [after - before for before, after in zip(rows["start"], rows["before-stop"])]


def main(out):
    stop, lag, redis_stop = faults(out)
    requests, failures, p95 = locust_totals(out)
    found = reads(out, stop)
    print(f"\nreplica stopped {stop[1] - stop[0]:.1f} s (pg_ctlcluster stop -m fast); replay lag "
          f"just before: {lag}")
    bad = failures
    for phase in PHASES:
        reports = found.get(("report", phase), Counter())
        on, with_reads = share(reports, "replica")
        print(f"report GETs {phase} the stop: {sum(reports.values())}, with reads {with_reads}, "
              f"read from the replica {on} ({on / max(with_reads, 1):.0%})")
        if phase == "after":
            bad += on
    replica_share = share(found.get(("report", "before"), Counter()), "replica")
    own, control = (sum((found.get((kind, phase), Counter()) for phase in PHASES), Counter())
                    for kind in ("own-write", "control"))
    own_primary, own_n = share(own, "primary")
    own_saw = sum(n for (_where, saw), n in own.items() if saw == "1")
    bad += own_n - own_saw
    print(f"own write read back at once (read-your-writes mark): {own_saw}/{own_n} shown, "
          f"{own_primary}/{own_n} read from the primary")
    print(f"control, the same session without the mark: read from the replica "
          f"{sum(control[('replica', saw)] for saw in '01')}, showing the write "
          f"{control[('replica', '1')]} (only when the read came APPLY_DELAY after the write); "
          f"from the primary (replica stopped) {sum(control[('primary', saw)] for saw in '01')}, "
          f"showing it {control[('primary', '1')]}")
    split, errors, slowest, without_redis = upstreams(out, stop, redis_stop)
    print(f"nginx upstreams: {dict(split)}; 5xx or no upstream by phase: {dict(errors) or 0}; "
          f"slowest: {', '.join(f'{what} {seconds:.1f} s' for seconds, what in slowest)}")
    if redis_stop is not None:
        print(f"after Redis was shut down: {without_redis['requests']} requests "
              f"({without_redis['POST']} POST), 5xx {without_redis['5xx']}")
    commits, returned, fetched = replica_stats(out)
    print(f"replica pg_stat_database until the stop: {commits} transactions, "
          f"{returned} rows returned, {fetched} fetched")
    print((out / "celery.txt").read_text().strip())
    print(f"\nRESULT: {requests} requests, {failures} failures, p95 {p95} ms; report reads on the "
          f"replica before the stop {replica_share[0]}/{replica_share[1]}; own writes shown "
          f"{own_saw}/{own_n}; 5xx from the stop on {errors['during'] + errors['after']}; "
          f"without Redis {without_redis['requests']} requests, 5xx {without_redis['5xx']}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
