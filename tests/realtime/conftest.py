"""Realtime tests: presence timings shortened, and a clean hub, store and publisher for each test."""

import pytest

from presence import publisher, state, store
from realtime import hub, session_guard


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


@pytest.fixture(autouse=True)
async def stop_background_tasks(fast_presence):
    """Stop the publisher and the Redis reader inside the test's own event loop before it closes."""
    yield
    await publisher.PUBLISHER.aclose()
    await session_guard.GUARD.aclose()
    await hub.get_hub().aclose()
    client = getattr(store.get_store(), "_async", None)
    if client is not None:
        await client.aclose()
    hub.reset_hub()
    store.reset_store()
