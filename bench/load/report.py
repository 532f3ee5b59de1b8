#!/usr/bin/env python
"""The figures of a ``bench/load/run.sh`` run, from its output directory ``OUT``.

    .venv/bin/python bench/load/report.py OUT

1. The mixed run, one line per request name (locust's ``mix_stats.csv``).
2. Lost submissions: every title of ``accepted.log`` (batches the server answered with the
   redirect to the new batch; each title carries a unique token) is looked up in the database;
   counted apart before,
   during and after the PostgreSQL restart of ``faults.log``. Needs the run's DATABASE_URL.
3. The throughput ratio: people list / trivial view, each run alone.

Exit status 1 when a submission was lost or a request failed outside the PostgreSQL restart.
"""
import csv
import os
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def stats(path):
    with open(path) as rows:
        return {row["Name"]: row for row in csv.DictReader(rows)}


def mix_table(out):
    print("| Request | Count | Failures | p50 ms | p95 ms | max ms | req/s |\n"
          "|---|---:|---:|---:|---:|---:|---:|")
    rows = stats(out / "mix_stats.csv")
    for name, row in rows.items():
        label = f"**{name}**" if name == "Aggregated" else f"{row['Type']} {name}"
        print(f"| {label} | {row['Request Count']} | {row['Failure Count']} | "
              f"{row['50%']} | {row['95%']} | {float(row['Max Response Time']):.0f} | "
              f"{float(row['Requests/s']):.1f} |")


def failures_outside(out, window):
    """Failures not seen within the restart (locust logs each error's first and last second)."""
    outside = 0
    with open(out / "mix_failures.csv") as rows:
        for row in csv.DictReader(rows):
            seen = [datetime.fromisoformat(row[f"{end} Seen"]).timestamp()
                    for end in ("First", "Last")]
            if not window or seen[0] < window[0] - 1 or seen[1] > window[1] + 1:
                outside += int(row["Occurrences"])
    print(f"\nfailures outside the PostgreSQL restart: {outside}")
    return outside


def restart_window(out):
    """(start, end) unix times of the PostgreSQL restart, or None."""
    faults = out / "faults.log"
    if not faults.exists():
        return None
    times = dict(line.split()[:2] for line in faults.read_text().splitlines() if line.strip())
    return float(times["restart-begin"]), float(times.get("restart-end", "inf"))


def lost_submissions(out):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()
    from thidua.nominations.models import NominationBatch

    log = (out / "accepted.log").read_text(encoding="utf-8")
    accepted = [line.split(" ", 1) for line in log.splitlines() if line]
    titles = {title: float(at) for at, title in accepted}
    found = set(NominationBatch.objects.filter(title__in=titles).values_list("title", flat=True))
    window = restart_window(out)
    phases = {"before": 0, "during": 0, "after": 0}
    for at in titles.values():
        phase = ("before" if window is None or at < window[0] else
                 "during" if at <= window[1] else "after")
        phases[phase] += 1
    split = ("no restart" if window is None else f"before the PostgreSQL restart "
             f"{phases['before']}, during {phases['during']}, after {phases['after']}")
    print(f"\naccepted nomination batches: {len(titles)} ({split}), in the database: "
          f"{len(found)}, lost: {len(titles.keys() - found)}")
    if window and not (phases["before"] and phases["after"]):
        print("NOTE: no accepted batch on one side of the restart: not demonstrated")
    return len(titles.keys() - found)


def ratio(out):
    rates = {}
    for user in ("ListPageUser", "TrivialUser"):
        path = out / f"{user}_stats.csv"
        if path.exists():
            row = stats(path)["Aggregated"]
            rates[user] = float(row["Requests/s"])
            print(f"{user}: {row['Request Count']} requests, {row['Failure Count']} failures, "
                  f"{rates[user]:.1f} req/s, p50 {row['50%']} ms, p95 {row['95%']} ms")
    if len(rates) == 2 and rates["TrivialUser"]:
        print(f"throughput ratio people list / trivial view: "
              f"{rates['ListPageUser'] / rates['TrivialUser']:.0%} (target ≥ 30 %)")


if __name__ == "__main__":
    out = Path(sys.argv[1])
    mix_table(out)
    failures = failures_outside(out, restart_window(out))
    lost = lost_submissions(out)
    print()
    ratio(out)
    sys.exit(1 if lost or failures else 0)
