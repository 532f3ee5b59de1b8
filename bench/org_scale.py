#!/usr/bin/env python
"""The network at national scale: does the organisation tree, people search and the list pages
stay fast with 110,000 units and 2,000,000 people?

What it builds (``--scale 1``; ``--scale 0.01`` shrinks units and people a hundredfold)
  * 1 national alliance (VCA) → 20 departments/units and 34 provincial alliances; under each
    province ~3,200 cooperatives, cooperative groups, credit funds and unions, some unions and
    cooperatives with children of their own (a fourth level). Treebeard paths (steplen 4, base 36),
    ``depth`` and ``numchild`` are computed here; ``search_text``/``sort_key`` come from the app's
    own ``Organization.refresh_derived_fields`` and ``thidua.core.text``.
  * 2,000,000 people with a realistic Vietnamese name distribution (Nguyễn ≈ 38 %, Trần, Lê,
    Phạm…, see ``bench/vn_data.py``) and ~1.1 employments each: everyone has one, ~3 % of those
    ended, ~10 % also have an earlier, ended one.
  * Rows go in with PostgreSQL ``COPY`` (psycopg 3), or ``bulk_create`` on SQLite; then
    ``VACUUM ANALYZE`` (PostgreSQL) or ``ANALYZE`` (SQLite).

What it measures (warm cache, wall-clock time in this Python process, so ORM and template time
count)
  * descendants: ``list(Organization.objects.get_descendants(province))`` for every province —
    one ``path LIKE 'xxxx%'`` query, model instances built; also the pk-only variant.
  * people search: ~200 realistic unaccented queries ("nguyen van diep", "tran thi", "le hoa"…);
    each sample is what the people list issues for ``?q=``: the capped count (``LIMIT 10001``)
    plus the first page of 25 ordered by the Vietnamese sort key. Done unscoped (superuser),
    for the national admin (the whole network, through ``Person.objects.visible_to``) and
    scoped to a province EC officer.
  * list pages: the people and organisation lists rendered through Django's test ``Client``
    (``force_login``; middleware, session, queries, template) for a province EC officer, the
    national admin (SYSTEM_ADMIN at the VCA with descendants) and a superuser.
  p50/p95/max are reported in milliseconds against the targets: search p95 < 100 ms,
  descendants < 50 ms, list page p95 < 200 ms.

The database is the script's own: ``postgres://postgres@127.0.0.1:5432/thidua_bench`` is
dropped and re-created (the name must contain "bench"), migrated, loaded and measured. ``--keep``
leaves it in place, ``--reuse`` skips loading when it already holds data. ``--sqlite [FILE]``
uses a temporary (or the given) SQLite file instead. ``--explain`` prints PostgreSQL plans of
the slowest queries of each page. ``--proposed P1,P2|all`` first applies the proposed app
changes of ``bench/proposals.py`` (in this process only; none is left). ``--only-search``
measures people search alone.

    .venv/bin/python bench/org_scale.py --scale 0.01 --sqlite
    .venv/bin/python bench/org_scale.py --scale 1 --keep    # load ~2 min, measuring ~10 min
    .venv/bin/python bench/org_scale.py --reuse --keep --proposed all
"""
import argparse
from contextlib import contextmanager
import itertools
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

import proposals  # bench/ is sys.path[0] when run as a script
import vn_data

FULL_ORGS = 110_000
FULL_PEOPLE = 2_000_000
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thidua_bench"
TARGETS_MS = {"descendants": 50, "search": 100, "page": 200}
STEPLEN, ALPHABET = 4, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PEOPLE_CHUNK = 50_000
TODAY = date.today()


# --------------------------------------------------------------------------- database set-up

def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of 110,000 units / 2,000,000 people (default 1)")
    parser.add_argument("--database-url", default=DEFAULT_URL,
                        help=f"PostgreSQL database to (re)create (default {DEFAULT_URL})")
    parser.add_argument("--sqlite", nargs="?", const="", default=None, metavar="FILE",
                        help="use SQLite: a temporary file, or FILE")
    parser.add_argument("--keep", action="store_true", help="leave the database for --reuse")
    parser.add_argument("--reuse", action="store_true",
                        help="keep an existing database and skip loading if it has data")
    parser.add_argument("--searches", type=int, default=200, help="search queries (default 200)")
    parser.add_argument("--renders", type=int, default=20,
                        help="requests per list page and user (default 20)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--proposed", default="", metavar="P1,P2,…",
                        help="apply proposed app changes from bench/proposals.py first "
                             "(comma list or 'all'); without it a reused database is reverted")
    parser.add_argument("--only-search", action="store_true",
                        help="measure people search only (no subtrees, no list pages)")
    parser.add_argument("--explain", action="store_true",
                        help="print EXPLAIN ANALYZE of each page's slowest queries (PostgreSQL)")
    return parser.parse_args(argv)


