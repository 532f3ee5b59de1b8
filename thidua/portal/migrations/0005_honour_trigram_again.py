"""The honour roll searches by substring again, through its trigram index (0002): the word
index of 0004, measured at 5,000,000 entries, was slower (p95 2.3 s; a common prefix such as
``van:*`` fills a lossy bitmap, and a word found nowhere, "htx", walked the whole roll by year).
See bench/RESULTS.md, Portal. SQLite has no such index."""
from importlib import import_module

from django.db import migrations

from thidua.core.word_search import swap_index

word_index = import_module("thidua.portal.migrations.0004_honour_word_search")


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_honour_word_search")]
    operations = [
        migrations.RunPython(swap_index(word_index.TRIGRAMS, "portal_honour_words"),
                             swap_index(word_index.WORDS, "portal_honour_search_trgm")),
    ]
