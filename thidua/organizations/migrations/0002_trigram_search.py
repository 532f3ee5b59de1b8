"""Trigram indexes for diacritic-insensitive search on PostgreSQL.

``search_text`` already holds the normalised text (no diacritics, đ → d), so a plain pg_trgm GIN
index serves ``LIKE '%word%'`` without needing ``unaccent`` to be immutable. SQLite skips this.
"""
from django.db import migrations

INDEXED = [
    ("organizations_organization", "org_search_trgm"),
    ("organizations_person", "person_search_trgm"),
    ("organizations_emulationgroup", "group_search_trgm"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, name in INDEXED:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name in INDEXED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial")]
    operations = [migrations.RunPython(create_indexes, drop_indexes)]