def with_dbname(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def prepare_postgres(url, reuse):
    """Drop and create the benchmark database (or keep it with ``reuse``)."""
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"Refusing to drop {name!r}: the benchmark database name must contain 'bench'.")
    with psycopg.connect(with_dbname(url, "postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reuse:
            return
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare_database(args):
    """Point Django at the benchmark database, set it up and migrate; return a cleanup callable."""
    tmpdir = None
    if args.sqlite is not None:
        if args.sqlite:
            path = Path(args.sqlite).resolve()
        else:
            tmpdir = tempfile.mkdtemp(prefix="thidua-bench-")
            path = Path(tmpdir) / "org_scale.sqlite3"
        if path.exists() and not args.reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        url = args.database_url
        prepare_postgres(url, args.reuse)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "0")  # no query log in memory; production-like templates
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # no django-axes login chatter
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)

    def cleanup():
        if tmpdir and not args.keep:
            shutil.rmtree(tmpdir, ignore_errors=True)

    return url, cleanup


# --------------------------------------------------------------------------- data generation

class Tree:
    """Organisation rows in creation order, with treebeard materialised paths."""

    def __init__(self):
        self.rows = []

    def add(self, parent, **fields):
        if parent is None:
            number, prefix, depth = 1 + sum(r["depth"] == 1 for r in self.rows), "", 1
        else:
            parent["numchild"] += 1
            number, prefix, depth = parent["numchild"], parent["path"], parent["depth"] + 1
        row = dict(fields, id=len(self.rows) + 1, path=prefix + encode_step(number), depth=depth,
                   numchild=0)
        self.rows.append(row)
        return row


def encode_step(number):
    """Treebeard's step: ``number`` in base 36, zero-padded to STEPLEN characters."""
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, ALPHABET[0])


def random_date(rng, start_year, end):
    start = date(start_year, 1, 1)
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def build_organizations(scale, rng):
    """The whole tree as a list of row dicts; the province rows are returned too."""
    from vietnam_provinces import Province

    tree = Tree()
    root = tree.add(None, kind="NATIONAL_ALLIANCE", code="VCA", short_name="LMHTX VN",
                    name="Liên minh Hợp tác xã Việt Nam")
    for number, (kind, name) in enumerate(vn_data.VCA_DEPARTMENTS, 1):
        tree.add(root, kind=kind, code=f"VCA-{number:02d}", name=name)
    provinces = list(Province.iter_all())
    top = len(tree.rows) + len(provinces)
    per_province = max(1, round((FULL_ORGS * scale - top) / len(provinces)))
    province_rows = []
    for province in provinces:
        code = int(province.code)
        short = province.name.removeprefix("Thành phố ")
        row = tree.add(root, kind="PROVINCIAL_ALLIANCE", code=f"P{code:02d}",
                       name=f"Liên minh Hợp tác xã {province.name}", short_name=f"LMHTX {short}",
                       province_code=code, province_name=province.name)
        province_rows.append(row)
        add_members(tree, row, province, per_province, rng)
    return tree.rows, province_rows


MEMBER_KINDS = [("COOPERATIVE", 65), ("COOPERATIVE_GROUP", 30), ("CREDIT_FUND", 2),
                ("COOPERATIVE_UNION", 1), ("OTHER", 2)]
CODE_PREFIX = {"COOPERATIVE": "HTX", "COOPERATIVE_GROUP": "THT", "CREDIT_FUND": "QTD",
               "COOPERATIVE_UNION": "LH", "OTHER": "DV"}


