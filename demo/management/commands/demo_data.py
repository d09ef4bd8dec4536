"""Load the demo organisation and pages, then print the demo logins.

Idempotent: run it as often as you like; a second run creates nothing.
Later features (news, instructions, chat history) add their steps here.
"""

import sys
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from core import roles
from demo import chat as chat_demo
from demo import events as events_demo
from demo import instructions as instructions_demo
from demo import news as news_demo
from demo import news_engagement as demo_engagement
from demo import site as pages_demo
from demo import teams as organisation_demo
from demo import teams_data as demo_data


class Command(BaseCommand):
    help = "Load the demo organisation (agencies, units, 34 locations, teams, 550 people) and pages."

    def add_arguments(self, parser):
        parser.add_argument("--no-logins", action="store_true", help="Do not print the demo logins.")

    def progress(self, stage: str, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        line = f"\r  {stage:<12} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        interactive = hasattr(self.stdout, "isatty") and self.stdout.isatty()
        if interactive:
            self.stdout.write(line, ending="\n" if done >= total else "")
            self.stdout.flush()
        elif done >= total:
            self.stdout.write(line.strip("\r"))

    def handle(self, *args, **options):
        started = time.monotonic()
        self.stdout.write("Loading demo data…")
        with transaction.atomic():
            result = organisation_demo.load_organisation(progress=self.progress)
            created_pages = pages_demo.load_pages(progress=self.progress)
            roles.sync_groups()
            news = news_demo.load_news(progress=self.progress)
            pages_demo.load_swedish_versions()
            engagement = demo_engagement.load_engagement(progress=self.progress)
            assign_demo_roles()
            instructions = instructions_demo.load_instructions(progress=self.progress)
            chat = chat_demo.load_chat(progress=self.progress)
            events = events_demo.load_events(progress=self.progress)
            from demo.worklocation import load_work_locations

            work_locations = load_work_locations()
            from demo.strategy import load_strategy

            strategy = load_strategy()
            from demo.privacy import load_privacy_pages

            privacy_pages = load_privacy_pages()
        if (
            any(result.created.values())
            or news.created
            or engagement.created
            or instructions.created
            or chat.created
            or strategy
            or events.created
        ):
            refresh_planner_statistics()
        created = dict(
            result.created,
            pages=created_pages,
            news=news.created,
            engagement=engagement.created,
            instructions=instructions.instructions,
            instructions_sv=instructions.swedish,
            onboarding_paths=instructions.paths,
            chat=chat.created,
            events=events.created,
            event_registrations=events.registrations,
            work_locations=work_locations,
            strategy_votes=strategy,
            privacy_pages=privacy_pages,
        )
        summary = (
            ", ".join(f"{kind} {count}" for kind, count in created.items() if count)
            or "nothing (already loaded)"
        )
        self.stdout.write(self.style.SUCCESS(f"Created: {summary}. Took {time.monotonic() - started:.1f} s."))
        if not options["no_logins"]:
            self.print_logins()

    def print_logins(self):
        self.stdout.write(f"\nDemo logins (password for every demo person: {demo_data.DEMO_PASSWORD})")
        labels = {
            "administrator": "administrator (Ylläpitäjät, superuser)",
            "communication": "national communication unit and approver (publishes national news)",
            "regional_editor": "regional editor, Pohjanmaan ELY-keskus",
            "instruction_owner": "instruction owner (Ohjeiden omistajat)",
            "staff": "staff member (Henkilöstö)",
            "municipal_pilot": "municipal employment pilot, Vaasa (reads what the pilots are offered)",
        }
        for username, first, last, role, *_rest in demo_data.DEMO_LOGINS:
            self.stdout.write(f"  {username:<12} {first + ' ' + last:<18} {labels[role]}")
        sys.stdout.flush()


def refresh_planner_statistics() -> None:
    """ANALYZE after a bulk load, so the query planner uses the feed's indexes (SQLite keeps no
    statistics until asked; PostgreSQL's autovacuum would get there, later). Skipped inside a
    transaction someone else owns (tests), where it could not see the new rows anyway."""
    from django.db import connection

    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def assign_demo_roles() -> None:
    """Put every demo person in Staff, and each demo login in its role's group."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from teams.models import Agency

    User = get_user_model()
    staff = Group.objects.get(name=roles.STAFF)
    demo_usernames = set(User.objects.filter(person__isnull=False).values_list("username", flat=True))
    already = set(staff.user_set.values_list("username", flat=True))
    staff.user_set.add(*User.objects.filter(username__in=demo_usernames - already))
    role_groups = {
        "administrator": roles.ADMINISTRATORS,
        "communication": roles.COMMUNICATION,
        "instruction_owner": roles.INSTRUCTION_OWNERS,
    }
    for username, _first, _last, role, agency_slug, *_rest in demo_data.DEMO_LOGINS:
        user = User.objects.get(username=username)
        if role in role_groups:
            user.groups.add(Group.objects.get(name=role_groups[role]))
        if role == "communication":
            # The demo's communication expert also approves national news, so
            # one login can take an article from draft to published.
            user.groups.add(Group.objects.get(name=roles.COMMUNICATION_APPROVERS))
        if role == "regional_editor":
            user.groups.add(roles.ensure_regional_editor_group(agency=Agency.objects.get(slug=agency_slug)))
        if role == "administrator" and not (user.is_superuser and user.is_staff):
            user.is_superuser = user.is_staff = True
            user.save(update_fields=["is_superuser", "is_staff"])
