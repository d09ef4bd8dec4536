"""The demo snapshot one xdist process offers and the others copy (tests/shared_demo.py), on SQLite."""

import sqlite3

import pytest
from django.db import connection

from tests import shared_demo, snapshots

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite copy")


def _tables(path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


@pytest.mark.django_db(transaction=True)
def test_copying_reads_the_offered_file_and_changes_nothing_in_it(tmp_path, django_user_model):
    """Before, the copy dropped the offering side's tables: an unqualified DROP TABLE finds a table of an
    attached database when the main one has none of that name."""
    django_user_model.objects.create_user("kopio", password="x")
    snapshots.save("copytest")
    exported = tmp_path / "offer.sqlite3"
    shared_demo._export_sqlite(exported, name="copytest")
    offered = _tables(exported)
    assert "copytest__auth_user" in offered
    _drop(snapshots.snapshot_tables(connection, "copytest"))  # a process that never had the snapshot
    django_user_model.objects.all().delete()
    try:
        shared_demo._copy_sqlite(str(exported), name="copytest")
        snapshots.restore("copytest")
        assert _tables(exported) == offered  # the offer is whole for the next process
        assert list(django_user_model.objects.values_list("username", flat=True)) == ["kopio"]
    finally:
        _drop(snapshots.snapshot_tables(connection, "copytest"))


def _drop(tables):
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DROP TABLE IF EXISTS main.{connection.ops.quote_name(table)}")


def test_a_media_file_of_the_same_name_is_replaced_by_the_demo_s(tmp_path):
    """Before, the copy stopped at a file this process's own tests had left under a demo file's name."""
    (tmp_path / "demo.pdf").write_bytes(b"demo")
    (tmp_path / "mine.pdf").write_bytes(b"mine")
    shared_demo._link(str(tmp_path / "demo.pdf"), str(tmp_path / "mine.pdf"))
    assert (tmp_path / "mine.pdf").read_bytes() == b"demo"
