"""Each Transition's step facts (working days since the batch's previous transition, late
against the batch's deadline), filled for the existing rows as the dashboard's step panel
counted them: the batch's current deadline, local dates in Việt Nam's time zone. The index is
built after the fill."""
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import migrations, models
from django.db.models import Max, Min
from django.db.models.functions import TruncDate
from django.utils import timezone

from thidua.core.workdays import WorkingCalendar

WRITE_CHUNK = 5000  # ids per UPDATE


def ordinals(calendar, first, last):
    """{date: working days after ``first`` up to and including it} for ``first`` … ``last``."""
    table, count, day = {first: 0}, 0, first
    while day < last:
        day += timedelta(days=1)
        count += calendar.is_working_day(day)
        table[day] = count
    return table


def fill_steps(apps, schema_editor):
    """The working-day ordinals of the transitions' dates computed here once, then the rows
    filled in one UPDATE on PostgreSQL (400,000 transitions a year nationally), else in Python."""
    connection = schema_editor.connection
    transitions = apps.get_model("nominations", "Transition").objects.using(connection.alias)
    exceptions = apps.get_model("core", "CalendarException").objects.using(connection.alias)
    rows = transitions.annotate(day=TruncDate("at", tzinfo=timezone.get_default_timezone()))
    span = rows.aggregate(first=Min("day"), last=Max("day"))
    if span["first"] is None:
        return
    calendar = WorkingCalendar(dict(exceptions.values_list("date", "is_working_day")))
    ordinal = ordinals(calendar, span["first"], span["last"])
    if connection.vendor == "postgresql":
        fill_in_sql(connection, transitions.model, ordinal)
    else:
        fill_in_python(transitions, rows, ordinal)


def fill_in_sql(connection, model, ordinal):
    """The ordinals in a temporary table; each row's previous date by a window over the batch's
    transitions in (time, id) order; only the rows that differ from the defaults written."""
    table = model._meta.db_table
    batches = model._meta.get_field("batch").related_model._meta.db_table
    zone = timezone.get_default_timezone_name()
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE step_ordinal (day date PRIMARY KEY, n integer)")
        cursor.executemany("INSERT INTO step_ordinal VALUES (%s, %s)", list(ordinal.items()))
        cursor.execute(f"""
            UPDATE {table} AS t SET working_days = o.n - p.n, late = COALESCE(s.day > s.due_on,
                                                                              FALSE)
            FROM (SELECT r.id, b.due_on, (r.at AT TIME ZONE %s)::date AS day,
                         LAG((r.at AT TIME ZONE %s)::date) OVER (
                             PARTITION BY r.batch_id ORDER BY r.at, r.id) AS previous
                  FROM {table} r JOIN {batches} b ON b.id = r.batch_id) AS s
            JOIN step_ordinal o ON o.day = s.day LEFT JOIN step_ordinal p ON p.day = s.previous
            WHERE t.id = s.id AND (s.previous IS NOT NULL OR s.day > s.due_on)""", [zone, zone])  # nosec B608: _meta names
        cursor.execute("DROP TABLE step_ordinal")


def fill_in_python(transitions, rows, ordinal):
    """One ordered read, then one UPDATE per chunk of rows sharing (working days, late)."""
    facts, batch, previous = defaultdict(list), None, None
    ordered = rows.order_by("batch_id", "at", "pk").values_list("pk", "batch_id", "day",
                                                               "batch__due_on")
    for pk, batch_id, day, due_on in ordered.iterator(chunk_size=10000):
        working_days = ordinal[day] - ordinal[previous] if batch_id == batch else None
        late = due_on is not None and day > due_on
        if working_days is not None or late:
            facts[(working_days, late)].append(pk)
        batch, previous = batch_id, day
    for (working_days, late), ids in facts.items():
        for start in range(0, len(ids), WRITE_CHUNK):
            transitions.filter(pk__in=ids[start:start + WRITE_CHUNK]).update(
                working_days=working_days, late=late)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_job'),
        ('movements', '0003_search_text_history_reviews'),
        ('nominations', '0003_deadline_reminder'),
        ('organizations', '0004_person_unit_scope'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='transition',
            name='late',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name='transition',
            name='working_days',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill_steps, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='nominationbatch',
            index=models.Index(fields=['year', 'state'], name='batch_year_state_idx'),
        ),
    ]
