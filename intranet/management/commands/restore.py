"""Restore a backup made by ``manage.py backup`` into a fresh install, bring it up to this code's
migrations and rebuild the search index (intranet/backup.py, docs/deployment.md "Backup and restore").

    python manage.py restore /var/backups/taimi/taimi-2026-12-07.tar.gz
"""

from pathlib import Path

from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from intranet.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup file into this installation's database and media, then rebuild the search index."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="A file written by manage.py backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that already has users (not a fresh install).",
        )
        parser.add_argument("--no-reindex", action="store_true", help="Leave the search index as it is.")

    def handle(self, *args, backup, force=False, no_reindex=False, **options):
        try:
            info = restore(Path(backup), force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the database and {info['media_files']} media file(s) from {info['created_at']} "
            f"(commit {info['git_commit'][:10] or 'unknown'})."
        )
        # A backup from an earlier version: this code's migrations on top.
        call_command("migrate", "--noinput", verbosity=0)
        for cache in caches.all():
            cache.clear()
        if not no_reindex:
            from search.engines import get_engine

            if get_engine() is None:
                self.stdout.write("No search engine configured: /haku/ answers from the database.")
            else:
                call_command("search_reindex", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Restore complete."))
