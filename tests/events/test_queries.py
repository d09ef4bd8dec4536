"""Query counts of the lists, the month, the home block, the feed and the attendee list: constant in the
number of events and registrations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import recurrence, registration, services
from tests.events.conftest import publish_event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _count(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def test_lists_feed_and_attendees_cost_the_same_for_one_event_or_many(
    client, org, events_index, communication_user
):
    aino = org.people["aino"].user
    token = services.renew_calendar_token(user=aino).token

    def measure():
        client.force_login(communication_user)
        event_id = first.pk  # the event the registrations pile up on (the others start at the same time)
        counts = {
            "index": _count(lambda: client.get("/tapahtumat/")),
            "month": _count(lambda: client.get(reverse("events:month_now"))),
            "attendees": _count(lambda: client.get(reverse("events:attendees", args=[event_id]))),
        }
        client.force_login(aino)
        counts["mine"] = _count(lambda: client.get(reverse("events:mine")))
        counts["feed"] = _count(lambda: client.get(reverse("events:feed", args=[token])))
        counts["home"] = _count(lambda: services.home_block(user=type(aino).objects.get(pk=aino.pk)))
        return counts

    def cold():
        """The cached pages built afresh: every events fragment missing (the rest as warm as before)."""
        from events import fragments

        fragments.renew()
        fragments.renew_people([aino.pk])
        counts = measure()
        return {name: counts[name] for name in ("index", "month", "feed", "home")}

    first = publish_event(events_index, organiser=org.keha, registration_enabled=True, offices=[org.vaasa])
    registration.register(user=aino, event=first)
    measure()  # warm the per-process caches (locales, site root, the reader cached on the user)
    few = measure()
    cold_few = cold()
    for number in range(3):
        event = publish_event(
            events_index,
            organiser=org.ely,
            registration_enabled=True,
            offices=[org.vaasa, org.mikkeli],
            recurrence="FREQ=WEEKLY;COUNT=3" if number == 0 else "",
        )
        for occurrence in recurrence.occurrences(event):  # a series: each date its own registration
            registration.register(user=aino, event=event, occurrence=recurrence.key_of(occurrence))
        for person in range(3):
            registration.register(user=UserFactory(username=f"q{number}-{person}"), event=first)
    measure()  # the first visit after a change renders the cached parts afresh
    assert measure() == few
    # The cached parts built afresh (the lists, the month, the home block, the feed) cost the same too.
    assert cold() == cold_few
    # Warm, the lists, the month and the feed read their fragments: no query for the events at all.
    assert (
        few["feed"] < cold_few["feed"]
        and few["index"] < cold_few["index"]
        and few["month"] < cold_few["month"]
    )
