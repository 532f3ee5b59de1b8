"""Trigram indexes for diacritic-insensitive search on PostgreSQL.

``search_text`` already holds the normalised text (no diacritics, đ → d), so a plain pg_trgm GIN
index serves ``LIKE '%word%'`` without needing ``unaccent`` to be immutable. SQLite skips this.
"""
from django.db import migrations

from thidua.core.postgres_steps import trigram_indexes

INDEXED = [
    ("organizations_organization", "org_search_trgm"),
    ("organizations_person", "person_search_trgm"),
    ("organizations_emulationgroup", "group_search_trgm"),
]


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial")]
    operations = [migrations.RunPython(*trigram_indexes(INDEXED))]
