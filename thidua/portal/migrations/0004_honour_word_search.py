"""The honour roll's name search matches by word start (``portal.honour``): on PostgreSQL a GIN
index over the entries' keys (word prefixes by the people's key function, organizations 0010,
and the roll's filters) replaces the trigram index of 0002, and the roll's two (year, id)
indexes carry ``search_text`` and the filtered columns, so that a search walks them newest
first without reading the table."""
from django.db import migrations, models

from thidua.core.postgres_steps import on_postgresql, swap_index
from thidua.portal.honour import CREATE_KEYS_FUNCTION, CREATE_KEYS_INDEX, KEYS_FUNCTION

TRIGRAMS = ("CREATE INDEX IF NOT EXISTS portal_honour_search_trgm ON portal_honourentry "
            "USING gin (search_text gin_trgm_ops)")
DROP_KEYS_FUNCTION = f"DROP FUNCTION IF EXISTS {KEYS_FUNCTION}(text, text, integer, bigint, integer)"


class Migration(migrations.Migration):

    dependencies = [
        ("awards", "0015_stored_verdicts"),
        ("organizations", "0010_person_word_search"),
        ("portal", "0003_honour_alliance_path"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="honourentry", name="portal_honour_alliance"),
        migrations.RemoveIndex(model_name="honourentry", name="portal_honour_recent"),
        migrations.AddIndex(
            model_name="honourentry",
            index=models.Index(fields=["alliance_path", "-year", "-id"],
                               include=("award_type", "province_code", "search_text"),
                               name="portal_honour_alliance"),
        ),
        migrations.AddIndex(
            model_name="honourentry",
            index=models.Index(fields=["-year", "-id"],
                               include=("alliance_path", "award_type", "province_code",
                                        "search_text"),
                               name="portal_honour_recent"),
        ),
        migrations.RunPython(on_postgresql(CREATE_KEYS_FUNCTION),
                             on_postgresql(DROP_KEYS_FUNCTION)),
        migrations.RunPython(swap_index(CREATE_KEYS_INDEX, "portal_honour_search_trgm"),
                             swap_index(TRIGRAMS, "portal_honour_search_keys")),
    ]
