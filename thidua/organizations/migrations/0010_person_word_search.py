"""People's names match by word start (``core.word_search``): on PostgreSQL the GIN index over
scope and name trigrams (0004) becomes one over the person's search keys, word prefixes and
scope units (``organizations.search_keys``). SQLite has no such index."""
from django.db import migrations

from thidua.core.word_search import swap_index
from thidua.organizations.search_keys import CREATE_FUNCTION, CREATE_INDEX, FUNCTION

TRIGRAMS = ("CREATE INDEX IF NOT EXISTS person_scope_search ON organizations_person "
            "USING gin (unit_scope jsonb_path_ops, search_text gin_trgm_ops)")


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_FUNCTION)


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(text, jsonb)")


class Migration(migrations.Migration):
    dependencies = [("organizations", "0009_member_kinds")]
    operations = [
        migrations.RunPython(create_function, drop_function),
        migrations.RunPython(swap_index(CREATE_INDEX, "person_scope_search"),
                             swap_index(TRIGRAMS, "person_search_keys")),
    ]
