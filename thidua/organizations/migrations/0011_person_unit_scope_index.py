"""The people list browsed without a name search tests ``unit_scope @> '[unit]'``
(``scoping.person_q``); on PostgreSQL this GIN index counts a unit's people and finds a small
unit's few without walking the whole list. SQLite has no such index."""
from django.db import migrations

from thidua.core.postgres_steps import on_postgresql

CREATE = ("CREATE INDEX IF NOT EXISTS person_unit_scope ON organizations_person "
          "USING gin (unit_scope jsonb_path_ops)")


class Migration(migrations.Migration):
    dependencies = [("organizations", "0010_person_word_search")]
    operations = [migrations.RunPython(on_postgresql(CREATE),
                                       on_postgresql("DROP INDEX IF EXISTS person_unit_scope"))]
