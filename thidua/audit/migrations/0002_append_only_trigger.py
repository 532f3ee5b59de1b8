"""On PostgreSQL the database itself refuses UPDATE and DELETE on the audit log.

Row triggers only: TRUNCATE (what test database flushes use) stays possible for the owner of the
database, who could drop the trigger anyway — the hash chain is what shows such tampering.
SQLite gets no trigger because its flush is a DELETE."""
from django.db import migrations

from thidua.core.postgres_steps import on_postgresql

CREATE = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_auditentry is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_entry_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    # CREATE holds a literal %: on_postgresql passes no parameters
    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
