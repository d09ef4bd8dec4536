"""The "live now" frame: published once when an occurrence becomes joinable (10 minutes before) and once when it ends."""

import datetime

import pytest
from django.utils import timezone

from events import actions
from tests.events.conftest import publish_event

pytestmark = pytest.mark.django_db


def test_live_and_ended_frames_once_each(org, events_index, monkeypatch, django_capture_on_commit_callbacks):
    sent = []
    monkeypatch.setattr(actions.actions, "publish", lambda topics, frame: sent.append((topics, frame)))
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=1)
    event = publish_event(events_index, organiser=org.keha, start=start, units=[org.payments])
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.publish_live_states(now=start - datetime.timedelta(minutes=20)) == 0
        assert actions.publish_live_states(now=start - datetime.timedelta(minutes=9, seconds=30)) == 1
        assert actions.publish_live_states(now=start - datetime.timedelta(minutes=8, seconds=30)) == 0
        assert actions.publish_live_states(now=event.end + datetime.timedelta(seconds=30)) == 1
    (topics, frame), (_topics, ended) = sent
    assert topics == [f"unit.{org.payments.pk}"]
    assert frame["event"]["state"] == "live" and ended["event"]["state"] == "ended"
