"""Proposed application changes, applied to the benchmark process and database only, so that
``bench/org_scale.py --proposed p1,p2,…`` measures their effect without touching the app.

Each proposal mirrors a concrete code change written up in ``bench/RESULTS.md``:

p1  ``CappedPaginator.count`` drops the ORDER BY: counting "at most 10,001 rows" needs no order,
    and without it PostgreSQL can stop after 10,001 matches instead of sorting all of them.
p2  The ``employment_org_current`` index also carries ``person_id`` (INCLUDE), so "people with a
    current job under this province" is an index-only scan.
p3  A search lists its hits with one unordered, index-driven query that fetches (sort_key, pk) of
    at most 10,001 hits, orders them in Python and loads one page by primary key
    (``SearchPaginator``). Exact Vietnamese order when there are ≤ 10,000 hits; beyond that the
    page (which already says "more than 10,000, narrow the search") is ordered within the first
    10,001 hits found.
p3w p3, and people's names match by word prefix (``search_text ~ '(^| )term'``) instead of
    substring: pg_trgm then also gets trigrams for two-letter words (Lê, Hồ, Vũ, Võ, Lý, Vy…).
p4  A denormalised ``Person.unit_scope bigint[]`` (ids of every unit that is, or is an ancestor
    of, a unit where the person currently works) with a GIN index; ``person_q`` tests
    ``unit_scope && ARRAY[...]`` for include-descendants assignments instead of EXISTS over
    employments; one GIN index over (unit_scope, search_text gin_trgm_ops) serves scope alone
    and scope + name together. Here the column is ``bench_unit_scope``, filled by SQL.
p5  ``gc.freeze()`` once the WSGI application is loaded: the ~140,000 objects Django and the app
    create at start-up leave the cyclic garbage collector's generations, so a collection
    triggered while building a few thousand model instances no longer costs ~45 ms.
p6  With p3: a search counts to 1,000 instead of 10,000 ("more than 1,000 results, narrow the
    search"), so at most 1,001 hits are read.
"""
import re
from functools import cached_property

ALL = ("p1", "p2", "p3", "p3w", "p4", "p5", "p6")
SCOPE_COLUMN = "bench_unit_scope"


# --------------------------------------------------------------------------- database side

def apply_sql(selected):
    """Create the proposed indexes/columns (PostgreSQL only); idempotent."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        if "p2" in selected:
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS bench_employment_org_current_person "
                "ON organizations_employment (organization_id, end_date) INCLUDE (person_id)"
            )
            cursor.execute("VACUUM (ANALYZE) organizations_employment")
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
        cursor.execute("DROP INDEX IF EXISTS bench_employment_org_current_person")
        cursor.execute("DROP INDEX IF EXISTS bench_person_unit_scope")
        cursor.execute("DROP INDEX IF EXISTS bench_person_scope_search")
        cursor.execute(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'organizations_person' AND column_name = %s", [SCOPE_COLUMN])
        if cursor.fetchone():
            cursor.execute(f"ALTER TABLE organizations_person DROP COLUMN {SCOPE_COLUMN}")
            cursor.execute("VACUUM (FULL, ANALYZE) organizations_person")


# --------------------------------------------------------------------------- code side

def capped_count(self):
    """p1: the proposed ``CappedPaginator.count``."""
    object_list = self.object_list
    if hasattr(object_list, "order_by"):
        object_list = object_list.order_by()
    return object_list[: self.cap + 1].count()


def make_search_paginator():
    from thidua.core.views import CappedPaginator

    class SearchPaginator(CappedPaginator):
        """p3: one unordered query for (ordering…, pk) of at most cap + 1 hits, sorted here;
        a page is then loaded by primary key."""

        @cached_property
        def _hits(self):
            queryset = self.object_list
            fields = [name.lstrip("-") for name in queryset.query.order_by] or ["pk"]
            if fields[-1] != "pk":
                fields.append("pk")
            return sorted(queryset.order_by().values_list(*fields)[: self.cap + 1])

        @cached_property
        def count(self):
            return len(self._hits)

        def page(self, number):
            number = self.validate_number(number)
            bottom = (number - 1) * self.per_page
            pks = [row[-1] for row in self._hits[bottom:bottom + self.per_page]]
            found = self.object_list.order_by().in_bulk(pks)
            return self._get_page([found[pk] for pk in pks if pk in found], number, self)

    return SearchPaginator


def word_search_q(query, field="search_text"):
    """p3w: every word of the query starts a word of the normalised text."""
    from django.db.models import Q

    from thidua.core.text import search_terms

    condition = Q()
    for term in search_terms(query):
        condition &= Q(**{f"{field}__regex": rf"(^| ){re.escape(term)}"})
    return condition


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
    from thidua.organizations import filters, models, scoping

    if "p1" in selected or "p3" in selected or "p3w" in selected:
        views.CappedPaginator.count = cached_property(capped_count)
        views.CappedPaginator.count.__set_name__(views.CappedPaginator, "count")
    if "p3" in selected or "p3w" in selected:
        views.SearchPaginator = make_search_paginator()
        original_get = views.FilteredListMixin.get

        def get(self, request, *args, **kwargs):
            searching = bool(request.GET.get("q", "").strip())
            saved = views.CappedPaginator
            views.CappedPaginator = views.SearchPaginator if searching else saved
            try:
                return original_get(self, request, *args, **kwargs)
            finally:
                views.CappedPaginator = saved

        views.FilteredListMixin.get = get
    if "p3w" in selected:
        models.PersonQuerySet.search = lambda self, query: self.filter(word_search_q(query))
        filters.PersonFilter.filter_search = (
            lambda self, queryset, name, value: queryset.filter(word_search_q(value)))
    if "p4" in selected:
        scoping.person_q = scoped_person_q(scoping.person_q)
    if "p6" in selected and hasattr(views, "SearchPaginator"):
        views.SearchPaginator.cap = 1_000
    if "p5" in selected:
        import gc

        gc.collect()
        gc.freeze()  # what thidua/wsgi.py would do once the application is loaded


def apply(selected):
    """Apply the selected proposals; p2 and p4 are PostgreSQL-only and skipped elsewhere.
    Returns the proposals actually applied."""
    from django.db import connection

    unknown = set(selected) - set(ALL)
    if unknown:
        raise SystemExit(f"Unknown proposal(s): {', '.join(sorted(unknown))}; known: {ALL}")
    if connection.vendor != "postgresql":
        selected = [name for name in selected if name not in ("p2", "p4")]
    apply_sql(selected)
    apply_code(selected)
    return selected
