import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sso.mapping_file import MappingError, export_mapping, import_mapping, read_file


class Command(BaseCommand):
    help = "Export the IdP group mapping as JSON, or replace it from a JSON file (default SSO_MAPPING_FILE)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import"])
        parser.add_argument("file", nargs="?", help="for import; default: SSO_MAPPING_FILE")

    def handle(self, *args, action, file=None, **options):
        if action == "export":
            self.stdout.write(json.dumps(export_mapping(), ensure_ascii=False, indent=2))
            return
        path = file or settings.SSO_MAPPING_FILE
        if not path:
            raise CommandError("Give a file or set SSO_MAPPING_FILE.")
        try:
            count = import_mapping(data=read_file(path))
        except (OSError, ValueError, MappingError) as error:
            raise CommandError(f"{path}: {error}; the mapping was not changed.") from error
        self.stdout.write(f"{count} group mappings imported from {path}.")
