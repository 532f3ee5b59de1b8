"""Each Transition's step facts (working days since the batch's previous transition, late
against the batch's deadline), filled for the existing rows as the dashboard's step panel
counted them: the batch's current deadline, local dates in Việt Nam's time zone."""
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
    """One ordered read of the transitions (400,000 a year nationally), then one UPDATE per
    chunk of rows sharing (working days, late): the values repeat, so the writes are few."""
    Transition = apps.get_model("nominations", "Transition")
    exceptions = apps.get_model("core", "CalendarException").objects.using(
        schema_editor.connection.alias)
    transitions = Transition.objects.using(schema_editor.connection.alias)
    rows = (transitions.order_by("batch_id", "at", "pk")
            .annotate(day=TruncDate("at", tzinfo=timezone.get_default_timezone())))
    span = rows.aggregate(first=Min("day"), last=Max("day"))
    if span["first"] is None:
        return
    calendar = WorkingCalendar(dict(exceptions.values_list("date", "is_working_day")))
    ordinal = ordinals(calendar, span["first"], span["last"])
    facts, batch, previous = defaultdict(list), None, None
    for pk, batch_id, day, due_on in rows.values_list("pk", "batch_id", "day",
                                                      "batch__due_on").iterator(chunk_size=10000):
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
        migrations.AddIndex(
            model_name='nominationbatch',
            index=models.Index(fields=['year', 'state'], name='batch_year_state_idx'),
        ),
        migrations.AddIndex(
            model_name='transition',
            index=models.Index(fields=['batch', 'to_state'], include=('working_days', 'late'), name='transition_step_idx'),
        ),
        migrations.RunPython(fill_steps, migrations.RunPython.noop),
    ]
