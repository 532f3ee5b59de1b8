"""The honour key function (0004) calls the people's key function by name; pg_restore rebuilds
the index over it with an empty search_path, so a restored backup failed. The function now keeps
the search_path it is created with (``portal.honour.CREATE_KEYS_FUNCTION``)."""
from django.db import migrations

from thidua.portal.honour import CREATE_KEYS_FUNCTION


def replace_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_KEYS_FUNCTION)


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_honour_word_search")]
    operations = [migrations.RunPython(replace_function, migrations.RunPython.noop)]
