"""The honour roll's name search matches by word start (``core.word_search``): on PostgreSQL its
trigram index (0002) becomes a GIN index over the words of ``search_text``, so two-letter words
(Lê, Võ, Vũ) are index lookups instead of rechecks of every row. SQLite has no such index."""
from django.db import migrations

from thidua.core.word_search import swap_index

WORDS = ("CREATE INDEX IF NOT EXISTS portal_honour_words ON portal_honourentry USING gin "
         "((to_tsvector('simple'::regconfig, search_text)))")
TRIGRAMS = ("CREATE INDEX IF NOT EXISTS portal_honour_search_trgm ON portal_honourentry "
            "USING gin (search_text gin_trgm_ops)")


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_honour_alliance_path")]
    operations = [migrations.RunPython(swap_index(WORDS, "portal_honour_search_trgm"),
                                       swap_index(TRIGRAMS, "portal_honour_words"))]
