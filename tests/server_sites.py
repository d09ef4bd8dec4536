"""Databases for the servers that tests start as processes of their own (Daphne, the job worker,
``scripts/start.sh``), copied from a state prepared once instead of built again for each module.

- ``migrated_site`` (session fixture, tests/conftest.py): a VAR_DIR with a migrated SQLite database, its
  secret key and the collected static files (the production settings' hashed files), built once per
  test run, however many xdist processes there are (the first one builds it under a file lock, the
  others wait and reuse it). On SQLite its database is a copy of the test database as migrations left it
  (the ``pristine`` snapshot), elsewhere ``migrate`` makes it. ``copy_to(var_dir)`` gives a module its own
  copy in well under a second.
- ``demo_server_database`` (session fixture): the session's demo snapshot (``demo_snapshot``) as a
  database a server process can use: on PostgreSQL a database of its own created from a template, on
  SQLite a file. ``use(var_dir)`` returns the environment a process needs to find it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

BIN = Path(sys.executable).parent


def server_env(var_dir: Path, **extra) -> dict:
    """The environment of a server process: production settings in ``var_dir``, no DATABASE_URL (the
    VAR_DIR's SQLite database) unless ``extra`` names one."""
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    env.update(VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="intranet.settings", **extra)
    return env


def manage(var_dir: Path, *args, env_extra=None) -> str:
    """``manage.py *args`` in a process of its own with ``server_env``; its output, or RuntimeError."""
    result = subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=server_env(var_dir, **(env_extra or {})),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode:
        raise RuntimeError(result.stderr[-3000:])
    return result.stdout


@contextmanager
def locked(path: Path):
    """An exclusive lock on ``path`` for the block, across processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def shared_directory(tmp_path_factory) -> Path:
    """A directory every xdist process of this run sees (the parent of their own temporary roots)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


class MigratedSite:
    """A migrated VAR_DIR (SQLite database, secret key, collected static files) to copy from."""

    def __init__(self, template: Path):
        self.template = template

    def copy_to(self, var_dir: Path) -> Path:
        """``var_dir`` (made if missing) holding a copy of the database and secret key; the static files
        are a link to the template's (servers only read them)."""
        var_dir.mkdir(parents=True, exist_ok=True)
        for entry in self.template.iterdir():
            target = var_dir / entry.name
            if entry.name == "static":
                target.symlink_to(entry, target_is_directory=True)
            elif entry.is_dir():
                shutil.copytree(entry, target, symlinks=True)
            else:
                shutil.copy2(entry, target)
        return var_dir


def build_migrated_site(tmp_path_factory, *, pristine_copy=None) -> MigratedSite:
    """The run's migrated site, built by the first process that asks (the others wait for it).

    ``pristine_copy(path)``, when given, writes the test database as migrations left it to the SQLite file
    ``path`` (tests/conftest.py offers it on SQLite: the same migrations, a copy in a second instead of
    ``migrate`` in a process of its own, about 20 s of CPU); otherwise ``migrate`` builds it."""
    shared = shared_directory(tmp_path_factory)
    template = shared / "migrated-site"
    done = shared / "migrated-site.done"
    with locked(shared / "migrated-site.lock"):
        if not done.exists():
            shutil.rmtree(template, ignore_errors=True)
            template.mkdir()
            if pristine_copy is not None:
                pristine_copy(template / "db.sqlite3")
                db = sqlite3.connect(template / "db.sqlite3")
                db.execute("VACUUM")  # the copy's free pages (the test database's snapshots) go
                db.execute("PRAGMA journal_mode=WAL")  # the production settings' journal mode
                db.close()
            else:
                manage(template, "migrate", "--noinput", "-v0")
            # Also writes the site's secret key (intranet/settings.py), which every copy must share.
            manage(template, "collectstatic", "--noinput", "-v0")
            for name in ("mail", "media", "search"):  # made by the settings; a copy makes its own
                shutil.rmtree(template / name, ignore_errors=True)
            done.touch()
    return MigratedSite(template)


# --- The demo data for a server process -------------------------------------------------------------------


def production_passwords(connection) -> None:
    """The test settings hash passwords with MD5 (fast), which the production settings of a server process
    do not accept: the demo people's shared password gets a hash of the production hasher."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    from demo.teams_data import DEMO_PASSWORD

    hasher = PBKDF2PasswordHasher()
    table = connection.ops.quote_name(get_user_model()._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET password = %s WHERE password LIKE %s",
            [hasher.encode(DEMO_PASSWORD, hasher.salt()), "md5$%"],
        )


class DemoServerDatabase:
    """The session's demo snapshot as a database of its own for server processes; ``use(var_dir)``."""

    def __init__(self, django_db_blocker):
        from django.db import connection

        self.connection = connection
        self.blocker = django_db_blocker
        self.databases: list[str] = []

    def use(self, var_dir: Path) -> dict:
        """A fresh copy of the demo data for the processes started with ``VAR_DIR=var_dir``; returns the
        environment they need besides it (DATABASE_URL on PostgreSQL, the media files' MEDIA_ROOT)."""
        from tests import snapshots

        var_dir.mkdir(parents=True, exist_ok=True)
        media = var_dir / "media"
        shutil.copytree(settings.MEDIA_ROOT, media, copy_function=os.link, dirs_exist_ok=True)
        env = {"MEDIA_ROOT": str(media)}
        if self.connection.vendor == "postgresql":
            name = f"{self.connection.settings_dict['NAME']}_srv_{uuid.uuid4().hex[:8]}"
            with self.blocker.unblock():
                snapshots.copy_database(name, snapshot="demo", prepare=production_passwords)
            self.databases.append(name)
            params = self.connection.settings_dict
            env["DATABASE_URL"] = (
                f"postgres://{params['USER']}:{params['PASSWORD']}@{params['HOST'] or '127.0.0.1'}"
                f":{params['PORT'] or 5432}/{name}"
            )
        else:
            target = var_dir / "db.sqlite3"
            with self.blocker.unblock():
                snapshots.copy_database(str(target), snapshot="demo", prepare=production_passwords)
            with sqlite3.connect(target) as db:  # the production settings' journal mode
                db.execute("PRAGMA journal_mode=WAL")
        return env

    def close(self) -> None:
        from tests import snapshots

        with self.blocker.unblock():
            for name in self.databases:
                snapshots.drop_database(name)
