"""Benchmark: the events list and month view with 2,000 events, and a personal calendar feed of 300 events.

Creates 2,000 live events (a tenth of them recurring, spread over two years
around today, with offices) under /tapahtumat/, registers the reader for 300 of
them, and times the server side with Django's test client against a bare
Wagtail page (a StandardPage with a title only) measured in the same run, the
pages requested in turn round after round.

Goals (issue #23): the events list and the month view ≤ 1.5× the bare page;
the personal feed of 300 events ≤ 50 ms. The lists, the month and the feed are
cached under generation tokens (events.fragments); the rows "built afresh"
renew the token before each request, as publishing any event does. Query counts constant in the number of
events and registrations are asserted in tests/events/test_queries.py, not here.

Run: .venv/bin/python bench/events.py   (DATABASE_URL=postgres://... to measure PostgreSQL)
"""

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="intranet-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.test_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from bench.common import machine_line, measure_pages  # noqa: E402
from events import feed, fragments, recurrence, services  # noqa: E402
from events.models import EventIndexPage, EventKind, EventPage, Registration  # noqa: E402
from intranet.models import StandardPage  # noqa: E402
from teams.models import Agency, Location, Person  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "2000"))
FEED_EVENTS = 300
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
WARM_UP = 5
READER = "tapahtumalukija"
BARE = "bare Wagtail page (StandardPage)"


def setup() -> tuple:
    call_command("migrate", verbosity=0)
    agency, _ = Agency.objects.get_or_create(
        slug="keha-keskus", defaults={"name_fi": "KEHA-keskus", "kind": Agency.Kind.KEHA}
    )
    offices = [
        Location.objects.get_or_create(
            slug=f"toimipiste-{n}", defaults={"name_fi": f"Toimipiste {n}", "region": "uusimaa"}
        )[0]
        for n in range(5)
    ]
    user, created = get_user_model().objects.get_or_create(username=READER)
    if created:
        Person.objects.create(user=user, agency=agency, home_location=offices[0])
    home = Page.objects.get(depth=2, locale__language_code="fi").specific
    bare = StandardPage.objects.filter(slug="perussivu-tapahtumat").first()
    if bare is None:
        bare = StandardPage(title="Perussivu", slug="perussivu-tapahtumat")
        home.add_child(instance=bare)
        bare.save_revision().publish()
    return agency, offices, user, bare


def add_events(agency, offices, user) -> int:
    index = EventIndexPage.objects.get(locale__language_code="fi")
    have = EventPage.objects.count()
    kinds = list(EventKind.objects.all())
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for number in range(have, EVENTS):
        start = now + datetime.timedelta(hours=7 * (number - EVENTS // 2))
        event = EventPage(
            title=f"Tapahtuma {number}",
            slug=f"bench-{number}",
            lead="Ingressi.",
            kind=kinds[number % len(kinds)],
            organiser_agency=agency,
            start=start,
            end=start + datetime.timedelta(hours=1),
            recurrence="FREQ=WEEKLY;COUNT=10" if number % 10 == 0 else "",
            registration_enabled=number % 2 == 0,
            live=True,
        )
        event.locations = [offices[number % len(offices)]]
        index.add_child(instance=event)
    registered = set(Registration.objects.filter(user=user).values_list("event_id", flat=True))
    upcoming = EventPage.objects.filter(registration_enabled=True, start__gte=now).order_by("start")
    # A series' registration is for one date: its first.
    rows = [
        Registration(
            event=event,
            user=user,
            occurrence=recurrence.occurrences(event, changes=[])[0].key if event.recurrence else "",
            status="confirmed",
            registered_at=timezone.now(),
        )
        for event in upcoming[:FEED_EVENTS]
        if event.pk not in registered
    ]
    Registration.objects.bulk_create(rows)
    return EVENTS - have


def main() -> None:
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    started = time.perf_counter()
    agency, offices, user, bare = setup()
    added = add_events(agency, offices, user)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"Database: {connection.vendor}. {added} events added in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    token = services.renew_calendar_token(user=user).token
    occurrences, _links, _extra = feed.occurrences(user=user)
    print(f"  the reader's feed holds {len(occurrences)} occurrences", flush=True)
    client = Client()
    client.force_login(user)
    today = timezone.localdate()
    urls = {
        BARE: bare.url,
        "/tapahtumat/ (upcoming)": "/tapahtumat/",
        "month view": f"/tapahtumat/kalenteri/{today.year}/{today.month}/",
        "personal feed (.ics)": f"/tapahtumat/ical/{token}.ics",
    }
    results = measure_pages(client, urls, rounds=ROUNDS, warm_up=WARM_UP)
    # The same after any event is published (a new generation token before each request): built afresh.
    afresh = {
        "/tapahtumat/, built afresh": "/tapahtumat/",
        "month view, built afresh": f"/tapahtumat/kalenteri/{today.year}/{today.month}/",
        "personal feed, built afresh": f"/tapahtumat/ical/{token}.ics",
    }
    results.update(
        measure_pages(
            client, afresh, rounds=max(ROUNDS // 4, 5), warm_up=1, around=lambda name: fragments.renew()
        )
    )
    base = results[BARE]
    goals = {
        "/tapahtumat/ (upcoming)": ("≤ 1.5× bare", lambda p50: p50 <= 1.5 * base.p50),
        "month view": ("≤ 1.5× bare", lambda p50: p50 <= 1.5 * base.p50),
        "personal feed (.ics)": ("≤ 50 ms", lambda p50: p50 <= 50),
    }
    print(f"\n{EVENTS} events, {ROUNDS} rounds. {machine_line()}\n")
    print("| page | p50 ms | p95 ms | CPU p50 ms | queries | ratio to bare | goal | met? |")
    print("|---|---|---|---|---|---|---|---|")
    for name, timing in results.items():
        goal, check = goals.get(name, ("–", None))
        met = "–" if check is None else ("yes" if check(timing.p50) else "**no**")
        print(
            f"| {name} | {timing.p50:.1f} | {timing.p95:.1f} | {timing.cpu_p50:.1f} | {timing.queries} "
            f"| {timing.p50 / base.p50:.2f}× | {goal} | {met} |"
        )


if __name__ == "__main__":
    main()
