"""One demo load for all the xdist processes of a run: the first process that needs the demo data loads
it (``demo_snapshot`` in tests/conftest.py) and offers its snapshot; the others copy that snapshot into
their own test database and hard-link the image files, in a few seconds instead of a minute of CPU.

The offer is a JSON file in the directory the processes share (``tests.server_sites.shared_directory``),
read and written under a file lock: which database holds the snapshot, where its media files are and what
``demo_data`` printed. On SQLite the snapshot's tables are first written to a file of their own in that
directory, which nobody writes afterwards: the offering process's test database is written by its tests
all the time, and a reader there got "database is locked" whenever a test's transaction held it (every
copy failed, and each process loaded the demo data itself). PostgreSQL's readers never wait for writers,
so there the test database itself is offered. A process withdraws its offer before its test database is
dropped. When there is nothing to copy (no offer yet, or it went away), the process loads the demo data
itself; a copy that fails is an error of the test that needed it (a silent fallback hid the failing copies
above: a minute of CPU each, no test failed).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from tests import snapshots
from tests.server_sites import locked, shared_directory

SNAPSHOT = "demo"


class Share:
    def __init__(self, directory: Path):
        self.offer_file = directory / "demo-snapshot.json"
        self.export_file = directory / "demo-snapshot.sqlite3"
        self.media = directory / "demo-snapshot-media"

    def _offer(self) -> dict | None:
        try:
            return json.loads(self.offer_file.read_text())
        except (OSError, ValueError):
            return None

    def copy(self) -> str | None:
        """The demo snapshot copied from another process of this run into this test database; what
        ``demo_data`` printed there, or None when there is nothing to copy."""
        offer = self._offer()
        if not offer or offer["vendor"] != connection.vendor or offer["owner"] == _database():
            return None
        try:
            if connection.vendor == "postgresql":
                _copy_postgresql(offer["database"])
            else:
                _copy_sqlite(offer["database"])
            shutil.copytree(offer["media"], settings.MEDIA_ROOT, copy_function=_link, dirs_exist_ok=True)
            # What the loading process's planner knows: demo_data ends with ANALYZE on the loaded data
            # (without it, the copy's queries ran with an empty table's statistics and a crawl got slower).
            snapshots.restore(SNAPSHOT)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            snapshots.restore("pristine")
        except Exception as error:
            raise RuntimeError(f"Copying the demo snapshot of {offer['owner']} failed") from error
        return offer["output"]

    def offer(self, output: str) -> None:
        if self._offer() is None:
            source = _database()
            if connection.vendor == "sqlite":
                _export_sqlite(self.export_file)
                source = str(self.export_file)
            # The media files as the demo load left them, hard-linked: the offering process's own tests go
            # on adding and deleting files in its MEDIA_ROOT while another process copies.
            shutil.rmtree(self.media, ignore_errors=True)
            shutil.copytree(settings.MEDIA_ROOT, self.media, copy_function=os.link)
            self.offer_file.write_text(
                json.dumps(
                    {
                        "vendor": connection.vendor,
                        "owner": _database(),
                        "database": source,
                        "media": str(self.media),
                        "output": output,
                    }
                )
            )

    def withdraw(self) -> None:
        """Before this process's test database is dropped: nobody may copy from it any more."""
        offer = self._offer()
        if offer and offer["owner"] == _database():
            self.offer_file.unlink()
            self.export_file.unlink(missing_ok=True)
            shutil.rmtree(self.media, ignore_errors=True)


def _link(source: str, target: str) -> None:
    """A hard link in place of whatever this process's tests left under that name."""
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        os.link(source, target)


def _database() -> str:
    return str(connection.settings_dict["NAME"])


@contextmanager
def shared(tmp_path_factory):
    """The run's offer, under its lock (another process loading the demo data makes this one wait)."""
    directory = shared_directory(tmp_path_factory)
    with locked(directory / "demo-snapshot.lock"):
        yield Share(directory)


def _copy_postgresql(source: str) -> None:
    params = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": params["PASSWORD"] or ""}
    where = ["-h", params["HOST"] or "127.0.0.1", "-p", str(params["PORT"] or 5432), "-U", params["USER"]]
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {connection.ops.quote_name(SNAPSHOT)} CASCADE")
    dump = subprocess.Popen(
        ["pg_dump", *where, "--schema", SNAPSHOT, "-Fc", source], stdout=subprocess.PIPE, env=env
    )
    subprocess.run(
        ["pg_restore", *where, "--no-owner", "-d", params["NAME"]],
        stdin=dump.stdout,
        env=env,
        check=True,
        capture_output=True,
    )
    if dump.wait():
        raise RuntimeError(f"pg_dump --schema {SNAPSHOT} {source} failed")


def _export_sqlite(target: Path, name: str = SNAPSHOT) -> None:
    """The snapshot's tables (``demo__<table>``) into a database file of their own."""
    with connection.cursor() as cursor:
        export_tables(cursor.execute, transaction.atomic, target, snapshots.snapshot_tables(connection, name))


def _copy_sqlite(source: str, name: str = SNAPSHOT) -> None:
    with connection.cursor() as cursor:
        copy_tables(cursor.execute, transaction.atomic, source, snapshots.snapshot_tables(connection, name))


# The SQL of the two, given a statement runner and a transaction (Django's cursor and atomic here,
# the sqlite3 module's in tests/test_shared_demo.py, which runs on every engine).


def _quote(name: str) -> str:
    return '"%s"' % name.replace('"', '""')


def _literal(text: str) -> str:
    return "'%s'" % text.replace("'", "''")


def export_tables(run, atomic, target: Path, tables: list[str]) -> None:
    target.unlink(missing_ok=True)
    run(f"ATTACH DATABASE {_literal(str(target))} AS export")
    try:
        with atomic():
            for table in tables:
                run(f"CREATE TABLE export.{_quote(table)} AS SELECT * FROM main.{_quote(table)}")
    finally:
        run("DETACH DATABASE export")


def copy_tables(run, atomic, source: str, tables: list[str]) -> None:
    # Read-only, and every name qualified: an unqualified DROP TABLE finds an attached database's table
    # when main has none of that name (it dropped the offering process's snapshot tables).
    run(f"ATTACH DATABASE {_literal(f'file:{source}?mode=ro')} AS other")
    try:
        with atomic():
            for table in tables:
                run(f"DROP TABLE IF EXISTS main.{_quote(table)}")
                run(f"CREATE TABLE main.{_quote(table)} AS SELECT * FROM other.{_quote(table)}")
    finally:
        run("DETACH DATABASE other")
