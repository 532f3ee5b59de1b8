"""The moved models' content types change app: ``movements.exemplar`` becomes ``records.exemplar``
(and so on, historical models included), keeping their ids, so the permissions granted on them
and any generic relation still point at them. Runs before ``post_migrate``, which would otherwise
create new, empty content types under ``records``. On a fresh database there is nothing to move.

Entries of the audit chain keep the label they were written under (``movements.Exemplar``): the
chain is hashed and is never rewritten; ``audit.labels.FORMER_LABELS`` finds them."""
from django.db import migrations

MOVED = ["cooperationprogramme", "event", "exemplar", "initiative", "inspection", "pledge",
         "pledgesignature", "programmetarget", "score", "scorecriterion", "scoresheet"]
MOVED += [f"historical{name}" for name in MOVED if name != "programmetarget"]


def move(apps, schema_editor, source="movements", target="records"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(ContentType.objects.filter(app_label=target, model__in=MOVED)
                .values_list("model", flat=True))
    ContentType.objects.filter(app_label=source, model__in=MOVED).exclude(
        model__in=taken).update(app_label=target)


def move_back(apps, schema_editor):
    move(apps, schema_editor, source="records", target="movements")


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move, move_back)]
