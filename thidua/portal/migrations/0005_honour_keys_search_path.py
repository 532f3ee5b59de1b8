"""The honour key function (0004) calls the people's key function by name; pg_restore rebuilds
the index over it with an empty search_path, so a restored backup failed. The function now keeps
the search_path it is created with (``portal.honour.CREATE_KEYS_FUNCTION``)."""
from django.db import migrations

from thidua.core.postgres_steps import on_postgresql
from thidua.portal.honour import CREATE_KEYS_FUNCTION


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_honour_word_search")]
    operations = [migrations.RunPython(on_postgresql(CREATE_KEYS_FUNCTION), migrations.RunPython.noop)]
