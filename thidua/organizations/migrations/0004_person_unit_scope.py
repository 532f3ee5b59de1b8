"""Person.unit_scope (see organizations/unit_scope.py): the column, its values for the people
already there, and on PostgreSQL one GIN index over scope and name trigrams, so "people of my
subtree named …" intersects inside one index (bench/RESULTS.md, p4)."""
from django.db import migrations, models

from thidua.organizations import unit_scope


def fill(apps, schema_editor):
    Person = apps.get_model("organizations", "Person")
    unit_scope.refresh(Person.objects.order_by("pk").values_list("pk", flat=True), Person,
                       apps.get_model("organizations", "Employment"),
                       apps.get_model("organizations", "Organization"))


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS person_scope_search ON organizations_person "
            "USING gin (unit_scope jsonb_path_ops, search_text gin_trgm_ops)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS person_scope_search")


class Migration(migrations.Migration):
    dependencies = [("organizations", "0003_covering_employment_index")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="unit_scope",
            field=models.JSONField(default=list, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