def add_members(tree, province_row, province, budget, rng):
    """``budget`` units under a provincial alliance; unions and a few cooperatives get children."""
    from vietnam_provinces import Ward

    wards = list(Ward.iter_by_province(int(province.code)))
    kinds, weights = zip(*MEMBER_KINDS)
    seen_names = {}
    used = 0
    while used < budget:
        kind = rng.choices(kinds, weights)[0]
        parent = tree.add(province_row, **member_fields(kind, province, wards, seen_names, rng))
        used += 1
        children = 0
        if kind == "COOPERATIVE_UNION":
            children, child_kind = rng.randint(3, 10), "COOPERATIVE"
        elif kind == "COOPERATIVE" and rng.random() < 0.04:
            children, child_kind = rng.randint(1, 4), "COOPERATIVE_GROUP"
        for _ in range(min(children, budget - used)):
            tree.add(parent, **member_fields(child_kind, province, wards, seen_names, rng))
            used += 1


def member_fields(kind, province, wards, seen_names, rng):
    ward = rng.choice(wards)
    place = ward.name.split(" ", 1)[1] if ward.name.startswith(("Xã ", "Phường ")) else ward.name
    activity, sector = rng.choice(vn_data.COOP_ACTIVITIES)
    if kind == "COOPERATIVE_GROUP":
        name, sector = f"Tổ hợp tác {rng.choice(vn_data.GROUP_PRODUCTS)} {place}", "AGRICULTURE"
    elif kind == "CREDIT_FUND":
        name, sector = f"Quỹ tín dụng nhân dân {place}", "CREDIT"
    elif kind == "COOPERATIVE_UNION":
        name = f"Liên hiệp hợp tác xã {activity} {province.name.removeprefix('Thành phố ')}"
    elif kind == "OTHER":
        name, sector = f"Trung tâm hỗ trợ hợp tác xã {place}", "OTHER"
    else:
        name = f"Hợp tác xã {activity} {place}"
    seen_names[name] = seen_names.get(name, 0) + 1
    if seen_names[name] > 1:
        name = f"{name} {seen_names[name]}"
    code = int(province.code)
    serial = sum(seen_names.values())
    dissolved = rng.random() < 0.06
    founded = random_date(rng, 1980, TODAY - timedelta(days=400))
    return {
        "kind": kind, "code": f"{CODE_PREFIX[kind]}{code:02d}{serial:05d}", "name": name,
        "short_name": f"HTX {place}" if kind == "COOPERATIVE" and rng.random() < 0.3 else "",
        "tax_code": "" if kind == "COOPERATIVE_GROUP" else str(rng.randrange(10**9, 10**10)),
        "sector": sector, "founding_date": founded, "is_new_model": rng.random() < 0.2,
        "province_code": code, "province_name": province.name,
        "ward_code": int(ward.code), "ward_name": ward.name,
        "status": "DISSOLVED" if dissolved else "ACTIVE",
        "status_date": founded + timedelta(days=365) if dissolved else None,
    }


def add_derived_fields(rows):
    """search_text and sort_key exactly as ``Organization.save`` computes them."""
    from thidua.organizations.models import Organization

    for row in rows:
        org = Organization(code=row["code"], name=row["name"], short_name=row.get("short_name", ""),
                           tax_code=row.get("tax_code", ""), province_code=row.get("province_code"),
                           province_name=row.get("province_name", ""))
        org.refresh_derived_fields()
        row["search_text"], row["sort_key"] = org.search_text, org.sort_key


class Names:
    """Draws (family, middle, given, gender) from the weighted lists in ``vn_data``."""

    def __init__(self, rng):
        self.rng = rng
        self.family = self._table(vn_data.FAMILY_NAMES)
        self.middle = {"MALE": self._table(vn_data.MALE_MIDDLE_NAMES),
                       "FEMALE": self._table(vn_data.FEMALE_MIDDLE_NAMES)}
        self.given = {"MALE": self._table(vn_data.zipf(vn_data.MALE_GIVEN_NAMES)),
                      "FEMALE": self._table(vn_data.zipf(vn_data.FEMALE_GIVEN_NAMES))}
        self._derived = {}

    @staticmethod
    def _table(weighted):
        names, weights = zip(*weighted)
        return names, list(itertools.accumulate(weights))

    def _pick(self, table):
        return self.rng.choices(table[0], cum_weights=table[1])[0]

    def draw(self):
        gender = "MALE" if self.rng.random() < 0.52 else "FEMALE"
        return (self._pick(self.family), self._pick(self.middle[gender]),
                self._pick(self.given[gender]), gender)

    def derived(self, family, middle, given):
        """(search_text, sort_key) as ``Person.save`` computes them, cached per name."""
        from thidua.core.text import normalize, person_sort_key

        key = (family, middle, given)
        if key not in self._derived:
            full = " ".join(p for p in key if p)
            self._derived[key] = (normalize(full), person_sort_key(family, middle, given))
        return self._derived[key]


