#!/usr/bin/env python
"""Documents at the speed of a list (issue 21 §5): a long decision and a whole print run.

What it builds: a Huế alliance issuing for one cooperative's batch of ``--annex`` + ``--certificates``
people (each with a current employment), two decisions made and issued through the pipeline's
own ``create_decision`` / ``issue_decision``: one over ``--annex`` people, one over
``--certificates`` people.

What it measures (in this process, warm imports; wall-clock and this process's CPU time, since
the machine is shared and the wall clock is mostly waiting for a core when it is busy):
  * ``services.decision_docx`` of the long decision (540-row annex), p50/p95 over ``--runs``
                                                                         target p50 < 100 ms
  * ``services.decision_pdf`` of the same decision, p50/p95 over ``--pdf-runs``  target < 500 ms
  * ``certificates.print_decision`` of the other decision (the background job: all
    certificates as one PDF, page per awardee, stored once)              target < 10 s
and checks each result: annex rows read back in order with python-docx, page counts with pypdf.
Each measure's figures are the whole call, database reads included. The run ends with the load
average (1, 5, 15 min) and the commit measured (``+`` when the tree has uncommitted changes).

The database is a temporary SQLite file (``--database-url`` for PostgreSQL; the name must
contain "bench", it is dropped and re-created); generated files go to a temporary MEDIA_ROOT.
``--profile docx|pdf|certificates`` prints cProfile's 30 costliest calls of one more call.

    .venv/bin/python bench/documents.py --database-url \
        postgres://postgres@127.0.0.1:5432/thidua_bench_documents   # the issue's targets
    .venv/bin/python bench/documents.py --annex 2000 --runs 5        # a longer annex
"""
import argparse
import cProfile
import io
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--annex", type=int, default=540, help="rows of the long decision")
    parser.add_argument("--certificates", type=int, default=1000,
                        help="certificates printed in one batch")
    parser.add_argument("--runs", type=int, default=30, help="DOCX renderings timed")
    parser.add_argument("--pdf-runs", type=int, default=10, help="PDF renderings timed")
    parser.add_argument("--profile", choices=("docx", "pdf", "certificates"),
                        help="print cProfile's costliest calls of one more call")
    parser.add_argument("--database-url", default=None,
                        help="PostgreSQL URL (name containing 'bench'); default: temporary SQLite")
    return parser.parse_args()


def prepare(args, workdir):
    url = args.database_url
    if url:
        import psycopg

        name = urlsplit(url).path.lstrip("/")
        if "bench" not in name:
            sys.exit(f"Refusing to drop {name!r}: the database name must contain 'bench'.")
        admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    else:
        url = f"sqlite:///{workdir / 'documents.sqlite3'}"
    os.environ.update({"DATABASE_URL": url, "MEDIA_ROOT": str(workdir / "media"),
                       "DEBUG": "0", "LOG_LEVEL": "WARNING",
                       "DJANGO_SETTINGS_MODULE": "thidua.settings"})
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return url


def build(annex, printed):
    """Two issued decisions of the Huế alliance: ``annex`` and ``printed`` people."""
    from thidua.accounts.models import RoleAssignment, User
    from thidua.awards.models import AwardType
    from thidua.nominations import workflow
    from thidua.nominations.models import IssuerSettings, NominationBatch
    from thidua.nominations.states import CouncilResult, State, SubjectKind, Verdict
    from thidua.organizations import services
    from thidua.organizations.models import Employment, Organization, Person

    root = User.objects.create_superuser("bench", "bench@example.org", "bench-password-123")
    vca = services.create_organization(root, None, Organization(
        kind="NATIONAL_ALLIANCE", code="VCA", name="Liên minh Hợp tác xã Việt Nam"))
    hue = services.create_organization(root, vca, Organization(
        kind="PROVINCIAL_ALLIANCE", code="P46", name="Liên minh Hợp tác xã Thành phố Huế",
        province_code=46))
    coop = services.create_organization(root, hue, Organization(
        kind="COOPERATIVE", code="P46-HTX01", name="Hợp tác xã Nông nghiệp Thủy Thanh",
        province_code=46))
    signer = User.objects.create_user("signer", password="bench-password-123")
    RoleAssignment.objects.create(user=signer, organization=hue, role="SIGNER")
    IssuerSettings.objects.create(organization=hue, decision_symbol="QĐ-LMHTX", place_name="Huế")
    given = ["Điệp", "Hương", "Thủy", "Dũng", "Quỳnh", "Nguyệt", "Ưng", "Đức"]
    people = Person.objects.bulk_create(
        Person(family_name="Nguyễn", middle_name="Thị" if n % 2 else "Văn",
               given_name=f"{given[n % len(given)]} {n}", gender="FEMALE" if n % 2 else "MALE",
               birth_date=date(1980, 1, 1)) for n in range(annex + printed))
    Employment.objects.bulk_create(
        Employment(person=person, organization=coop, category="MEMBER",
                   position="Thành viên Hội đồng quản trị", start_date=date(2015, 1, 1))
        for person in people)
    batch = NominationBatch.objects.create(proposer=coop, authority=hue, year=2025,
                                           title="Đề nghị tặng Giấy khen năm 2025",
                                           state=State.AT_COUNCIL, created_by=signer)
    gk = AwardType.objects.get(code="GK")
    items = batch.items.bulk_create(
        batch.items.model(batch=batch, subject_kind=SubjectKind.INDIVIDUAL, person=person,
                          award_type=gk, achievement="Hoàn thành xuất sắc nhiệm vụ năm 2025",
                          verdict=Verdict.ELIGIBLE, council_result=CouncilResult.PASSED)
        for person in people)
    decisions = []
    for chosen in (items[:annex], items[annex:]):
        decision = workflow.create_decision(signer, batch, chosen, "Về việc tặng Giấy khen",
                                            signer_name="Hồ Thị Điệp")
        decisions.append(workflow.issue_decision(signer, decision, day=date(2026, 1, 5)))
    return decisions, signer


