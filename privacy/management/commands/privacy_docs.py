"""Rewrite the generated store table of docs/privacy.md from the registry (core.personal_data)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from privacy import notice


class Command(BaseCommand):
    help = "Regenerate the personal-data store table in docs/privacy.md."

    def handle(self, *args, **options):
        path = Path(settings.BASE_DIR) / "docs" / "privacy.md"
        text = path.read_text()
        start = text.index(notice.START) + len(notice.START)
        end = text.index(notice.END)
        path.write_text(text[:start] + "\n" + notice.markdown_table() + "\n" + text[end:])
        self.stdout.write(f"Wrote {path}")
