"""Recurrence across daylight saving, and the calendar feed as a real iCalendar parser reads it."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from events import recurrence, services
from events.models import EventPage, Occurrence, Registration
from tests.events.conftest import HELSINKI, local, publish_event, republish


@pytest.mark.django_db  # a Wagtail page's __init__ may read its content type
def test_weekly_event_at_nine_stays_at_nine_across_both_dst_changes():
    event = EventPage(
        start=local(2026, 3, 17, 9, 0), end=local(2026, 3, 17, 10, 0), recurrence="FREQ=WEEKLY;COUNT=34"
    )
    starts = [occurrence.start for occurrence in recurrence.occurrences(event, changes=[])]
    assert len(starts) == 34
    local_times = {start.astimezone(HELSINKI).strftime("%H:%M") for start in starts}
    assert local_times == {"09:00"}
    utc_hours = {start.astimezone(datetime.UTC).hour for start in starts}
    # 9.00 in Helsinki is 7 UTC in winter and 6 UTC in summer: both changes (29.3. and 25.10.2026) are crossed.
    assert utc_hours == {6, 7}
    assert starts[0].astimezone(datetime.UTC).hour == 7 and starts[-1].astimezone(datetime.UTC).hour == 7


@pytest.mark.django_db
def test_a_moved_and_a_cancelled_occurrence():
    event = EventPage(start=local(2026, 1, 6, 9), end=local(2026, 1, 6, 10), recurrence="FREQ=WEEKLY;COUNT=4")
    changes = [
        Occurrence(original_start=local(2026, 1, 13, 9), start=local(2026, 1, 14, 13)),
        Occurrence(original_start=local(2026, 1, 20, 9), cancelled=True),
    ]
    found = recurrence.occurrences(event, changes=changes)
    assert [o.start.astimezone(HELSINKI).strftime("%d.%m %H") for o in found] == [
        "06.01 09",
        "14.01 13",
        "20.01 09",
        "27.01 09",
    ]
    assert [o.cancelled for o in found] == [False, False, True, False]
    assert found[1].end - found[1].start == datetime.timedelta(hours=1)


def _parse(response) -> list:
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


@pytest.mark.django_db
def test_feed_uid_stable_sequence_rises_and_cancellation_cancels(client, org, events_index):
    aino = org.people["aino"].user
    event = publish_event(events_index, organiser=org.keha, registration_enabled=True, capacity=10)
    from events import registration

    registration.register(user=aino, event=event)
    token = services.renew_calendar_token(user=aino)
    url = reverse("events:feed", args=[token.token])

    first = _parse(client.get(url))
    assert len(first) == 1
    uid, sequence = str(first[0]["uid"]), int(first[0]["sequence"])
    assert str(first[0]["status"]) == "CONFIRMED"

    republish(
        event, start=event.start + datetime.timedelta(hours=2), end=event.end + datetime.timedelta(hours=2)
    )
    moved = _parse(client.get(url))
    assert str(moved[0]["uid"]) == uid
    assert int(moved[0]["sequence"]) > sequence
    assert moved[0].decoded("dtstart") == event.start + datetime.timedelta(hours=2)

    republish(event, title="Henkilöstöinfo (uusi otsikko)")  # a text change: no new SEQUENCE needed
    assert int(_parse(client.get(url))[0]["sequence"]) == int(moved[0]["sequence"])

    republish(event, cancelled=True)
    cancelled = _parse(client.get(url))
    assert str(cancelled[0]["uid"]) == uid
    assert str(cancelled[0]["status"]) == "CANCELLED"
    assert int(cancelled[0]["sequence"]) > int(moved[0]["sequence"])


@pytest.mark.django_db
def test_feed_token_is_revocable_and_needs_no_login(client, org, events_index):
    aino = org.people["aino"].user
    token = services.renew_calendar_token(user=aino).token
    assert client.get(reverse("events:feed", args=[token])).status_code == 200
    renewed = services.renew_calendar_token(user=aino).token
    assert client.get(reverse("events:feed", args=[token])).status_code == 404
    services.revoke_calendar_token(user=aino)
    assert client.get(reverse("events:feed", args=[renewed])).status_code == 404


@pytest.mark.django_db
def test_cancelled_registration_shows_as_cancelled_in_the_persons_feed(client, org, events_index):
    from events import registration

    aino = org.people["aino"].user
    event = publish_event(events_index, organiser=org.keha, registration_enabled=True)
    registration.register(user=aino, event=event)
    registration.cancel(user=aino, event=event)
    assert Registration.objects.get(user=aino).status == Registration.Status.CANCELLED
    token = services.renew_calendar_token(user=aino).token
    (vevent,) = _parse(client.get(reverse("events:feed", args=[token])))
    assert str(vevent["status"]) == "CANCELLED"


@pytest.mark.django_db
def test_recurring_feed_has_one_uid_per_occurrence_in_local_time(client, org, events_index):
    aino = org.people["aino"].user
    publish_event(
        events_index, organiser=org.keha, start=local(2026, 12, 1, 9), recurrence="FREQ=MONTHLY;COUNT=6"
    )
    token = services.renew_calendar_token(user=aino).token
    vevents = _parse(client.get(reverse("events:feed", args=[token])))
    assert len({str(v["uid"]) for v in vevents}) == len(vevents) >= 5
    assert {v.decoded("dtstart").astimezone(HELSINKI).hour for v in vevents} == {9}


@pytest.mark.django_db
def test_feed_text_escapes_and_folds_as_a_parser_reads_it(client, org, events_index):
    aino = org.people["aino"].user
    title = (
        "Kehittämispäivä; työhyvinvointi, yhteistyö ja äänestys – Pohjanmaan ELY-keskus \\ KEHA-keskus 2027"
    )
    event = publish_event(
        events_index,
        organiser=org.keha,
        title=title,
        offices=[org.vaasa],
        place_details="Sali 2; 3. krs",
    )
    event = republish(event, lead="Rivi yksi.\nRivi kaksi, jossa ääkkösiä: åäö.")
    token = services.renew_calendar_token(user=aino)
    response = client.get(reverse("events:feed", args=[token.token]))
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    (vevent,) = _parse(response)
    assert str(vevent["summary"]) == title
    assert str(vevent["description"]).startswith("Rivi yksi.\nRivi kaksi, jossa ääkkösiä: åäö.")
    assert str(vevent["url"]).endswith(event.url)
    assert str(vevent["location"]) == f"{org.vaasa.name}, Sali 2; 3. krs"
