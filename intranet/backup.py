"""Backup and restore of a whole installation: the database, uploaded media and version metadata in one
file (docs/deployment.md, "Backup and restore"; ``manage.py backup`` and ``manage.py restore``).

The file is a gzip-compressed tar archive:

* ``metadata.json``: format, creation time, the code's version and git commit, Django's version, the
  database engine and every applied migration (restore refuses a backup made by newer code than its own);
* ``database.dump``: PostgreSQL's custom-format ``pg_dump`` of the ``public`` schema (no owners or
  grants, so it restores under any role), or ``database.sqlite3``: a consistent copy made with SQLite's
  online backup API while the site runs;
* ``media/``: everything under ``MEDIA_ROOT`` (uploaded images, documents, photos, chat attachments).
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import django
from django.conf import settings
from django.db import connection, connections

FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with a message for the operator."""


def _git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _code_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("keha-intranet")
    except PackageNotFoundError:
        return ""


def applied_migrations() -> list[list[str]]:
    from django.db.migrations.recorder import MigrationRecorder

    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def metadata() -> dict:
    return {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "code_version": _code_version(),
        "git_commit": _git_commit(),
        "django": django.get_version(),
        "database": connection.vendor,
        "migrations": applied_migrations(),
    }


def _pg_env() -> tuple[dict, list[str]]:
    """Environment (password) and connection arguments for pg_dump / pg_restore / psql."""
    db = connection.settings_dict  # the test runner's database name too
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return env, [*args, "--dbname", db["NAME"]]


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _dump_database(folder: Path) -> str:
    if connection.vendor == "postgresql":
        env, args = _pg_env()
        target = folder / "database.dump"
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--schema=public",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(target),
                *args,
            ],
            env,
        )
        return target.name
    if connection.vendor == "sqlite":
        # From a connection of its own, as pg_dump: what is committed, never a transaction in progress
        # (SQLite's backup from a connection inside a write transaction waits for ever).
        target = folder / "database.sqlite3"
        source, destination = sqlite3.connect(connection.settings_dict["NAME"]), sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            source.close()
            destination.close()
        return target.name
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def backup(output: Path) -> dict:
    """Write the backup file ``output``; returns its metadata."""
    output = Path(output)
    info = metadata()
    with tempfile.TemporaryDirectory(prefix="taimi-backup-") as temporary:
        folder = Path(temporary)
        info["database_file"] = _dump_database(folder)
        (folder / "metadata.json").write_text(json.dumps(info, indent=2))
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / "metadata.json", arcname="metadata.json")
            archive.add(folder / info["database_file"], arcname=info["database_file"])
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                archive.add(media, arcname="media")
        partial.replace(output)  # never a half-written file under the final name
    return info


def read_metadata(path: Path) -> dict:
    with tarfile.open(path, "r:gz") as archive:
        member = archive.extractfile("metadata.json")
        if member is None:
            raise BackupError("Not a Taimi backup: metadata.json is missing.")
        return json.loads(member.read())


def database_has_content() -> bool:
    """True when the database has users: not a fresh install, restoring would replace real data."""
    tables = connection.introspection.table_names()
    if "auth_user" not in tables:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM auth_user)")
        return bool(cursor.fetchone()[0])


def _code_migrations() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def _restore_database(folder: Path, info: dict) -> None:
    name = info["database_file"]
    for alias in connections:
        connections[alias].close()
    if connection.vendor == "postgresql":
        if info["database"] != "postgresql":
            raise BackupError("This backup holds a SQLite database; this installation uses PostgreSQL.")
        pool = getattr(connection, "pool", None)
        if pool is not None:
            connection.close_pool()
        env, args = _pg_env()
        # Every object of the dump is dropped (when present) and created again (--clean); the schema itself
        # stays (pg_dump of PostgreSQL 15 writes its creation and comment for --schema=public).
        listing = subprocess.run(
            ["pg_restore", "--list", str(folder / name)], env=env, capture_output=True, text=True, check=True
        ).stdout
        entries = folder / "restore.list"
        entries.write_text(
            "\n".join(
                line
                for line in listing.splitlines()
                if " SCHEMA - public " not in line and " COMMENT - SCHEMA public " not in line
            )
        )
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--clean",
                "--if-exists",
                f"--use-list={entries}",
                *args,
                str(folder / name),
            ],
            env,
        )
        return
    if connection.vendor == "sqlite":
        if info["database"] != "sqlite":
            raise BackupError("This backup holds a PostgreSQL database; this installation uses SQLite.")
        source, destination = (
            sqlite3.connect(folder / name),
            sqlite3.connect(connection.settings_dict["NAME"]),
        )
        try:
            source.backup(destination)
        finally:
            source.close()
            destination.close()
        return
    raise BackupError(f"Restoring into {connection.vendor} is not supported.")


def _restore_media(folder: Path) -> int:
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    source = folder / "media"
    if source.is_dir():
        shutil.copytree(source, media)
    else:
        media.mkdir(parents=True)
    return sum(1 for path in media.rglob("*") if path.is_file())


def restore(path: Path, *, force: bool = False) -> dict:
    """Replace the database and media with the backup's. Refuses a database with users unless ``force``,
    and a backup whose migrations this code does not have (made by a newer version)."""
    path = Path(path)
    info = read_metadata(path)
    if info.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {info.get('format')!r}.")
    unknown = {tuple(item) for item in info["migrations"]} - _code_migrations()
    if unknown:
        sample = ", ".join(f"{app}.{name}" for app, name in sorted(unknown)[:5])
        raise BackupError(f"The backup was made by a newer version (migrations this code lacks: {sample}).")
    if not force and database_has_content():
        raise BackupError("The database already has users; restore into a fresh install, or pass --force.")
    with tempfile.TemporaryDirectory(prefix="taimi-restore-") as temporary:
        folder = Path(temporary)
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(folder, filter="data")
        _restore_database(folder, info)
        info["media_files"] = _restore_media(folder)
    return info
