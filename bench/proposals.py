"""Proposed application changes, applied to the benchmark process and database only, so that
``bench/org_scale.py --proposed p4,…`` measures their effect without touching the app.

p1, p2, p3, p3w and p5 of ``bench/RESULTS.md`` are now part of the app. What remains:

p4  A denormalised ``Person.unit_scope bigint[]`` (ids of every unit that is, or is an ancestor
    of, a unit where the person currently works) with a GIN index; ``person_q`` tests
    ``unit_scope && ARRAY[...]`` for include-descendants assignments instead of EXISTS over
    employments; one GIN index over (unit_scope, search_text gin_trgm_ops) serves scope alone
    and scope + name together. Here the column is ``bench_unit_scope``, filled by SQL.
p6  With p3: a search counts to 1,000 instead of 10,000 ("more than 1,000 results, narrow the
    search"), so at most 1,001 hits are read.
"""
ALL = ("p4", "p6")
SCOPE_COLUMN = "bench_unit_scope"


# --------------------------------------------------------------------------- database side

def apply_sql(selected):
    """Create the proposed indexes/columns (PostgreSQL only); idempotent."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        if "p4" in selected:
            cursor.execute(
                "SELECT 1 FROM information_schema.columns "
                "WHERE table_name = 'organizations_person' AND column_name = %s", [SCOPE_COLUMN])
            if not cursor.fetchone():
                fill_unit_scope(cursor)
            # One GIN index over both columns: scope and name trigrams intersect inside the index
            # (a BitmapAnd of two separate GIN indexes built a 150k-row bitmap for "nguyen van").
            cursor.execute(f"CREATE INDEX IF NOT EXISTS bench_person_scope_search "
                           f"ON organizations_person USING gin ({SCOPE_COLUMN}, "
                           f"search_text gin_trgm_ops)")
            cursor.execute("ANALYZE organizations_person")


def fill_unit_scope(cursor):
    """bench_unit_scope = ids of the current units and all their ancestors, per person."""
    cursor.execute(f"ALTER TABLE organizations_person ADD COLUMN {SCOPE_COLUMN} bigint[] "
                   "NOT NULL DEFAULT '{}'")
    cursor.execute("""
        CREATE TEMP TABLE bench_ancestor AS
        SELECT o.id AS org_id, a.id AS ancestor_id
        FROM organizations_organization o
        CROSS JOIN LATERAL generate_series(1, o.depth) AS step(n)
        JOIN organizations_organization a ON a.path = substr(o.path, 1, 4 * step.n)
    """)
    cursor.execute(f"""
        UPDATE organizations_person p SET {SCOPE_COLUMN} = s.ids
        FROM (
            SELECT e.person_id, array_agg(DISTINCT x.ancestor_id ORDER BY x.ancestor_id) AS ids
            FROM organizations_employment e
            JOIN bench_ancestor x ON x.org_id = e.organization_id
            WHERE e.end_date IS NULL OR e.end_date >= current_date
            GROUP BY e.person_id
        ) s
        WHERE s.person_id = p.id
    """)
    cursor.execute("DROP TABLE bench_ancestor")
    cursor.execute("VACUUM (FULL, ANALYZE) organizations_person")  # the UPDATE left every row twice


def revert_sql():
    """Back to the app's own schema (for baseline runs on a reused database)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS bench_person_unit_scope")
        cursor.execute("DROP INDEX IF EXISTS bench_person_scope_search")
        cursor.execute(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'organizations_person' AND column_name = %s", [SCOPE_COLUMN])
        if cursor.fetchone():
            cursor.execute(f"ALTER TABLE organizations_person DROP COLUMN {SCOPE_COLUMN}")
            cursor.execute("VACUUM (FULL, ANALYZE) organizations_person")


# --------------------------------------------------------------------------- code side

def scoped_person_q(original):
    """p4: include-descendant assignments test the denormalised scope array."""
    from django.db.models import BooleanField, Q
    from django.db.models.expressions import RawSQL

    from thidua.organizations import scoping

    def person_q(user, roles=scoping.PEOPLE_READERS):
        if getattr(user, "is_superuser", False) and user.is_active:
            return Q()
        rows = [row for row in scoping.assignments(user) if row[0] in roles]
        if not rows or not all(include for *_, include in rows):
            return original(user, roles)
        if any(len(path) == 4 for _, _, path, _ in rows):  # a root: every unit is in scope
            return Q(RawSQL(f'"organizations_person"."{SCOPE_COLUMN}" <> %s', ("{}",),
                            output_field=BooleanField()))
        ids = sorted({org_id for _, org_id, _, _ in rows})
        return Q(RawSQL(f'"organizations_person"."{SCOPE_COLUMN}" && %s::bigint[]', (ids,),
                        output_field=BooleanField()))

    return person_q


def apply_code(selected):
    """Patch the running app the way the proposals would change its code."""
    from thidua.core import views
    from thidua.organizations import scoping

    if "p4" in selected:
        scoping.person_q = scoped_person_q(scoping.person_q)
    if "p6" in selected:
        views.SearchPaginator.cap = 1_000


def apply(selected):
    """Apply the selected proposals; p4 is PostgreSQL-only and skipped elsewhere.
    Returns the proposals actually applied."""
    from django.db import connection

    unknown = set(selected) - set(ALL)
    if unknown:
        raise SystemExit(f"Unknown proposal(s): {', '.join(sorted(unknown))}; known: {ALL}")
    if connection.vendor != "postgresql":
        selected = [name for name in selected if name != "p4"]
    apply_sql(selected)
    apply_code(selected)
    return selected
