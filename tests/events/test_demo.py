"""The demo events load on a small organisation (the full demo data runs them too: tests/conftest.py)."""

import pytest

from demo.events import load_events
from events.models import EventPage, Registration, ViewingRoom

pytestmark = pytest.mark.django_db


def test_demo_events_past_and_upcoming_with_waiting_lists_and_rooms(org):
    result = load_events()
    assert result.created >= 12
    assert EventPage.objects.filter(recurrence__startswith="FREQ=MONTHLY").exists()
    assert ViewingRoom.objects.exists()
    assert Registration.objects.exists()
    assert load_events().created == 0  # idempotent
