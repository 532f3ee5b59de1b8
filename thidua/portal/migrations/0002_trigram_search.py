"""Trigram indexes for the portal's diacritic-insensitive search on PostgreSQL (the honour roll
over millions of awards, articles, library documents); ``search_text`` is already normalised.
SQLite skips this."""
from django.db import migrations

INDEXED = [
    ("portal_honourentry", "portal_honour_search_trgm"),
    ("portal_article", "portal_article_search_trgm"),
    ("portal_legaldocument", "portal_document_search_trgm"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, name in INDEXED:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name in INDEXED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(create_indexes, drop_indexes)]
