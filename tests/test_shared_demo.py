"""The demo snapshot one xdist process offers and the others copy (tests/shared_demo.py): the SQLite copy's
statements, run on database files of their own (so on every engine), and the media files' links."""

import sqlite3
from contextlib import contextmanager

from tests import shared_demo

TABLES = ["copytest__auth_user", "copytest__teams_person"]


def _database(path):
    db = sqlite3.connect(path, isolation_level=None, uri=True)

    @contextmanager
    def atomic():
        db.execute("BEGIN")
        try:
            yield
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    return db, atomic


def _tables(path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_copying_reads_the_offered_file_and_changes_nothing_in_it(tmp_path):
    """Before, the copy dropped the offering side's tables: an unqualified DROP TABLE finds a table of an
    attached database when the main one has none of that name."""
    offering, offering_atomic = _database(tmp_path / "offering.sqlite3")
    for table in TABLES:
        offering.execute(f'CREATE TABLE "{table}" (id INTEGER PRIMARY KEY, name TEXT)')
        offering.execute(f"INSERT INTO \"{table}\" (name) VALUES ('kopio')")
    exported = tmp_path / "offer.sqlite3"
    shared_demo.export_tables(offering.execute, offering_atomic, exported, TABLES)
    offered = _tables(exported)
    assert offered == set(TABLES)

    copying, copying_atomic = _database(tmp_path / "copying.sqlite3")  # has none of the tables
    shared_demo.copy_tables(copying.execute, copying_atomic, str(exported), TABLES)

    assert _tables(exported) == offered  # the offer is whole for the next process
    for table in TABLES:
        assert copying.execute(f'SELECT name FROM "{table}"').fetchall() == [("kopio",)]


def test_a_media_file_of_the_same_name_is_replaced_by_the_demo_s(tmp_path):
    """Before, the copy stopped at a file this process's own tests had left under a demo file's name."""
    (tmp_path / "demo.pdf").write_bytes(b"demo")
    (tmp_path / "mine.pdf").write_bytes(b"mine")
    shared_demo._link(str(tmp_path / "demo.pdf"), str(tmp_path / "mine.pdf"))
    assert (tmp_path / "mine.pdf").read_bytes() == b"demo"
