"""Stored eligibility (``StoredVerdict``): each person's eligible and "almost" types for the
proposal years in progress, kept in step with the history instead of recomputed on every read.

* ``people_changed(ids)`` is the follow-up the services that change a person's history call by
  name — an award written or revoked (``followups.awards_written``), a rating, a discipline, a
  hold (``services``), an initiative (``records.services``). The people are gathered over the
  transaction and refreshed once it commits: a Celery task when a broker is configured, inline
  otherwise (``core.tasks.run_task``); a rollback drops them with everything else.
* ``refresh_people(ids, year)``: the incremental path — one history query per 2,000 people
  (``histories.individuals``), one ``Evaluator`` (people sharing a history share one evaluation
  and its digest: ``rows_of``), one upsert.
* ``refresh_all(year)``: the full pass, by ranges of primary keys like the national bench; run
  every night (``tasks.refresh_verdicts``) for what changes without a service call: the date
  (a hold ending, the evaluation date moving while the year is in progress), the catalogue of
  conferral powers, a rule. It reads each range's stored rows, rewrites only those whose
  verdict changed and records the pass (``VerdictPass``), which is what makes an unchanged row current.

Verdicts are those of ``eligibility.evaluator`` with the registry's powers, the engine's default
types of the period — the national recompute's; a regime confirmed by an administrator
(``regimes.judge``) is not applied here (see docs/eligibility.md).
"""
from django.db import connection, transaction
from django.db.models import Max, Min, Q
from django.utils import timezone

from thidua.core.tasks import run_task
from thidua.organizations.models import Person

from . import histories
from .eligibility import evaluator
from .eligibility.individual import status_key
from .eligibility.texts import texts
from .issuing import power_table
from .models import StoredVerdict, VerdictPass
from .qualification import ELIGIBLE, people_in, status_of

RANGE = 5000  # people per history query in the full pass
LAST_YEAR_UNTIL = (3, 31)  # last year's proposals are still being made until this day (month, day)


def proposal_years(day):
    """The years whose proposals are open on ``day``: its own, and until 31 March the year before
    (its year-end review and the decisions on it run into the new year)."""
    if (day.month, day.day) <= LAST_YEAR_UNTIL:
        return [day.year - 1, day.year]
    return [day.year]


def _digest(results):
    """(eligible codes, almost codes) of one subject's results (one per type, in order)."""
    otherwise = texts().otherwise
    eligible, almost = [], []
    for verdict in results:
        status = status_of(verdict, otherwise)
        if status == ELIGIBLE:
            eligible.append(verdict["type"])
        elif status is not None:
            almost.append(verdict["type"])
    return " ".join(eligible), " ".join(almost)


def rows_of(judge, subjects):
    """(person pk, eligible codes, almost codes, on hold) per subject, judged by ``judge`` (an
    ``Evaluator``): people whose histories agree on what decides these (``status_key``) share
    one evaluation and one digest of it, over every list this evaluator judges."""
    digests = judge.summaries(subjects, _digest, status_key)
    return [(int(subject.id[1:]), eligible, almost, bool(subject.holds))
            for subject, (eligible, almost) in zip(subjects, digests, strict=True)]


def stored_between(lo, hi, year):
    """{person pk: (eligible, almost, on hold)} stored for ``year`` with ``lo <= pk < hi``."""
    with connection.cursor() as cursor:
        # nosec B608: the table name is the model's; every value is a bound parameter
        cursor.execute(
            f"SELECT person_id, eligible, almost, on_hold FROM {StoredVerdict._meta.db_table} "  # nosec B608
            "WHERE year = %s AND person_id >= %s AND person_id < %s", [year, lo, hi])
        return {pk: (eligible, almost, bool(on_hold))
                for pk, eligible, almost, on_hold in cursor.fetchall()}


def changed_rows(rows, stored):
    """The rows whose verdict is not the one ``stored`` ({pk: (eligible, almost, on hold)})."""
    get = stored.get
    return [row for row in rows if get(row[0]) != row[1:]]