ORG_STAFF_WEIGHT = {"NATIONAL_ALLIANCE": 60, "ALLIANCE_DEPARTMENT": 15, "ALLIANCE_UNIT": 40,
                    "PROVINCIAL_ALLIANCE": 25, "COOPERATIVE_UNION": 12, "COOPERATIVE": 20,
                    "COOPERATIVE_GROUP": 8, "CREDIT_FUND": 25, "OTHER": 10}
PERSON_FIELDS = ["id", "family_name", "middle_name", "given_name", "gender", "birth_date",
                 "ethnicity", "search_text", "sort_key", "unit_scope"]
EMPLOYMENT_FIELDS = ["id", "person_id", "organization_id", "position", "category",
                     "is_direct_worker", "start_date", "end_date"]


def org_sampler(org_rows, rng):
    """Organisation ids and cumulative weights: bigger units employ more people (log-normal)."""
    ids, cumulative, total = [], [], 0.0
    for row in org_rows:
        total += ORG_STAFF_WEIGHT[row["kind"]] * rng.lognormvariate(0, 0.6)
        ids.append((row["id"], row["kind"]))
        cumulative.append(total)
    return ids, cumulative


def people_chunks(n_people, org_rows, rng):
    """Yield (person rows, employment rows) tuples in chunks of PEOPLE_CHUNK people."""
    names = Names(rng)
    org_ids, cumulative = org_sampler(org_rows, rng)
    scopes = unit_scopes(org_rows)
    ethnicities = ["01"] * 86 + [f"{n:02d}" for n in range(2, 16)]
    employment_id = 0
    for first in range(1, n_people + 1, PEOPLE_CHUNK):
        count = min(PEOPLE_CHUNK, n_people - first + 1)
        units = rng.choices(org_ids, cum_weights=cumulative, k=count)
        earlier_units = rng.choices(org_ids, cum_weights=cumulative, k=count)
        people, employments = [], []
        for offset in range(count):
            person_id = first + offset
            family, middle, given, gender = names.draw()
            search_text, key = names.derived(family, middle, given)
            jobs = person_employments(units[offset], earlier_units[offset], rng)
            scope = sorted({unit for org_id, *_rest, end in jobs if end is None or end >= TODAY
                            for unit in scopes[org_id]})
            people.append((person_id, family, middle, given, gender,
                           random_date(rng, 1955, date(2005, 1, 1)), rng.choice(ethnicities),
                           search_text, key, scope))
            for job in jobs:
                employment_id += 1
                employments.append((employment_id, person_id) + job)
        yield people, employments


def unit_scopes(org_rows):
    """Unit id → ids of the unit and its ancestors: what ``Person.unit_scope`` is made of (the
    app derives it on save; COPY skips that, see thidua/organizations/unit_scope.py)."""
    from thidua.organizations.unit_scope import ancestor_paths

    ids_by_path = {row["path"]: row["id"] for row in org_rows}
    return {row["id"]: [ids_by_path[prefix] for prefix in ancestor_paths(row["path"])]
            for row in org_rows}


def person_employments(unit, earlier_unit, rng):
    """The current (or, for ~3 %, ended) job and, for ~10 %, an earlier ended one."""
    start = random_date(rng, 1995, TODAY - timedelta(days=90))
    ended = start + timedelta(days=rng.randrange(30, 3000)) if rng.random() < 0.03 else None
    if ended and ended >= TODAY:
        ended = TODAY - timedelta(days=30)
    jobs = [employment_fields(unit, start, ended, rng)]
    if rng.random() < 0.10 and start.year > 1996:
        earlier_start = random_date(rng, 1985, start - timedelta(days=365))
        jobs.append(employment_fields(earlier_unit, earlier_start, start - timedelta(days=1), rng))
    return jobs


