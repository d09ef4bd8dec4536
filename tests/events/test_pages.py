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


def test_month_view_is_a_grid_monday_first_with_more_and_filters_kept(client, org, events_index):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    day = today + datetime.timedelta(days=1) if today.day < 27 else today - datetime.timedelta(days=1)
    for hour in range(8, 13):  # five on one day: three shown, "+2 more"
        publish_event(
            events_index,
            organiser=org.keha,
            title=f"Tapahtuma {hour}",
            start=local(day.year, day.month, day.day, hour),
        )
    client.force_login(org.people["aino"].user)
    response = client.get(reverse("events:month", args=[day.year, day.month]) + f"?organiser={org.keha.pk}")
    page = response.content.decode()
    assert '<table class="month-grid">' in page and "<caption>" in page
    headers = page.split("<thead>")[1].split("</thead>")[0]
    assert headers.count('scope="col"') == 7
    from django.utils import dateformat, translation

    monday = today - datetime.timedelta(days=today.weekday())
    with translation.override(response["Content-Language"]):
        full_names = [dateformat.format(monday + datetime.timedelta(days=n), "l") for n in range(7)]
    # Monday first, the full names for screen readers (the abbreviations are shown).
    assert [headers.index(f'visually-hidden">{name}<') for name in full_names] == sorted(
        headers.index(f'visually-hidden">{name}<') for name in full_names
    )
    assert 'aria-current="date"' in page or today.month != day.month
    assert page.count("Tapahtuma ") == 5
    assert "+2 lisää" in page or "+2 more" in page
    assert f"?organiser={org.keha.pk}" in page.split('rel="prev"')[0].rsplit("<a", 1)[1]  # filters kept


def test_home_block_is_cached_and_follows_publish_and_unpublish(client, org, events_index):
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from events import fragments

    aino = org.people["aino"].user
    first = publish_event(events_index, organiser=org.keha, title="Ensimmäinen info")

    def render():
        request = RequestFactory().get("/")
        request.user = aino
        with CaptureQueriesContext(connection) as queries:
            html = fragments.home_block(request=request)
        return html, len(queries)

    html, _cold = render()
    assert "Ensimmäinen info" in html
    html, warm = render()
    assert warm == 0 and "Ensimmäinen info" in html
    second = publish_event(events_index, organiser=org.keha, title="Toinen info")
    assert "Toinen info" in render()[0]
    second.unpublish()
    assert "Toinen info" not in render()[0]
    first.delete()
    assert render()[0].strip() == ""
