"""People's names match by word start (``core.word_search``): on PostgreSQL the GIN index over
scope and name trigrams (0004) becomes one over the person's search keys, word prefixes and
scope units (``organizations.search_keys``). SQLite has no such index."""
from django.db import migrations

from thidua.core.postgres_steps import on_postgresql, swap_index
from thidua.organizations.search_keys import CREATE_FUNCTION, CREATE_INDEX, FUNCTION

TRIGRAMS = ("CREATE INDEX IF NOT EXISTS person_scope_search ON organizations_person "
            "USING gin (unit_scope jsonb_path_ops, search_text gin_trgm_ops)")


class Migration(migrations.Migration):
    dependencies = [("organizations", "0009_member_kinds")]
    operations = [
        migrations.RunPython(on_postgresql(CREATE_FUNCTION),
                             on_postgresql(f"DROP FUNCTION IF EXISTS {FUNCTION}(text, jsonb)")),
        migrations.RunPython(swap_index(CREATE_INDEX, "person_scope_search"),
                             swap_index(TRIGRAMS, "person_search_keys")),
    ]
