from django.core.management.base import BaseCommand

from chat import rooms


class Command(BaseCommand):
    help = (
        "Create missing team and location chat rooms and bring their members in step with the organisation."
    )

    def handle(self, *args, **options):
        result = rooms.sync_all_rooms()
        self.stdout.write(
            f"Rooms created {result['rooms']}, members added {result['added']}, removed {result['removed']}."
        )
