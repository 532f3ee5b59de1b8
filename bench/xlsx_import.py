#!/usr/bin/env python
"""Excel import at the size of a province's back catalogue: is a 10,000-row list read, checked,
previewed and written fast enough, in little memory?

What it builds: VCA → Huế alliance → ``--units`` cooperatives, ``--rows`` people (one current
employment each, names unique per unit, birth dates), bulk-inserted with the derived search
fields the app's ``Person.save`` would write. Then a workbook like the ones officials send: a
merged title row, a blank row, the header on row 3, an STT column, Excel dates and dd/mm/yyyy text
dates, award types by label or by the older templates' codes, and a "Tổng cộng" row at the end.

What it measures (wall-clock in this process, warm imports; the two steps the import page runs):
  * ``history``: past awards into the registry (``awards.importing.AwardHistorySpec``), one row
    per person: preview (stream the sheet, match every person, check every row) and commit
    (check again, then ``record_award`` for every row in one transaction).       target < 15 s
  * ``nominees``: the same people as nominees of one draft tờ trình
    (``nominations.importing.NomineeSpec``): every row checked against ``NomineeChecks`` (scope
    and holds read for the whole list), then one ``workflow.add_nominations`` (histories built for
    the list at once, the engine's verdicts, multi-row inserts with their audit entries).
  * ``people``: new people with their employment into the cooperatives
    (``organizations.importing.PersonSpec``), every row checked for twins among the people
    already there, then written with their history and audit entries. Target (issue 21): 1,000
    rows < 2 s from "Xác nhận nhập" to done, 10,000 rows < 8 s.
  Wall-clock and this process's CPU time are both printed: on a shared machine the first
  includes waiting for a core.
  Peak memory: ``tracemalloc`` peak of the Python heap during the whole import (measured in a
  second, separate run, as tracing slows Python down) and the process's peak RSS
  (``resource.getrusage``), which includes Django and the interpreter.              target < 500 MB

The database is a temporary SQLite file (``--database-url`` for PostgreSQL; the name must contain
"bench", it is dropped and re-created).

    .venv/bin/python bench/xlsx_import.py                                # 10,000 rows, history
    .venv/bin/python bench/xlsx_import.py --kind nominees --rows 1000
    .venv/bin/python bench/xlsx_import.py --kind people --rows 1000
    .venv/bin/python bench/xlsx_import.py --database-url postgres://postgres@127.0.0.1:5432/thidua_bench_xlsx
"""
import argparse
import io
import os
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Đức"]
GIVEN = ["Điệp", "Hương", "Thủy", "Dũng", "Quỳnh", "Nguyệt", "Ưng", "Đức", "Lan", "Bảo"]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--kind", choices=["history", "nominees", "people"], default="history")
    parser.add_argument("--profile", action="store_true",
                        help="print where the commit spends its time (cProfile, top 45 by cumulative time)")
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
        url = f"sqlite:///{workdir / 'xlsx.sqlite3'}"
    os.environ.update({"DATABASE_URL": url, "MEDIA_ROOT": str(workdir / "media"),
                       "DEBUG": "0", "LOG_LEVEL": "WARNING", "THIDUA_IMPORT_MAX_ROWS": "20000",
                       "DJANGO_SETTINGS_MODULE": "thidua.settings"})
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return url