def store_rows(rows, year, computed_at, only_changed=False):
    """Insert or update ``rows``; with ``only_changed`` a row whose verdict is the stored one is
    left as it is (PostgreSQL: one statement over arrays; elsewhere the ORM's upsert)."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        if only_changed:
            stored = {(pk, *verdict) for pk, *verdict in StoredVerdict.objects.filter(
                year=year, person__in=[row[0] for row in rows]).values_list(
                "person_id", "eligible", "almost", "on_hold")}
            rows = [row for row in rows if row not in stored]
        StoredVerdict.objects.bulk_create(
            [StoredVerdict(person_id=pk, year=year, eligible=eligible, almost=almost,
                           on_hold=on_hold, computed_at=computed_at)
             for pk, eligible, almost, on_hold in rows],
            update_conflicts=True, unique_fields=["person", "year"],
            update_fields=["eligible", "almost", "on_hold", "computed_at"])
        return
    table = StoredVerdict._meta.db_table
    changed = (f" WHERE ({table}.eligible, {table}.almost, {table}.on_hold) IS DISTINCT FROM "
               "(EXCLUDED.eligible, EXCLUDED.almost, EXCLUDED.on_hold)") if only_changed else ""
    people, eligible, almost, on_hold = (list(column) for column in zip(*rows, strict=True))
    with connection.cursor() as cursor:
        # nosec B608: the table name is the model's; every value is a bound parameter
        cursor.execute(
            f"INSERT INTO {table} (person_id, year, eligible, almost, on_hold, computed_at) "  # nosec B608
            "SELECT p, %s, e, a, h, %s FROM unnest(%s::bigint[], %s::text[], %s::text[], "
            "%s::boolean[]) AS u(p, e, a, h) ON CONFLICT (person_id, year) DO UPDATE SET "
            "eligible = EXCLUDED.eligible, almost = EXCLUDED.almost, "
            f"on_hold = EXCLUDED.on_hold, computed_at = EXCLUDED.computed_at{changed}",
            [year, computed_at, people, eligible, almost, on_hold])


def judge_for(year):
    """The evaluation date and an ``Evaluator`` for ``year``'s proposals."""
    as_of = histories.default_as_of(year)
    return as_of, evaluator(as_of.isoformat(), year)


def refresh_people(person_ids, year):
    """Judge ``person_ids`` for ``year`` from their history now and store the verdicts; returns
    how many people were stored (ids of people that no longer exist are skipped)."""
    as_of, judge = judge_for(year)
    subjects = histories.individuals(sorted(set(person_ids)), year, as_of)
    with transaction.atomic():
        store_rows(rows_of(judge, subjects), year, timezone.now())
    return len(subjects)


def refresh_between(lo, hi, year, as_of, judge, computed_at, powers):
    """The full pass over people with ``lo <= pk < hi`` (one history query), unchanged verdicts
    left as they are: the range's stored verdicts are read (one query) and only the rows that
    differ are written, so a night with few changes writes (and locks) few rows. Returns how
    many people were judged."""
    subjects = histories.individuals_between(lo, hi, year, as_of, powers)
    rows = changed_rows(rows_of(judge, subjects), stored_between(lo, hi, year))
    store_rows(rows, year, computed_at, only_changed=True)
    return len(subjects)


def refresh_all(year):
    """Judge everyone for ``year`` by ranges of ``RANGE`` primary keys, one transaction each;
    then record the pass. Returns how many people were judged."""
    started = timezone.now()
    as_of, judge = judge_for(year)
    powers = power_table()
    bounds = Person.objects.unscoped("the nightly check judges everyone").aggregate(
        lo=Min("pk"), hi=Max("pk"))
    people = 0
    if bounds["lo"] is not None:
        for lo in range(bounds["lo"], bounds["hi"] + 1, RANGE):
            with transaction.atomic():
                people += refresh_between(lo, lo + RANGE, year, as_of, judge, started, powers)
    VerdictPass.objects.update_or_create(year=year, defaults={
        "started_at": started, "finished_at": timezone.now(), "people": people})
    return people


def refresh_changed(person_ids):
    """The follow-up's work once the change committed: ``person_ids`` judged again for every
    proposal year open today."""
    return {year: refresh_people(person_ids, year)
            for year in proposal_years(timezone.localdate())}


def refresh_open_years():
    """The nightly check: the full pass for every proposal year open today."""
    return {year: refresh_all(year) for year in proposal_years(timezone.localdate())}


class _AfterCommit:
    """The people of one transaction whose history changed, refreshed once it commits."""

    def __init__(self):
        self.people, self.done = set(), False

    def __call__(self):
        self.done = True  # (a test running the callbacks leaves them in the transaction's list)
        run_task(refresh_changed, sorted(self.people))


def people_changed(person_ids):
    """The follow-up of a change to these people's history (``None`` entries, a unit's rows,
    are ignored): refresh their stored verdicts when the transaction commits, once for all the
    people it changed. (A person whose change was undone by a savepoint inside a transaction
    that commits is refreshed too: harmless, the refresh reads what committed.)"""
    people = {pk for pk in person_ids if pk is not None}
    if not people:
        return
    pending = next((entry[1] for entry in transaction.get_connection().run_on_commit
                    if isinstance(entry[1], _AfterCommit) and not entry[1].done), None)
    if pending is None:
        pending = _AfterCommit()
        pending.people |= people
        transaction.on_commit(pending)  # outside a transaction: runs now
    else:
        pending.people |= people


def stored_in(user, unit, year):
    """The stored verdicts of ``year`` that find someone eligible or one condition short, of the
    people working in ``unit``'s subtree whom ``user`` may see, by name."""
    people = people_in(unit, user).values("pk")
    return (StoredVerdict.objects.in_scope(Q(person__in=people)).filter(year=year)
            .exclude(eligible="", almost="").select_related("person")
            .order_by("person__sort_key", "person_id"))


def last_pass(year):
    """The last finished full pass over ``year`` (a ``VerdictPass``), or None."""
    return VerdictPass.objects.filter(year=year, finished_at__isnull=False).first()
