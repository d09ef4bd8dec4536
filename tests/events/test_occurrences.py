"""Registration per occurrence of a series: each date its own seats and waiting list; moving or cancelling
one date tells only its registrants and updates (never duplicates) it in their calendar feed."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from events import notices, recurrence, registration, services
from events.models import EventPage, Occurrence, Registration, ViewingRoom
from tests.events.conftest import publish_event

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _series(events_index, org, **fields):
    return publish_event(
        events_index,
        organiser=org.keha,
        recurrence="FREQ=WEEKLY;COUNT=4",
        registration_enabled=True,
        **fields,
    )


def _keys(event) -> list[str]:
    return [occurrence.key for occurrence in recurrence.occurrences(event)]


def _change_occurrence(event, key, **fields):
    """An editor moves or cancels one date (an inline row on the page) and publishes."""
    event = EventPage.objects.get(pk=event.pk)
    original = next(o.original_start for o in recurrence.occurrences(event) if o.key == key)
    event.occurrence_changes = [Occurrence(original_start=original, **fields)]
    event.save_revision().publish()
    event.refresh_from_db()
    return event


def _feed(client, user) -> dict:
    token = services.renew_calendar_token(user=user).token
    calendar = icalendar.Calendar.from_ical(client.get(reverse("events:feed", args=[token])).content)
    return {str(vevent["uid"]): vevent for vevent in calendar.walk("VEVENT")}


def test_each_date_has_its_own_seats_waiting_list_and_promotion(org, events_index):
    event = _series(events_index, org, capacity=1)
    first, second, third, _fourth = _keys(event)
    aino, matti, sanna = (org.people[n].user for n in ("aino", "matti", "sanna"))
    assert registration.register(user=aino, event=event, occurrence=first).status == Status.CONFIRMED
    assert registration.register(user=matti, event=event, occurrence=first).status == Status.WAITING
    # Another date is free: the same person holds several registrations, one per date.
    assert registration.register(user=matti, event=event, occurrence=second).status == Status.CONFIRMED
    assert registration.register(user=aino, event=event, occurrence=third).status == Status.CONFIRMED
    assert registration.register(user=sanna, event=event, occurrence=third).status == Status.WAITING

    registration.cancel(user=aino, event=event, occurrence=first)
    assert Registration.objects.get(user=matti, occurrence=first).status == Status.CONFIRMED
    # Cancelling one date leaves the others: Aino keeps the third date and Sanna still waits for it.
    assert Registration.objects.get(user=aino, occurrence=third).status == Status.CONFIRMED
    assert Registration.objects.get(user=sanna, occurrence=third).status == Status.WAITING
    assert registration.seats(event=event, occurrence=second).online_confirmed == 1


def test_a_series_needs_a_date_and_a_real_one(org, events_index):
    event = _series(events_index, org)
    aino = org.people["aino"].user
    with pytest.raises(ValidationError):
        registration.register(user=aino, event=event)
    with pytest.raises(ValidationError):
        registration.register(user=aino, event=event, occurrence="20990101T070000Z")


def test_room_seats_are_per_date(org, events_index):
    event = _series(
        events_index,
        org,
        format="hybrid",
        online_url="https://teams.example/sarja",
        offices=[org.vaasa],
        rooms=[(org.vaasa, 1)],
    )
    room = ViewingRoom.objects.get(event=event)
    first, second, *_rest = _keys(event)
    aino, matti = org.people["aino"].user, org.people["matti"].user
    assert (
        registration.register(user=aino, event=event, occurrence=first, room_id=room.pk).status == "confirmed"
    )
    assert (
        registration.register(user=matti, event=event, occurrence=first, room_id=room.pk).status == "waiting"
    )
    assert (
        registration.register(user=matti, event=event, occurrence=second, room_id=room.pk).status
        == "confirmed"
    )


def test_the_page_registers_for_the_chosen_date_and_cancels_one(client, org, events_index):
    event = _series(events_index, org, capacity=5)
    first, second, *_rest = _keys(event)
    aino = org.people["aino"].user
    client.force_login(aino)
    page = client.get(event.url).content.decode()
    assert f'value="{second}"' in page  # the dates to choose from
    url = reverse("events:register", args=[event.pk])
    client.post(url, {"kerta": first})
    client.post(url, {"kerta": second})
    assert set(
        Registration.objects.filter(user=aino, status=Status.CONFIRMED).values_list("occurrence", flat=True)
    ) == {
        first,
        second,
    }
    client.post(reverse("events:cancel", args=[event.pk]), {"kerta": first})
    assert Registration.objects.get(user=aino, occurrence=first).status == Status.CANCELLED
    assert Registration.objects.get(user=aino, occurrence=second).status == Status.CONFIRMED


def test_a_moved_date_keeps_its_registrations_and_tells_only_them(client, org, events_index):
    event = _series(events_index, org, capacity=5)
    first, second, *_rest = _keys(event)
    aino, matti = org.people["aino"].user, org.people["matti"].user
    registration.register(user=aino, event=event, occurrence=first)
    registration.register(user=matti, event=event, occurrence=second)
    before = _feed(client, matti)
    (uid,) = before

    moved_start = recurrence.find(event, second).start + datetime.timedelta(days=1, hours=3)
    event = _change_occurrence(
        event, second, start=moved_start, end=moved_start + datetime.timedelta(hours=1)
    )
    mail.outbox.clear()
    assert notices.send_update_notices(event_id=event.pk) == 1
    assert notices.send_update_notices(event_id=event.pk) == 0  # never twice
    assert [message.to for message in mail.outbox] == [[matti.email]]
    assert Registration.objects.get(user=matti).occurrence == second  # kept across the move

    after = _feed(client, matti)
    assert list(after) == [uid]  # updated, not duplicated
    assert after[uid].decoded("dtstart") == moved_start
    assert int(after[uid]["sequence"]) > int(before[uid]["sequence"])


def test_a_cancelled_date_tells_its_registrants_and_cancels_in_the_feed(client, org, events_index):
    event = _series(events_index, org, capacity=5)
    first, second, *_rest = _keys(event)
    aino, matti = org.people["aino"].user, org.people["matti"].user
    registration.register(user=aino, event=event, occurrence=first)
    registration.register(user=aino, event=event, occurrence=second)
    registration.register(user=matti, event=event, occurrence=second)
    before = _feed(client, aino)
    assert len(before) == 2

    event = _change_occurrence(event, first, cancelled=True)
    mail.outbox.clear()
    assert notices.send_update_notices(event_id=event.pk) == 1
    assert [message.to for message in mail.outbox] == [[aino.email]]
    assert "Peruttu" in mail.outbox[0].subject or "Cancelled" in mail.outbox[0].subject

    after = _feed(client, aino)
    assert set(after) == set(before)
    statuses = {uid: str(vevent["status"]) for uid, vevent in after.items()}
    assert sorted(statuses.values()) == ["CANCELLED", "CONFIRMED"]
    for uid, vevent in after.items():
        assert int(vevent["sequence"]) > int(before[uid]["sequence"])


def test_the_person_cancelling_one_date_cancels_it_in_their_feed(client, org, events_index):
    event = _series(events_index, org)
    first, second, *_rest = _keys(event)
    aino = org.people["aino"].user
    registration.register(user=aino, event=event, occurrence=first)
    registration.register(user=aino, event=event, occurrence=second)
    before = _feed(client, aino)
    registration.cancel(user=aino, event=event, occurrence=first)
    after = _feed(client, aino)
    assert set(after) == set(before)
    changed = [uid for uid in after if str(after[uid]["status"]) == "CANCELLED"]
    assert len(changed) == 1
    assert int(after[changed[0]]["sequence"]) > int(before[changed[0]]["sequence"])
    (kept,) = set(after) - set(changed)
    assert int(after[kept]["sequence"]) == int(before[kept]["sequence"])