def employment_fields(unit, start, end, rng):
    org_id, kind = unit
    if kind in ("NATIONAL_ALLIANCE", "ALLIANCE_DEPARTMENT", "ALLIANCE_UNIT", "PROVINCIAL_ALLIANCE"):
        category = "STAFF" if rng.random() < 0.3 else "OFFICIAL"
    else:
        category = rng.choices(["MEMBER", "WORKER", "STAFF"], [70, 20, 10])[0]
    direct = category in ("MEMBER", "WORKER") and rng.random() < 0.6
    return (org_id, rng.choice(vn_data.POSITIONS[category]), category, direct, start, end)


# --------------------------------------------------------------------------- loading

def insert(model, fields, rows):
    """Insert tuples of ``fields``; other columns get the model field's default. COPY on
    PostgreSQL, bulk_create elsewhere."""
    from django.db import connection
    from psycopg.types.json import Jsonb

    given = set(fields)
    missing = [f for f in model._meta.concrete_fields if f.attname not in given]
    attnames = list(fields) + [f.attname for f in missing]
    defaults = tuple(f.get_default() for f in missing)
    if connection.vendor == "postgresql":
        columns = ", ".join(connection.ops.quote_name(model._meta.get_field(a).column)
                            for a in attnames)
        connection.ensure_connection()
        sql = f"COPY {model._meta.db_table} ({columns}) FROM STDIN"
        with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row([Jsonb(v) if isinstance(v, list | dict) else v
                                for v in row + defaults])
    else:
        objects = (model(**dict(zip(attnames, row + defaults))) for row in rows)
        batch = []
        for obj in objects:
            batch.append(obj)
            if len(batch) == 2000:
                model.objects.bulk_create(batch)
                batch = []
        model.objects.bulk_create(batch)


def load(args, rng):
    """Generate and insert everything; return seconds per step."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from thidua.organizations.models import Employment, Organization, Person

    timings = {}
    started = time.perf_counter()
    org_rows, _ = build_organizations(args.scale, rng)
    add_derived_fields(org_rows)
    org_fields = ["id"] + sorted({key for row in org_rows for key in row} - {"id"})
    defaults = {f: Organization._meta.get_field(f).get_default() for f in org_fields}
    with transaction.atomic():
        insert(Organization, org_fields,
               (tuple(row.get(f, defaults[f]) for f in org_fields) for row in org_rows))
    timings["organisations"] = time.perf_counter() - started

    started = time.perf_counter()
    n_people = max(1, round(FULL_PEOPLE * args.scale))
    for people, employments in people_chunks(n_people, org_rows, rng):
        with transaction.atomic():
            insert(Person, PERSON_FIELDS, people)
            insert(Employment, EMPLOYMENT_FIELDS, employments)
        done = people[-1][0]
        print(f"  … {done:,} / {n_people:,} people "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    timings["people + employments"] = time.perf_counter() - started

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Organization, Person, Employment]):
            cursor.execute(sql)
    started = time.perf_counter()
    analyze()
    timings["analyze"] = time.perf_counter() - started
    return timings


def analyze():
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in ("organizations_organization", "organizations_person",
                          "organizations_employment"):
                cursor.execute(f"VACUUM (ANALYZE) {table}")  # autocommit: outside atomic()
        else:
            cursor.execute("ANALYZE")


def bench_users():
    """A province EC officer, the national admin (SYSTEM_ADMIN at the VCA) and a superuser."""
    from thidua.accounts.models import Role, RoleAssignment, User
    from thidua.organizations.models import Organization

    root = Organization.objects.get(code="VCA")
    province = Organization.objects.get(code="P01")  # Hà Nội

    def user(username, role=None, unit=None, **extra):
        account, created = User.objects.get_or_create(username=username, defaults=extra)
        if created:
            account.set_unusable_password()
            account.save()
        if role:
            RoleAssignment.objects.get_or_create(user=account, organization=unit, role=role,
                                                 defaults={"include_descendants": True})
        return account

    return {
        "province EC officer": user("bench_officer", Role.EC_OFFICER, province),
        "national admin": user("bench_admin", Role.SYSTEM_ADMIN, root),
        "superuser": user("bench_root", is_superuser=True, is_staff=True),
    }


# --------------------------------------------------------------------------- measuring

def percentile(samples, fraction):
    ordered = sorted(samples)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def timed_ms(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - started) * 1000, result


def descendants(province):
    from thidua.organizations.models import Organization

    return list(Organization.objects.get_descendants(province))


def descendant_pks(province):
    from thidua.organizations.models import Organization

    return list(Organization.objects.get_descendants(province).values_list("pk", flat=True))


def measure_descendants(rounds=3):
    """Every province's subtree, model instances and pk only; the first round warms up."""
    from thidua.organizations.models import Organization

    provinces = list(Organization.objects.filter(kind="PROVINCIAL_ALLIANCE"))
    full, pks, sizes = [], [], []
    for round_number in range(rounds + 1):
        for province in provinces:
            ms, rows = timed_ms(descendants, province)
            ms_pk, _ = timed_ms(descendant_pks, province)
            if round_number:
                full.append(ms)
                pks.append(ms_pk)
                sizes.append(len(rows))
    return full, pks, round(statistics.mean(sizes))


