#!/usr/bin/env python
"""Word intake at the size of a province's year-end tờ trình: is a list of several hundred
nominees read, matched and turned into a batch fast enough?

What it builds: VCA → Huế alliance → ``--units`` cooperatives and ``--people`` people (one
current employment each, birth dates, names such as “Nguyễn Văn Điệp 17” so each is unique),
bulk-inserted with the derived search fields ``Person.save`` would write; then one .docx
tờ trình as lower units write
it: the heading block (unit, “Số: …”, date), title paragraphs, a nominee table of ``--rows`` rows
(STT | Họ và tên | Năm sinh | Chức vụ, đơn vị công tác | Hình thức khen thưởng) with section rows
and a “Tổng cộng” row. Every tenth nominee is written without accents, so the second matching
tier is exercised too.

What it measures (wall-clock in this process, warm imports):
  * ``read``: ``interchange.intake.read_files`` — parse the .docx, find the table, match every row
    (unit by name, person by name at the unit and birth year), store the intake.   target < 10 s
  * ``commit``: ``interchange.commit.commit_intake`` — the batch and its nominees through one
    ``workflow.add_nominations`` (scope and hold checks, histories and the eligibility engine for
    the whole list, multi-row inserts with their audit entries), in one transaction.
                                                                                 target < 30 s

    .venv/bin/python bench/interchange.py                       # 500 rows, 10,000 people, SQLite
    .venv/bin/python bench/interchange.py --rows 2000 --people 100000 \\
        --database-url postgres://postgres@127.0.0.1:5432/thidua_bench_interchange
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Đức"]
GIVEN = ["Điệp", "Hương", "Thủy", "Dũng", "Quỳnh", "Nguyệt", "Ưng", "Đức", "Lan", "Bảo"]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--database-url", default=None,
                        help="PostgreSQL URL (name containing 'bench'); default: temporary SQLite")
    return parser.parse_args()


def prepare(url, workdir):
    """A fresh database (PostgreSQL: dropped and re-created, its name must contain "bench")."""
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
        url = f"sqlite:///{workdir / 'interchange.sqlite3'}"
    os.environ.update({"DATABASE_URL": url, "MEDIA_ROOT": str(workdir / "media"), "DEBUG": "0",
                       "LOG_LEVEL": "WARNING", "DJANGO_SETTINGS_MODULE": "thidua.settings"})
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def person_name(n):
    return FAMILY[n % 10], MIDDLE[(n // 10) % 6], f"{GIVEN[(n // 60) % 10]} {n}"


def build(people, units):
    """(superuser, Huế alliance): the network, people spread over the cooperatives."""
    from thidua.accounts.models import User
    from thidua.core.text import normalize, person_sort_key
    from thidua.organizations import services
    from thidua.organizations.models import Employment, Organization, Person

    root = User.objects.create_superuser("bench", "bench@example.org", "bench-password-123")
    vca = services.create_organization(root, None, Organization(
        kind="NATIONAL_ALLIANCE", code="VCA", name="Liên minh Hợp tác xã Việt Nam"))
    hue = services.create_organization(root, vca, Organization(
        kind="PROVINCIAL_ALLIANCE", code="P46", name="Liên minh Hợp tác xã Thành phố Huế"))
    coops = [services.create_organization(root, hue, Organization(
        kind="COOPERATIVE", code=f"P46-HTX{n:03d}", name=f"Hợp tác xã số {n}"))
        for n in range(units)]
    rows = []
    for n in range(people):
        family, middle, given = person_name(n)
        rows.append(Person(family_name=family, middle_name=middle, given_name=given,
                           gender="FEMALE" if middle == "Thị" else "MALE",
                           birth_date=date(1970 + n % 30, 1 + n % 12, 1 + n % 28),
                           search_text=normalize(f"{family} {middle} {given}"),
                           sort_key=person_sort_key(family, middle, given)))
    rows = Person.objects.bulk_create(rows, batch_size=2000)
    Employment.objects.bulk_create(
        (Employment(person=person, organization=coops[n % units], category="MEMBER",
                    position="Thành viên", start_date=date(2015, 1, 1))
         for n, person in enumerate(rows)), batch_size=2000)
    return root, hue


def letter(rows, units):
    """The tờ trình's bytes."""
    import docx

    from thidua.core.text import normalize

    document = docx.Document()
    heading = document.add_table(rows=1, cols=2)
    left, right = heading.rows[0].cells
    left.text = "LIÊN MINH HỢP TÁC XÃ VIỆT NAM"
    left.add_paragraph("LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HUẾ")
    left.add_paragraph("Số: 45/TTr-LMHTX")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Huế, ngày 05 tháng 12 năm 2025")
    document.add_paragraph("TỜ TRÌNH")
    document.add_paragraph("Về việc đề nghị tặng Giấy khen năm 2025")
    table = document.add_table(rows=rows + 3, cols=5)
    for index, title in enumerate(["STT", "Họ và tên", "Năm sinh", "Chức vụ, đơn vị công tác",
                                   "Hình thức khen thưởng"]):
        table.cell(0, index).text = title
    table.cell(1, 0).merge(table.cell(1, 4)).text = "I. Cá nhân"
    for n in range(rows):
        name = " ".join(person_name(n))
        cells = table.rows[n + 2].cells
        cells[0].text, cells[1].text = str(n + 1), normalize(name).title() if n % 10 == 0 else name
        cells[2].text = str(1970 + n % 30)
        cells[3].text = f"Thành viên, Hợp tác xã số {n % units}"
        cells[4].text = "Giấy khen"
    table.cell(rows + 2, 0).merge(table.cell(rows + 2, 4)).text = f"Tổng cộng: {rows} người"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main():
    args = arguments()
    workdir = Path(tempfile.mkdtemp(prefix="thidua-bench-interchange-"))
    try:
        prepare(args.database_url, workdir)
        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.db import connection

        from thidua.interchange.commit import Review, commit_intake
        from thidua.interchange.intake import read_files

        user, hue = build(args.people, args.units)
        data = letter(args.rows, args.units)
        print(f"{connection.vendor}: {args.rows:,} nominees among {args.people:,} people in "
              f"{args.units} units, .docx {len(data) / 1e3:.0f} kB, load average "
              f"{os.getloadavg()[0]:.1f}")
        start = time.perf_counter()
        intake = read_files(user, [SimpleUploadedFile("to-trinh.docx", data)])
        reading = time.perf_counter() - start
        statuses = [row["match"]["status"] for row in intake.rows]
        assert statuses.count("matched") == args.rows, {s: statuses.count(s) for s in statuses}
        start = time.perf_counter()
        batch = commit_intake(user, intake, Review(authority=hue, title=intake.title,
                                                   year=intake.year))
        committing = time.perf_counter() - start
        assert batch.items.count() == args.rows
        print(f"read  (parse + match {args.rows} rows): {reading:6.2f} s  "
              f"({reading / args.rows * 1000:.1f} ms/row)  target < 10 s")
        print(f"commit (batch + {args.rows} nominees):   {committing:6.2f} s  "
              f"({committing / args.rows * 1000:.1f} ms/row)  target < 30 s")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
