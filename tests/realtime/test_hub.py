"""realtime.hub: local fan-out, publishing from threads, and crossing processes through Redis."""

import asyncio
import os
import threading

import pytest

from realtime.hub import Hub


class Socket:
    def __init__(self, broken=False):
        self.got = []
        self.broken = broken

    async def hub_send(self, text):
        if self.broken:
            raise ConnectionError("gone")
        self.got.append(text)


async def settle():
    for _ in range(5):
        await asyncio.sleep(0.01)


async def test_a_publish_reaches_each_local_subscriber_of_the_topic_once():
    hub = Hub()
    a, b, other = Socket(), Socket(), Socket()
    hub.subscribe("team.1", a)
    hub.subscribe("team.1", b)
    hub.subscribe("team.1", b)  # twice is once
    hub.subscribe("team.2", other)
    hub.publish("team.1", '{"type": "x"}')
    await settle()
    assert a.got == b.got == ['{"type": "x"}'] and other.got == []


async def test_unsubscribing_stops_delivery_and_forgets_empty_topics():
    hub = Hub()
    a = Socket()
    hub.subscribe("t", a)
    hub.subscribe("u", a)
    hub.unsubscribe("t", a)
    await hub.apublish("t", "1")
    assert a.got == [] and hub.local_count("t") == 0
    assert hub.unsubscribe_all(a) == {"u"}
    assert hub.local_count("u") == 0 and hub.topics_of(a) == set()


async def test_a_broken_socket_is_dropped_and_the_others_still_get_the_frame():
    hub = Hub()
    broken, fine = Socket(broken=True), Socket()
    hub.subscribe("t", broken)
    hub.subscribe("t", fine)
    assert await hub.deliver_local("t", "1") == 1
    assert fine.got == ["1"] and hub.local_count("t") == 1


async def test_publishing_from_a_sync_thread_reaches_sockets_in_the_loop():
    hub = Hub()
    a = Socket()
    hub.subscribe("t", a)
    thread = threading.Thread(target=hub.publish, args=("t", "from a view"))
    thread.start()
    thread.join()
    await settle()
    assert a.got == ["from a view"]


@pytest.mark.redis
async def test_through_redis_each_process_delivers_once_and_the_origin_ignores_its_echo():
    url = os.environ["REDIS_URL"]
    prefix = f"test-hub-{os.getpid()}:"
    first, second = Hub(url, prefix), Hub(url, prefix)  # two processes' hubs
    on_first, on_second = Socket(), Socket()
    first.subscribe("presence.team.1", on_first)
    second.subscribe("presence.team.1", on_second)
    await first.synced()
    await second.synced()
    await first.apublish("presence.team.1", "hello")
    threading.Thread(target=second.publish, args=("presence.team.1", "from the worker")).start()
    for _ in range(100):
        if len(on_first.got) == 2 and len(on_second.got) == 2:
            break
        await asyncio.sleep(0.02)
    assert sorted(on_first.got) == sorted(on_second.got) == ["from the worker", "hello"]
    # The last subscriber leaving unsubscribes the process from Redis: nothing arrives any more.
    second.unsubscribe_all(on_second)
    await asyncio.sleep(0.1)
    await first.apublish("presence.team.1", "after")
    await asyncio.sleep(0.2)
    assert on_second.got == ["hello", "from the worker"] or sorted(on_second.got) == [
        "from the worker",
        "hello",
    ]
