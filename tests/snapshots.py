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


def snapshot_tables(connection, name: str) -> list[str]:
    """SQLite: the tables the snapshot ``name`` consists of (``name__<table>``; virtual tables have none)."""
    with connection.cursor() as cursor:
        virtual = _virtual_tables(connection, cursor)
    return [f"{name}__{table}" for table in _tables(connection) if table not in virtual]


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


# --- A snapshot as a database of its own (for server processes: tests/server_sites.py) --------------------


def copy_database(target: str, snapshot: str, using: str = "default", prepare=None) -> None:
    """Make ``target`` a database holding what the snapshot holds and no snapshots: on PostgreSQL a new
    database of that name on the same server (created from the test database as its template), on SQLite a
    file at that path (SQLite's online backup of the test database). ``prepare(connection)``, if given, then
    runs on the copy."""
    import sqlite3
    import uuid

    connection = connections[using]
    if connection.vendor == "postgresql":
        _copy_postgresql(connection, target)
    else:
        source = sqlite3.connect(connection.settings_dict["NAME"])
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        source.close()
        copy.close()
    alias = f"snapshot_copy_{uuid.uuid4().hex[:8]}"
    connections.settings[alias] = {**connection.settings_dict, "NAME": target}
    try:
        restore(snapshot, using=alias)
        _drop_snapshots(connections[alias])
        if prepare is not None:
            prepare(connections[alias])
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


def _copy_postgresql(connection, target: str) -> None:
    import os
    import subprocess

    from django.db import DatabaseError

    source = connection.settings_dict["NAME"]
    if not connection.in_atomic_block:
        connection.close()  # a template must have no other session open on it
    with connection._nodb_cursor() as cursor:
        try:
            cursor.execute(
                f"CREATE DATABASE {_quote(connection, target)} TEMPLATE {_quote(connection, source)}"
            )
            return
        except DatabaseError:  # another session uses the test database now: copy it with pg_dump instead
            cursor.execute(f"CREATE DATABASE {_quote(connection, target)}")
    params = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": params["PASSWORD"] or ""}
    where = ["-h", params["HOST"] or "127.0.0.1", "-p", str(params["PORT"] or 5432), "-U", params["USER"]]
    dump = subprocess.Popen(["pg_dump", *where, "-Fc", source], stdout=subprocess.PIPE, env=env)
    subprocess.run(["pg_restore", *where, "--no-owner", "-d", target], stdin=dump.stdout, env=env, check=True)
    if dump.wait():
        raise RuntimeError(f"pg_dump {source} failed")


def _drop_snapshots(connection) -> None:
    """Remove every snapshot from a copied database (PostgreSQL: schemas other than public; SQLite: the
    ``name__<table>`` copies)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema') "
                "AND left(nspname, 3) <> 'pg_'"
            )
            for (schema,) in cursor.fetchall():
                cursor.execute(f"DROP SCHEMA {_quote(connection, schema)} CASCADE")
            return
        models = set(_tables(connection))
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for (table,) in cursor.fetchall():
            if table not in models and "__" in table and table.split("__", 1)[1] in models:
                cursor.execute(f"DROP TABLE {_quote(connection, table)}")


def drop_database(name: str, using: str = "default") -> None:
    """Drop a PostgreSQL database ``copy_database`` made (its sessions, if any, are ended)."""
    connection = connections[using]
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {_quote(connection, name)} WITH (FORCE)")