def measure(call, runs):
    """(result of the last call, wall seconds of each run, CPU seconds of each run)."""
    walls, cpus = [], []
    for _run in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = call()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return result, walls, cpus


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(label, walls, cpus, target):
    """One line: p50/p95 wall and p50 CPU in ms (n runs), and whether the p50 meets ``target``
    (seconds)."""
    p50 = statistics.median(walls)
    verdict = "OK" if p50 < target else "SLOW"
    print(f"{label:<44} p50 {p50 * 1000:8.1f} ms  p95 {percentile(walls, 0.95) * 1000:8.1f} ms"
          f"  CPU p50 {statistics.median(cpus) * 1000:8.1f} ms  (n={len(walls)}, target "
          f"< {target * 1000:.0f} ms) {verdict}")


def profile(call):
    profiler = cProfile.Profile()
    profiler.runcall(call)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def commit():
    def git(*command):
        return subprocess.run(["git", *command], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()

    return git("rev-parse", "--short", "HEAD") + ("+" if git("status", "--porcelain") else "")


def main():
    args = arguments()
    workdir = Path(tempfile.mkdtemp(prefix="thidua-bench-documents-"))
    try:
        url = prepare(args, workdir)
        import docx
        from pypdf import PdfReader

        from thidua.documents import services
        from thidua.documents.certificates import print_decision
        from thidua.documents.models import CertificatePrint

        print(f"database {urlsplit(url).scheme}, commit {commit()}, "
              f"load {', '.join(f'{v:.1f}' for v in os.getloadavg())}")
        start = time.perf_counter()
        (long, printed), signer = build(args.annex, args.certificates)
        print(f"built {args.annex} + {args.certificates} awards in "
              f"{time.perf_counter() - start:.1f} s")
        names = list(long.items.order_by("pk").values_list("nomination__person__given_name",
                                                             flat=True))
        data, walls, cpus = measure(lambda: services.decision_docx(long), args.runs)
        report(f"decision DOCX, {args.annex}-row annex", walls, cpus, 0.1)
        rows = docx.Document(io.BytesIO(data)).tables[-1].rows[1:]
        assert [row.cells[0].text for row in rows] == [str(n) for n in range(1, args.annex + 1)]
        assert all(row.cells[1].text.endswith(name) for row, name in zip(rows, names))
        data, walls, cpus = measure(lambda: services.decision_pdf(long), args.pdf_runs)
        report(f"decision PDF, {args.annex}-row annex", walls, cpus, 0.5)
        print(f"  {len(PdfReader(io.BytesIO(data)).pages)} pages, {len(data) // 1024} KiB")

        def print_run():  # a decision has one print job: the profiled run replaces it
            CertificatePrint.objects.filter(decision=printed).delete()
            job = CertificatePrint.objects.create(decision=printed, requested_by=signer,
                                                  total=args.certificates)
            return print_decision(job.pk)

        job, walls, cpus = measure(print_run, 1)
        report(f"batch print, {args.certificates} certificates", walls, cpus, 10)
        with job.file.open("rb") as handle:
            reader = PdfReader(handle)
            assert len(reader.pages) == args.certificates, len(reader.pages)
            print(f"  {len(reader.pages)} pages, {job.file.size // 1024} KiB")
        if args.profile:
            profile({"docx": lambda: services.decision_docx(long),
                     "pdf": lambda: services.decision_pdf(long),
                     "certificates": print_run}[args.profile])
        print(f"load at the end {', '.join(f'{v:.1f}' for v in os.getloadavg())}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