def search_queries(count, rng):
    """Realistic search box input: full names, family + middle, family + given, given only,
    mostly unaccented; the three examples from the issue come first."""
    from thidua.core.text import normalize

    names = Names(rng)
    queries = ["nguyen van diep", "tran thi", "le hoa"]
    while len(queries) < count:
        family, middle, given, _ = names.draw()
        shape = rng.random()
        if shape < 0.35:
            text = f"{family} {middle} {given}"
        elif shape < 0.55:
            text = f"{family} {middle.split()[0]}"
        elif shape < 0.85:
            text = f"{family} {given}"
        elif shape < 0.95:
            text = given
        else:
            queries.append(f"{family} {middle} {given}")  # typed with diacritics
            continue
        queries.append(normalize(text))
    return queries


def search_sample(queryset):
    """What the people list does for ?q=: capped count, then the first ordered page (with the
    paginator the list view would use, which ``--proposed p3`` changes)."""
    from thidua.core import views

    paginator_class = getattr(views, "SearchPaginator", views.CappedPaginator)

    def run():
        paginator = paginator_class(queryset.order_by("sort_key", "pk"), 25)
        return paginator.count, list(paginator.page(1).object_list)

    return timed_ms(run)


def measure_search(queries, user):
    from thidua.organizations.models import Person

    base = Person.objects.visible_to(user)
    search_sample(base.search(queries[0]))  # warm-up
    samples, slowest = [], (0, "", 0)
    for query in queries:
        ms, (count, _) = search_sample(base.search(query))
        samples.append(ms)
        slowest = max(slowest, (ms, query, count))
    return samples, slowest


PAGES = [
    ("people list", "organizations:person_list", ""),
    ("organisation list", "organizations:organization_list", ""),
    ("people list ?q=nguyen van", "organizations:person_list", "q=nguyen+van"),
]


def measure_pages(users, renders, explain):
    """Render each list page for each user through the test Client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    results = []
    for actor, user in users.items():
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        for label, url_name, query in PAGES:
            url = reverse(url_name) + (f"?{query}" if query else "")
            for _ in range(2):  # warm-up: template loading, plans, cache
                assert client.get(url).status_code == 200, url
            samples = []
            for _ in range(renders):
                ms, response = timed_ms(client.get, url)
                assert response.status_code == 200
                samples.append(ms)
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            sql_ms = sum(float(q["time"]) for q in captured.captured_queries) * 1000
            results.append((f"{label} — {actor}", samples, len(captured), sql_ms))
            if explain and connection.vendor == "postgresql":
                explain_slowest(captured.captured_queries, f"{label} — {actor}")
    return results


def explain_slowest(queries, title, limit=2, threshold_ms=5):
    from django.db import connection

    slow = sorted(queries, key=lambda q: -float(q["time"]))[:limit]
    for query in slow:
        if float(query["time"]) * 1000 < threshold_ms:
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"\n### {title}: {float(query['time']) * 1000:.0f} ms\n\n```sql\n{query['sql']}\n```"
              f"\n\n```\n{plan}\n```", file=sys.stderr)


def explain_search(query, user):
    """Plans of the two search queries (capped count, first page) for one query string."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thidua.organizations.models import Person

    with CaptureQueriesContext(connection) as captured:
        search_sample(Person.objects.visible_to(user).search(query))
    explain_slowest(captured.captured_queries, f"search {query!r} — {user.username}", limit=2,
                    threshold_ms=0)


# --------------------------------------------------------------------------- report

