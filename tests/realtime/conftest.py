"""Realtime tests: presence timings shortened, and a clean hub, store and publisher for each test."""

import pytest

from realtime import hub
from realtime.presence import publisher, state, store


@pytest.fixture(autouse=True)
def fast_presence(monkeypatch):
    """Flush every 20 ms and publish each person at once (no MIN_GAP), unless a test sets its own."""
    monkeypatch.setattr(state, "FLUSH", 0.02)
    monkeypatch.setattr(state, "MIN_GAP", 0)
    hub.reset_hub()
    store.reset_store()
    store.get_store().clear()
    publisher.PUBLISHER.__init__()
    yield
    store.get_store().clear()
    hub.reset_hub()
    store.reset_store()
