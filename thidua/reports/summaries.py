"""Keeping ``AwardSummary`` current.

Why a summary refreshed per year, and not counters updated on every write: awards arrive in
bulk (a decision issues hundreds, an import thousands, a revocation or an employment change
moves rows between groups), so exact incremental counters would need a rule for every kind of
change. Instead a change to an award only marks its year dirty (one tiny upsert, cheap on the
write path); rebuilding a year is one grouped query over that year's awards, run in a worker
right after the commit (``run_task``: inline without a broker) and again by the periodic task
``thidua.reports.refresh_summaries`` (Celery beat), which also rebuilds the current year so
changes that reach the figures without an award service (employment moves) are caught within a
period. Every award service calls ``awards_changed`` by name (see ``awards.followups``). Dashboards therefore never scan the registry for national or provincial scopes; figures
may lag a write by the time a worker takes to rebuild one year.
"""
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from thidua.core.tasks import run_task

from .facts import summary_rows
from .models import AwardSummary, SummaryYear


def _upsert_years(years, **values):
    """Bulk writes only: derived bookkeeping sends no signals, so the audit log skips it."""
    SummaryYear.objects.bulk_create([SummaryYear(year=year, **values) for year in years],
                                    update_conflicts=True, unique_fields=["year"],
                                    update_fields=list(values))


def _delete_year(year):
    """A plain DELETE: ``QuerySet.delete`` would send a signal (and write an audit line) for
    every derived row."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AwardSummary._meta.db_table} WHERE year = %s", [year])


def rebuild_year(year):
    """Replace the year's rows. The dirty mark is cleared before counting, so an award written
    meanwhile marks the year again; two workers rebuilding the same year queue on the year's
    row lock, so the later one's DELETE sees (and replaces) the earlier one's rows."""
    _upsert_years([year], dirty=False)
    rows = summary_rows(year)
    with transaction.atomic():
        SummaryYear.objects.select_for_update().filter(year=year).first()
        _delete_year(year)
        AwardSummary.objects.bulk_create(rows, batch_size=2000)
        SummaryYear.objects.filter(year=year).update(refreshed_at=timezone.now())
    return len(rows)


def mark_dirty(*years):
    _upsert_years({y for y in years if y}, dirty=True)


def refresh_dirty(also=()):
    """Rebuild every dirty year (and the years in ``also``); returns the years rebuilt."""
    years = sorted(set(SummaryYear.objects.filter(dirty=True).values_list("year", flat=True))
                   | set(also))
    for year in years:
        rebuild_year(year)
    return years


def refresh_all():
    from thidua.awards.models import Award

    years = set(Award.objects.order_by().values_list("year", flat=True).distinct())
    for year in set(SummaryYear.objects.exclude(year__in=years).values_list("year", flat=True)):
        _delete_year(year)
    SummaryYear.objects.exclude(year__in=years).update(dirty=False, refreshed_at=timezone.now())
    return refresh_dirty(also=years)


def _refresh_after_commit():
    run_task(refresh_dirty)


def schedule_refresh():
    """Rebuild the dirty years once the transaction commits (once, however many awards it
    wrote; a rollback drops the pending rebuild with everything else)."""
    pending = transaction.get_connection().run_on_commit
    if not any(entry[1] is _refresh_after_commit for entry in pending):
        transaction.on_commit(_refresh_after_commit)


def awards_changed(years):
    """The follow-up of an award write (``awards.followups``): mark ``years`` and rebuild them
    after the commit."""
    mark_dirty(*years)
    schedule_refresh()


def last_refreshed(years):
    return (SummaryYear.objects.filter(year__in=years).order_by("-refreshed_at")
            .values_list("refreshed_at", flat=True).first())


def unit_merged(user, absorbed, successor):
    """The follow-up of a merger (``organizations.merging``): the units that were below
    ``absorbed`` may now count under another anchor, so each year counted at an anchor on their
    old road (above ``absorbed`` or below it) is rebuilt after the commit."""
    road = Q(anchor_path__in=absorbed.ancestor_paths(include_self=True)) | Q(
        anchor_path__startswith=absorbed.path)
    years = AwardSummary.objects.filter(road).values_list("year", flat=True).distinct()
    awards_changed(set(years))
