"""What readers see: the event page in Finnish time formats, the location page's events, the home block."""

import pytest
from django.urls import reverse

from events import registration
from events.models import ViewingRoom
from tests.events.conftest import local, publish_event

pytestmark = pytest.mark.django_db


def test_location_page_lists_events_watched_there_and_who_is_coming(client, org, events_index):
    event = publish_event(
        events_index,
        organiser=org.keha,
        title="Esihenkilöfoorumi",
        registration_enabled=True,
        format="hybrid",
        online_url="https://teams.example/x",
        rooms=[(org.vaasa, 5)],
    )
    aino = org.people["aino"].user
    registration.register(user=aino, event=event, room_id=ViewingRoom.objects.get(event=event).pk)
    client.force_login(org.people["matti"].user)
    html = client.get(reverse("teams:location", args=["vaasa"])).content.decode()
    assert "Esihenkilöfoorumi" in html and "Aino Virtanen" in html
    assert "Esihenkilöfoorumi" not in client.get(reverse("teams:location", args=["mikkeli"])).content.decode()


def test_event_page_shows_helsinki_time_in_finnish_format_and_home_block(client, org, events_index):
    publish_event(events_index, organiser=org.keha, title="Kehittämispäivä", start=local(2027, 6, 1, 9, 0))
    client.force_login(org.people["aino"].user)
    html = client.get("/tapahtumat/").content.decode()
    assert "Kehittämispäivä" in html and "1.6.2027 09:00" in html
    home = client.get("/").content.decode()
    assert "Kehittämispäivä" in home
