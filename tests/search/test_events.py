"""Events in /haku/ and the header suggestions, on both engines."""

from __future__ import annotations

import pytest
from django.urls import reverse

from events.models import EventIndexPage
from search.indexing import drain
from tests.events.conftest import publish_event

pytestmark = pytest.mark.django_db


def test_an_event_is_found_and_suggested(client, org, use_engine):
    index = EventIndexPage.objects.get(locale__language_code="fi")
    event = publish_event(index, organiser=org.keha, title="Esihenkilöfoorumi syksyllä")
    drain(engine=use_engine)
    client.force_login(org.people["aino"].user)
    html = client.get(reverse("search:search"), {"q": "esihenkilöfoorumi"}).content.decode()
    assert event.url in html and "Esihenkilöfoorumi syksyllä" in html
    suggestions = client.get(reverse("search:autocomplete"), {"q": "esihenkilöfoor"}).json()["results"]
    assert any(result.get("url") == event.url for result in suggestions)
