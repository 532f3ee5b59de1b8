"""Trigram indexes for the portal's diacritic-insensitive search on PostgreSQL (the honour roll
over millions of awards, articles, library documents); ``search_text`` is already normalised.
SQLite skips this."""
from django.db import migrations

from thidua.core.postgres_steps import trigram_indexes

INDEXED = [
    ("portal_honourentry", "portal_honour_search_trgm"),
    ("portal_article", "portal_article_search_trgm"),
    ("portal_legaldocument", "portal_document_search_trgm"),
]


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(*trigram_indexes(INDEXED))]