def environment(url):
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            engine = f"PostgreSQL {cursor.fetchone()[0]}"
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            size = cursor.fetchone()[0]
        else:
            cursor.execute("SELECT sqlite_version()")
            engine = f"SQLite {cursor.fetchone()[0]}"
            size = f"{Path(urlsplit(url).path).stat().st_size / 2**20:.0f} MB"
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{engine}, {os.cpu_count()} CPUs, {memory:.0f} GiB RAM, database {size}, "
            f"load average {load} at the end")


def counts():
    from thidua.organizations.models import Employment, Organization, Person

    return (Organization.objects.count(), Person.objects.count(), Employment.objects.count(),
            Employment.objects.filter(end_date__isnull=False).count())


def row(label, samples, target=None, extra=""):
    p50, p95 = percentile(samples, 0.5), percentile(samples, 0.95)
    verdict = "" if target is None else ("✅" if p95 < target else "❌")
    target_text = f"< {target}" if target else ""
    return (f"| {label} | {len(samples)} | {p50:.1f} | {p95:.1f} | {max(samples):.1f} | "
            f"{target_text} {verdict} | {extra} |")


def report(env, totals, timings, descendants, searches, pages, proposed):
    orgs, people, employments, ended = totals
    lines = [
        f"{env}. Proposals: {', '.join(proposed) or 'none (the app as it is)'}.",
        "",
        f"{orgs:,} organisations, {people:,} people, {employments:,} employments "
        f"({ended:,} ended)." + ("" if not timings else " Load: " + ", ".join(
            f"{k} {v:.0f} s" for k, v in timings.items()) + "."),
        "",
        "| Measure (ms) | n | p50 | p95 | max | target p95 | notes |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    if descendants:
        full, pks, size = descendants
        lines.append(row("descendants of a province (model instances)", full,
                         TARGETS_MS["descendants"], f"~{size:,} rows"))
        lines.append(row("descendants of a province (pk only)", pks, TARGETS_MS["descendants"]))
    for actor, (samples, (ms, query, count)) in searches.items():
        lines.append(row(f"people search — {actor}", samples, TARGETS_MS["search"],
                         f"slowest {query!r} ({count:,} hits) {ms:.0f} ms"))
    for label, samples, n_queries, sql_ms in pages:
        lines.append(row(f"{label}", samples, TARGETS_MS["page"],
                         f"{n_queries} queries, {sql_ms:.0f} ms SQL"))
    return "\n".join(lines)


def parse_proposals(text):
    if text.strip() == "all":
        return list(proposals.ALL)
    return [name.strip() for name in text.split(",") if name.strip()]


def main(argv=None):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    with benchmark_database(args) as url:
        timings = network_loaded(args, rng, url)
        users = bench_users()
        proposed = parse_proposals(args.proposed)
        if proposed:
            print(f"Applying proposals {', '.join(proposed)} …", file=sys.stderr)
            proposed = proposals.apply(proposed)
        print("Measuring …", file=sys.stderr)
        descendants = None if args.only_search else measure_descendants()
        queries = search_queries(args.searches, random.Random(args.seed + 1))
        searches = {actor: measure_search(queries, users[actor])
                    for actor in ("superuser", "national admin", "province EC officer")}
        pages = [] if args.only_search else measure_pages(users, args.renders, args.explain)
        if args.explain:
            for query in ("nguyen van diep", "tran thi", "le hoa", "hoa"):
                for actor in ("superuser", "national admin", "province EC officer"):
                    explain_search(query, users[actor])
        print(report(environment(url), counts(), timings, descendants, searches, pages, proposed))


@contextmanager
def benchmark_database(args):
    """``prepare_database`` for a benchmark's run; on leaving, the database is dropped (and a
    temporary SQLite file removed) unless ``--keep``."""
    url, cleanup = prepare_database(args)
    try:
        yield url
        if args.keep:
            print(f"\nKept {url}", file=sys.stderr)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            if args.sqlite is None:
                drop_postgres(args.database_url)
            cleanup()


def network_loaded(args, rng, url):
    """Load the network unless ``--reuse`` finds one; the load's timings ({} when reused)."""
    from thidua.organizations.models import Person

    if args.reuse and Person.objects.exists():
        return {}
    print(f"Loading the network at scale {args.scale} into {url} …", file=sys.stderr)
    return load(args, rng)


def drop_postgres(url):
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(with_dbname(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
