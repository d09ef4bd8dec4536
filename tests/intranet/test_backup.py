"""Backup, wipe, restore: the same rows, the same media files, a rebuilt search index, a clean crawl
(intranet/backup.py; docs/deployment.md "Backup and restore")."""

import shutil

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests import snapshots

pytestmark = [pytest.mark.engine, pytest.mark.timeout(240)]


def row_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def media_files(root) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def demo_committed(demo_snapshot, django_db_serialized_rollback, transactional_db, settings, tmp_path):
    """The demo data committed (pg_dump reads it from another connection), with its own media folder."""
    media = tmp_path / "media"
    shutil.copytree(settings.MEDIA_ROOT, media)
    settings.MEDIA_ROOT = media
    snapshots.restore("demo")
    return media


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_database_with_users_and_a_newer_backup(tmp_path, django_user_model):
    staff_user = django_user_model.objects.create_user("kayttaja", password="x" * 12)
    archive = tmp_path / "taimi.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    with pytest.raises(CommandError, match="already has users"):
        call_command("restore", str(archive), verbosity=0)

    # A backup from a newer version names a migration this code does not have.
    import io
    import json
    import tarfile

    with tarfile.open(archive, "r:gz") as source:
        members = {member.name: source.extractfile(member).read() for member in source if member.isfile()}
    info = json.loads(members["metadata.json"])
    info["migrations"].append(["news", "9999_from_the_future"])
    members["metadata.json"] = json.dumps(info).encode()
    newer = tmp_path / "newer.tar.gz"
    with tarfile.open(newer, "w:gz") as target:
        for name, data in members.items():
            entry = tarfile.TarInfo(name)
            entry.size = len(data)
            target.addfile(entry, io.BytesIO(data))
    with pytest.raises(CommandError, match="newer version"):
        call_command("restore", str(newer), "--force", verbosity=0)
    assert get_user_model().objects.filter(pk=staff_user.pk).exists()


def test_backup_wipe_restore_gives_the_same_site(demo_committed, settings, tmp_path, client):
    from search.engines import get_engine
    from search.reindex import status

    media = demo_committed
    (media / "original_images" / "restore-check.txt").parent.mkdir(parents=True, exist_ok=True)
    (media / "original_images" / "restore-check.txt").write_text("kept")
    before, files_before = row_counts(), media_files(media)
    assert before["teams_person"] >= 500 and before["wagtailcore_page"] > 100

    archive = tmp_path / "taimi.tar.gz"
    call_command("backup", str(archive), verbosity=0)

    # Wipe: an empty database (as a fresh install leaves it: migrated, no rows) and no media.
    call_command("flush", "--noinput", verbosity=0)
    shutil.rmtree(media)
    assert row_counts()["teams_person"] == 0

    settings.SEARCH_EMBEDDED_DIR = str(tmp_path / "search")
    call_command("restore", str(archive), verbosity=0)

    assert row_counts() == before
    assert media_files(media) == files_before
    assert (media / "original_images" / "restore-check.txt").read_text() == "kept"
    report = status(engine=get_engine())
    assert report["in_step"], (report["missing"][:5], report["extra"][:5])

    from tests.intranet.crawl import crawl

    client.force_login(get_user_model().objects.get(username="henkilo"))
    result = crawl(client, max_pages=60)
    assert len(result.visited) >= 60
    assert not result.server_errors, result.server_errors[:3]
