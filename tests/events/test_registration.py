"""Registration rules a person and an organiser notice: window, approval, rooms, answers, CSV, attendance."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from events import notices, registration
from events.models import Registration, ViewingRoom
from tests.events.conftest import publish_event

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_waiting_list_is_promoted_in_order_when_a_seat_frees(org, events_index):
    event = publish_event(events_index, organiser=org.keha, registration_enabled=True, capacity=1)
    aino, matti, sanna = (org.people[n].user for n in ("aino", "matti", "sanna"))
    assert registration.register(user=aino, event=event).status == Status.CONFIRMED
    assert registration.register(user=matti, event=event).status == Status.WAITING
    assert registration.register(user=sanna, event=event).status == Status.WAITING
    registration.cancel(user=aino, event=event)
    assert Registration.objects.get(user=matti).status == Status.CONFIRMED
    assert Registration.objects.get(user=sanna).status == Status.WAITING


def test_window_closed_refuses(org, events_index):
    event = publish_event(
        events_index,
        organiser=org.keha,
        registration_enabled=True,
        registration_closes=timezone.now() - datetime.timedelta(hours=1),
    )
    with pytest.raises(ValidationError):
        registration.register(user=org.people["aino"].user, event=event)


def test_approval_and_rooms_have_their_own_seats(org, events_index):
    event = publish_event(
        events_index,
        organiser=org.keha,
        registration_enabled=True,
        format="hybrid",
        online_url="https://teams.example/kokous",
        offices=[org.vaasa],
        rooms=[(org.vaasa, 1)],
    )
    room = ViewingRoom.objects.get(event=event)
    aino, matti = org.people["aino"].user, org.people["matti"].user
    assert registration.register(user=aino, event=event, room_id=room.pk).status == Status.CONFIRMED
    assert registration.register(user=matti, event=event, room_id=room.pk).status == Status.WAITING
    # Online seats are unlimited here (no capacity): moving online gives Matti a seat.
    assert registration.register(user=matti, event=event, room_id=None).status == Status.CONFIRMED
    assert Registration.objects.get(user=matti).room_id is None


def test_answers_only_for_organisers_and_deleted_after_the_event(
    client, org, events_index, communication_user
):
    start = timezone.now() - datetime.timedelta(days=30)
    event = publish_event(
        events_index,
        organiser=org.keha,
        registration_enabled=True,
        questions="Ruokavalio",
        answers_kept_days=14,
        start=start + datetime.timedelta(days=40),
    )
    aino = org.people["aino"].user
    registration.register(user=aino, event=event, answers={"Ruokavalio": "=kasvis"})
    client.force_login(aino)
    assert client.get(reverse("events:attendees", args=[event.pk])).status_code == 403
    assert client.get(reverse("events:attendees_csv", args=[event.pk])).status_code == 403
    client.force_login(communication_user)
    csv_text = client.get(reverse("events:attendees_csv", args=[event.pk])).content.decode()
    assert "'=kasvis" in csv_text  # a formula is not a formula in a spreadsheet
    assert notices.delete_old_answers() == 0
    later = event.end + datetime.timedelta(days=15)
    assert notices.delete_old_answers(now=later) == 1
    assert Registration.objects.get(user=aino).answers == {}


def test_attendance_marked_by_organiser_only(client, org, events_index, communication_user):
    event = publish_event(events_index, organiser=org.keha, registration_enabled=True)
    aino = org.people["aino"].user
    mine = registration.register(user=aino, event=event)
    url = reverse("events:attendance", args=[event.pk])
    client.force_login(aino)
    assert client.post(url, {"registration": [mine.pk], "present": [mine.pk]}).status_code == 403
    client.force_login(communication_user)
    client.post(url, {"registration": [mine.pk], "present": [mine.pk]})
    assert Registration.objects.get(pk=mine.pk).attended is True


def test_regional_editor_organises_own_agency_only(org, events_index, regional_editor_user):
    own = regional_editor_user.person.agency
    theirs = publish_event(events_index, organiser=own, registration_enabled=True)
    national = publish_event(events_index, organiser=org.keha, registration_enabled=True)
    assert registration.attendees(organiser=regional_editor_user, event=theirs) == []
    with pytest.raises(PermissionDenied):
        registration.attendees(organiser=regional_editor_user, event=national)
    assert theirs.permissions_for_user(regional_editor_user).can_edit()
    assert not national.permissions_for_user(regional_editor_user).can_edit()
