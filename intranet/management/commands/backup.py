"""Write the whole installation (database, uploaded media, version metadata) to one file (intranet/backup.py).

python manage.py backup /var/backups/taimi/taimi-2026-12-07.tar.gz
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intranet.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database, uploaded media and version metadata into one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("output", help="The backup file to write (.tar.gz)")

    def handle(self, *args, output, **options):
        try:
            info = backup(Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {output} ({info['database']}, {len(info['migrations'])} migrations, "
                f"commit {info['git_commit'][:10] or 'unknown'})."
            )
        )
