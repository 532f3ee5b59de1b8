#!/usr/bin/env python
"""Documents at the sizes officials meet: is a long decision and a whole print run fast enough?

What it builds: a Huế alliance issuing for one cooperative's batch of ``--annex`` + ``--certificates``
people (each with a current employment), two decisions made and issued through the pipeline's
own ``create_decision`` / ``issue_decision``: one over ``--annex`` people, one over
``--certificates`` people.

What it measures (wall-clock in this process, warm imports):
  * ``services.decision_docx`` of the long decision (2,000-row annex)      target < 10 s
  * ``services.decision_pdf`` of the same decision                         target < 30 s
  * ``certificates.print_decision`` of the other decision (the background job: all
    certificates as one PDF, page per awardee, stored once)                target < 60 s
and checks each result: annex rows read back with python-docx, page counts with pypdf.

The database is a temporary SQLite file (``--database-url`` for PostgreSQL; the name must
contain "bench", it is dropped and re-created); generated files go to a temporary MEDIA_ROOT.

    .venv/bin/python bench/documents.py                       # 2,000-row annex, 1,000 certificates
    .venv/bin/python bench/documents.py --annex 200 --certificates 100
"""
import argparse
import io
import os
import shutil
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
    parser.add_argument("--annex", type=int, default=2000, help="rows of the long decision")
    parser.add_argument("--certificates", type=int, default=1000,
                        help="certificates printed in one batch")
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


def timed(label, target, call):
    start = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - start
    verdict = "OK" if seconds < target else "SLOW"
    print(f"{label:<52} {seconds:7.2f} s  (target < {target} s) {verdict}")
    return result, seconds


def main():
    args = arguments()
    workdir = Path(tempfile.mkdtemp(prefix="thidua-bench-documents-"))
    try:
        prepare(args, workdir)
        import docx
        from pypdf import PdfReader

        from thidua.documents import services
        from thidua.documents.certificates import print_decision
        from thidua.documents.models import CertificatePrint

        start = time.perf_counter()
        (long, printed), signer = build(args.annex, args.certificates)
        print(f"built {args.annex} + {args.certificates} awards in "
              f"{time.perf_counter() - start:.1f} s")
        data, _ = timed(f"decision DOCX, {args.annex}-row annex", 10,
                        lambda: services.decision_docx(long))
        rows = sum(len(t.rows) - 1 for t in docx.Document(io.BytesIO(data)).tables[-1:])
        assert rows == args.annex, rows
        data, _ = timed(f"decision PDF, {args.annex}-row annex", 30,
                        lambda: services.decision_pdf(long))
        print(f"  {len(PdfReader(io.BytesIO(data)).pages)} pages, {len(data) // 1024} KiB")
        job = CertificatePrint.objects.create(decision=printed, requested_by=signer,
                                              total=args.certificates)
        job, _ = timed(f"batch print, {args.certificates} certificates (one PDF)", 60,
                       lambda: print_decision(job.pk))
        with job.file.open("rb") as handle:
            reader = PdfReader(handle)
            assert len(reader.pages) == args.certificates, len(reader.pages)
            print(f"  {len(reader.pages)} pages, {job.file.size // 1024} KiB")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
