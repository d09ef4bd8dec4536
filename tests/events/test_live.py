"""Live frames: "live now" once when an occurrence becomes joinable (10 minutes before) and once when it ends;
a published change to time, place, link or cancellation; both reach everyone who may open the event."""

import datetime

import pytest
from django.utils import timezone

from events import actions
from realtime import groups
from tests.events.conftest import publish_event, republish

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch):
    """The frames published, after the schema check of tests/conftest.py (which wraps the real publish)."""
    found = []
    checked = actions.actions.publish

    def record(topics, frame):
        checked(topics, frame)
        found.append((topics, frame))

    monkeypatch.setattr(actions.actions, "publish", record)
    return found


def _outsider_groups(org) -> list[str]:
    """The groups of a person outside the payments unit: their open event page must get the frames too."""
    person = org.people["sanna"]
    return groups.person_groups(
        user_id=person.user_id,
        agency_id=person.agency_id,
        location_id=person.home_location_id,
        unit_id=person.unit_id,
    )


def test_live_and_ended_frames_once_each_to_everyone(
    org, events_index, sent, django_capture_on_commit_callbacks
):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=1)
    event = publish_event(events_index, organiser=org.keha, start=start, units=[org.payments])
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.publish_live_states(now=start - datetime.timedelta(minutes=20)) == 0
        assert actions.publish_live_states(now=start - datetime.timedelta(minutes=9, seconds=30)) == 1
        assert actions.publish_live_states(now=start - datetime.timedelta(minutes=8, seconds=30)) == 0
        assert actions.publish_live_states(now=event.end + datetime.timedelta(seconds=30)) == 1
    (topics, frame), (_topics, ended) = sent
    assert org.people["sanna"].unit_id != org.payments.pk
    # Every member of staff may open the event (the audience is not access control) and the lists show it.
    assert set(topics) & set(_outsider_groups(org))
    assert frame["event"]["id"] == event.pk
    assert frame["event"]["state"] == "live" and ended["event"]["state"] == "ended"


def test_a_published_change_reaches_open_pages_and_a_text_edit_does_not(
    org, events_index, sent, django_capture_on_commit_callbacks
):
    event = publish_event(events_index, organiser=org.keha, units=[org.payments])
    with django_capture_on_commit_callbacks(execute=True):
        republish(event, title="Uusi otsikko")
    assert [frame["type"] for _topics, frame in sent] == []
    with django_capture_on_commit_callbacks(execute=True):
        event = republish(
            event,
            start=event.start + datetime.timedelta(hours=1),
            end=event.end + datetime.timedelta(hours=1),
        )
    ((topics, changed),) = [(t, f) for t, f in sent if f["type"] == "events.changed"]
    assert set(topics) & set(_outsider_groups(org))
    assert changed["event"] == {
        "id": event.pk,
        "state": "changed",
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
    }
    sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        republish(event, cancelled=True)
    assert [frame["event"]["state"] for _topics, frame in sent if frame["type"] == "events.changed"] == [
        "cancelled"
    ]


def test_pages_carry_the_hooks_the_frames_update(client, org, events_index):
    from events import services

    event = publish_event(events_index, organiser=org.keha)
    client.force_login(org.people["aino"].user)
    page = client.get(event.url).content.decode()
    assert f'data-event-id="{event.pk}"' in page and "data-event-changed" in page and "events/live.js" in page
    listing = client.get("/tapahtumat/").content.decode()
    assert f'data-live-event="{event.pk}"' in listing and "events/live.js" in listing
    assert services.home_block(user=org.people["aino"].user)
    home = client.get("/").content.decode()
    assert f'data-live-event="{event.pk}"' in home and "events/live.js" in home
