"""The people list browsed without a name search tests ``unit_scope @> '[unit]'``
(``scoping.person_q``); on PostgreSQL this GIN index counts a unit's people and finds a small
unit's few without walking the whole list. SQLite has no such index."""
from django.db import migrations

CREATE = ("CREATE INDEX IF NOT EXISTS person_unit_scope ON organizations_person "
          "USING gin (unit_scope jsonb_path_ops)")


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS person_unit_scope")


class Migration(migrations.Migration):
    dependencies = [("organizations", "0010_person_word_search")]
    operations = [migrations.RunPython(create_index, drop_index)]
