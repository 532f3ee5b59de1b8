"""Person.unit_scope (see organizations/unit_scope.py): the column, its values for the people
already there, and on PostgreSQL one GIN index over scope and name trigrams, so "people of my
subtree named …" intersects inside one index (bench/RESULTS.md, p4).

The values are those of ``unit_scope.refresh``: for each current employment (no end date, or
one not before today), the ids of the unit and of every unit whose path is a 4-character
prefix of its path; sorted, without repeats; people without a current job keep ``[]``. On
PostgreSQL one ``UPDATE`` computes them (the Python loop took hours over 2,000,000 people);
SQLite keeps the Python loop."""
from django.db import migrations, models
from django.utils import timezone

from thidua.core.postgres_steps import on_postgresql
from thidua.organizations import tree, unit_scope

# Each unit's ancestors-or-self, then their union over each person's current jobs.
FILL_SQL = f"""
WITH unit_ancestor AS (
    SELECT unit.id AS unit_id, above.id AS ancestor_id
    FROM organizations_organization unit
    CROSS JOIN LATERAL generate_series({tree.STEPLEN}, length(unit.path),
                                       {tree.STEPLEN}) AS prefix(len)
    JOIN organizations_organization above ON above.path = left(unit.path, prefix.len)
), scope AS (
    SELECT job.person_id,
           jsonb_agg(DISTINCT unit_ancestor.ancestor_id ORDER BY unit_ancestor.ancestor_id) AS ids
    FROM organizations_employment job
    JOIN unit_ancestor ON unit_ancestor.unit_id = job.organization_id
    WHERE job.end_date IS NULL OR job.end_date >= %s
    GROUP BY job.person_id
)
UPDATE organizations_person person SET unit_scope = scope.ids
FROM scope WHERE person.id = scope.person_id
"""  # nosec B608 - a constant


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL_SQL, [timezone.localdate()])
        return
    Person = apps.get_model("organizations", "Person")
    unit_scope.refresh(Person.objects.order_by("pk").values_list("pk", flat=True), Person,
                       apps.get_model("organizations", "Employment"),
                       apps.get_model("organizations", "Organization"))


class Migration(migrations.Migration):
    dependencies = [("organizations", "0003_covering_employment_index")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="unit_scope",
            field=models.JSONField(default=list, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(on_postgresql(
            "CREATE INDEX IF NOT EXISTS person_scope_search ON organizations_person "
            "USING gin (unit_scope jsonb_path_ops, search_text gin_trgm_ops)"),
            on_postgresql("DROP INDEX IF EXISTS person_scope_search")),
    ]