def person_name(n):
    return (FAMILY[n % 10], MIDDLE[(n // 10) % 6], f"{GIVEN[(n // 60) % 10]} {n}")


def build(rows, units):
    """The network and ``rows`` people spread over ``units`` cooperatives; returns
    (superuser, Huế alliance, cooperatives)."""
    from thidua.accounts.models import User
    from thidua.core.text import normalize, person_sort_key
    from thidua.organizations import services
    from thidua.organizations.models import Employment, Organization, Person

    root = User.objects.create_superuser("bench", "bench@example.org", "bench-password-123")
    vca = services.create_organization(root, None, Organization(
        kind="NATIONAL_ALLIANCE", code="VCA", name="Liên minh Hợp tác xã Việt Nam"))
    hue = services.create_organization(root, vca, Organization(
        kind="PROVINCIAL_ALLIANCE", code="P46", name="Liên minh Hợp tác xã Thành phố Huế",
        province_code=46))
    coops = [services.create_organization(root, hue, Organization(
        kind="COOPERATIVE", code=f"P46-HTX{n:03d}", name=f"Hợp tác xã số {n}", province_code=46))
        for n in range(units)]
    people = []
    for n in range(rows):
        family, middle, given = person_name(n)
        people.append(Person(
            family_name=family, middle_name=middle, given_name=given,
            gender="FEMALE" if middle == "Thị" else "MALE",
            birth_date=date(1970 + n % 30, 1 + n % 12, 1 + n % 28),
            search_text=normalize(f"{family} {middle} {given}"),
            sort_key=person_sort_key(family, middle, given)))
    people = Person.objects.bulk_create(people, batch_size=2000)
    Employment.objects.bulk_create(
        (Employment(person=person, organization=coops[n % units], category="MEMBER",
                    position="Thành viên", start_date=date(2015, 1, 1))
         for n, person in enumerate(people)), batch_size=2000)
    return root, hue, coops


def workbook(kind, rows, units):
    """The upload's bytes, laid out like the sheets officials send."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "DANHSACH"
    if kind == "history":
        headers = ["STT", "Họ và tên", "Ngày sinh", "Đơn vị công tác",
                   "Danh hiệu, hình thức khen thưởng", "Năm", "Số quyết định", "Ngày quyết định",
                   "Cơ quan quyết định"]
        title = "TỔNG HỢP KHEN THƯỞNG TỪ CÁC QUYẾT ĐỊNH CŨ"
    elif kind == "people":
        headers = ["STT", "Họ", "Tên đệm", "Tên", "Giới tính", "Ngày sinh", "Mã đơn vị",
                   "Chức vụ", "Đối tượng", "Từ ngày"]
        title = "DANH SÁCH THÀNH VIÊN, NGƯỜI LAO ĐỘNG"
    else:
        headers = ["STT", "Họ và tên", "Ngày sinh", "Đơn vị công tác", "Mã hình thức khen thưởng",
                   "Tóm tắt thành tích"]
        title = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append([])
    sheet.append(headers)
    for n in range(rows):
        name = " ".join(person_name(n))
        born = datetime(1970 + n % 30, 1 + n % 12, 1 + n % 28)
        unit = f"P46-HTX{n % units:03d}"
        if kind == "people":  # newcomers: numbered after the people already there
            family, middle, given = person_name(rows + n)
            sheet.append([n + 1, family, middle, given, "Nữ" if middle == "Thị" else "Nam",
                          born.strftime("%d/%m/%Y"), unit, "Thành viên", "Thành viên",
                          "01/01/2024"])
        elif kind == "history":
            sheet.append([n + 1, name, born if n % 2 else born.strftime("%d/%m/%Y"), unit,
                          "Giấy khen" if n % 3 else "1650360499", 2020 + n % 5,
                          f"{n + 1}/QĐ-LMHTX", f"15/01/{2021 + n % 5}",
                          "Liên minh Hợp tác xã Thành phố Huế"])
        else:
            sheet.append([n + 1, name, born, unit, "1650360499", "Hoàn thành xuất sắc nhiệm vụ"])
    sheet.append([None, f"Tổng cộng: {rows} người"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(kind, data, user, hue, profile=False):
    """Preview then commit, as the import page's two steps do; returns (preview s, commit s)."""
    from thidua.awards.importing import AwardHistorySpec
    from thidua.core.xlsx_import import commit, preview
    from thidua.core.xlsx_sheet import Table
    from thidua.nominations import workflow
    from thidua.nominations.importing import NomineeSpec
    from thidua.organizations.importing import PersonSpec

    if kind == "history":
        spec = AwardHistorySpec(hue, user)
    elif kind == "people":
        spec = PersonSpec(hue, user)
    else:
        batch = workflow.create_batch(user, hue, hue, title="Đề nghị tặng Giấy khen", year=2025)
        spec = NomineeSpec(batch, user)
    start, cpu = time.perf_counter(), time.process_time()
    checked = preview(spec, data)
    assert checked.ok, checked.errors[:5]
    staged = checked.table.dumps()  # what the import page keeps between its two steps
    middle, middle_cpu = time.perf_counter(), time.process_time()
    if profile:
        import cProfile
        import pstats

        with cProfile.Profile() as profiler:
            count = commit(spec, Table.loads(staged, spec.columns))
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    else:
        count = commit(spec, Table.loads(staged, spec.columns))
    return (count, middle - start, time.perf_counter() - middle, time.process_time() - cpu,
            time.process_time() - middle_cpu)


def main():
    args = arguments()
    workdir = Path(tempfile.mkdtemp(prefix="thidua-bench-xlsx-"))
    try:
        prepare(args, workdir)
        from django.db import connection, transaction

        from thidua.awards.models import Award
        from thidua.nominations.models import Nomination
        from thidua.organizations.models import Employment

        written_model = {"history": Award, "nominees": Nomination, "people": Employment}[args.kind]

        user, hue, _coops = build(args.rows, args.units)
        data = workbook(args.kind, args.rows, args.units)
        print(f"{connection.vendor}: {args.rows:,} rows of {args.kind}, workbook "
              f"{len(data) / 1e6:.1f} MB, load average {os.getloadavg()[0]:.1f}")
        baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        count, checking, writing, cpu, writing_cpu = run(args.kind, data, user, hue, args.profile)
        written = written_model.objects.count() - (args.rows if args.kind == "people" else 0)
        assert written == count == args.rows, (written, count)
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        total = checking + writing
        print(f"preview (read + check)      {checking:7.2f} s")
        print(f"commit (check + write)      {writing:7.2f} s  (CPU of this process {writing_cpu:.2f} s)")
        print(f"total                       {total:7.2f} s  (target < 15 s) "
              f"{'OK' if total < 15 else 'SLOW'}")
        print(f"CPU time of this process    {cpu:7.2f} s  (the machine is shared: compare with "
              f"the wall-clock total)")
        # The same import again, traced, inside a rolled-back transaction.
        tracemalloc.start()
        with transaction.atomic():
            if args.kind == "people":  # the newcomers again: remove them with their jobs
                from thidua.organizations.models import Person

                Person.objects.filter(pk__gt=args.rows).delete()
            else:
                written_model.objects.all().delete()
            run(args.kind, data, user, hue)
            transaction.set_rollback(True)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"Python heap peak (tracemalloc) {peak / 2**20:7.1f} MB  (target < 500 MB) "
              f"{'OK' if peak < 500 * 2**20 else 'HIGH'}")
        print(f"process peak RSS            {peak_rss:7.1f} MB  (before the import "
              f"{baseline:.1f} MB)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
