"""Migration steps that run SQL on PostgreSQL only: the search functions and indexes and the audit
log's append-only trigger, which SQLite has no counterpart for (its searches run without them)."""


def on_postgresql(*statements):
    """A ``RunPython`` function that executes ``statements`` in order on PostgreSQL and does
    nothing elsewhere. The statements take no parameters (so a literal % stays as written)."""
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql, params=None)
    return run


def trigram_indexes(indexed):
    """``RunPython`` functions (create, drop) of a pg_trgm GIN index over ``search_text`` for
    each (table, index name) of ``indexed``, on PostgreSQL only."""
    create = [f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)"
              for table, name in indexed]
    return (on_postgresql("CREATE EXTENSION IF NOT EXISTS pg_trgm", *create),
            on_postgresql(*(f"DROP INDEX IF EXISTS {name}" for _table, name in indexed)))


def swap_index(create_sql, drop_name):
    """A ``RunPython`` function that creates an index and drops another, on PostgreSQL only."""
    return on_postgresql(create_sql, f"DROP INDEX IF EXISTS {drop_name}")
