"""Copies of the whole test database kept inside it, so that loaded data can be put back in milliseconds.

``save(name)`` copies every table of the project's models into a snapshot (PostgreSQL: a schema
``name``; SQLite: tables ``name__<table>``), ``restore(name)`` empties those tables and copies the
snapshot back in one transaction (foreign keys are checked at its end, sequences reset). Django's
flush between transactional tests leaves the snapshot alone (it empties only the models' tables).

tests/conftest.py uses it for the demo organisation: ``manage.py demo_data`` runs once per
session (about a minute of CPU) and each test or module that needs it gets a copy.
"""

from django.apps import apps
from django.core.cache import caches
from django.core.management.color import no_style
from django.db import connections, transaction


def _tables(connection) -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _quote(connection, name: str) -> str:
    return connection.ops.quote_name(name)


def _snapshot_table(connection, name: str, table: str) -> str:
    if connection.vendor == "postgresql":
        return f"{_quote(connection, name)}.{_quote(connection, table)}"
    return _quote(connection, f"{name}__{table}")


def _virtual_tables(connection, cursor) -> set[str]:
    """SQLite's virtual tables: Wagtail's full-text index of its admin search (FTS5). Its rows are
    keyed by a rowid that a copy cannot carry back, so a restore leaves it empty; Wagtail fills it
    again as pages are saved."""
    if connection.vendor != "sqlite":
        return set()
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    return {row[0] for row in cursor.fetchall()}


def save(name: str, using: str = "default") -> None:
    """Copy every model table into the snapshot ``name`` (replacing an older one of that name)."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP SCHEMA IF EXISTS {_quote(connection, name)} CASCADE")
            cursor.execute(f"CREATE SCHEMA {_quote(connection, name)}")
        virtual = _virtual_tables(connection, cursor)
        for table in _tables(connection):
            if table in virtual:
                continue
            copy = _snapshot_table(connection, name, table)
            cursor.execute(f"DROP TABLE IF EXISTS {copy}")
            cursor.execute(f"CREATE TABLE {copy} AS SELECT * FROM {_quote(connection, table)}")


def restore(name: str, using: str = "default") -> None:
    """Make every model table hold what it held when ``save(name)`` ran; clear the caches."""
    connection = connections[using]
    tables = _tables(connection)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE refuses a table with foreign-key checks still queued by this transaction's earlier
            # writes: run them now, then defer again for the copy (tables go back in name order).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("TRUNCATE " + ", ".join(_quote(connection, table) for table in tables))
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {_quote(connection, table)}")
        virtual = _virtual_tables(connection, cursor)
        for table in tables:
            if table not in virtual:
                copy = _snapshot_table(connection, name, table)
                cursor.execute(f"INSERT INTO {_quote(connection, table)} SELECT * FROM {copy}")
        models = apps.get_models(include_auto_created=True)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    forget_process_caches()


def forget_process_caches() -> None:
    """Per-process lookups of rows a restore may have given other ids: content types (a flush between
    transactional tests re-creates them, possibly in another order, so a restored snapshot can hold the
    same model under another id; a stale id here gave reference-index rows pointing nowhere), locale
    ids, and the caches of pages, fragments and Wagtail's site lookups."""
    from django.contrib.contenttypes.models import ContentType

    from core.locales import forget_locales

    ContentType.objects.clear_cache()
    forget_locales()
    for cache in caches.all(initialized_only=True):
        cache.clear()
