"""Fixtures for the events tests: the events section and a quick way to publish events."""

import datetime
import itertools
import zoneinfo

import pytest

from events.models import EventIndexPage, EventKind, EventPage

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
_slugs = itertools.count(1)


@pytest.fixture
def events_index(db):
    return EventIndexPage.objects.get(locale__language_code="fi")


@pytest.fixture
def staff_info_kind(db):
    return EventKind.objects.get(slug="henkilostoinfo")


def local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=HELSINKI)


def publish_event(
    index,
    *,
    organiser,
    kind=None,
    title="Henkilöstöinfo",
    start=None,
    duration=datetime.timedelta(hours=1),
    agencies=(),
    locations=(),
    units=(),
    teams=(),
    offices=(),
    rooms=(),
    **fields,
):
    """Create and publish an event through Wagtail's own API (as the admin does)."""
    start = start or (datetime.datetime.now(HELSINKI) + datetime.timedelta(days=7)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    event = EventPage(
        title=title,
        slug=f"tapahtuma-{next(_slugs)}",
        lead="Ingressi.",
        kind=kind or EventKind.objects.get(slug="henkilostoinfo"),
        organiser_agency=organiser,
        start=start,
        end=start + duration,
        **fields,
    )
    event.audience_agencies = list(agencies)
    event.audience_locations = list(locations)
    event.audience_units = list(units)
    event.audience_teams = list(teams)
    event.locations = list(offices)
    index.add_child(instance=event)
    for location, capacity in rooms:
        event.rooms.create(location=location, capacity=capacity)
    event.save_revision().publish()
    event.refresh_from_db()
    return event


def republish(event, **changes):
    """Edit and publish as an editor does: a new revision with the changes."""
    event = EventPage.objects.get(pk=event.pk)
    for name, value in changes.items():
        setattr(event, name, value)
    event.save_revision().publish()
    event.refresh_from_db()
    return event
