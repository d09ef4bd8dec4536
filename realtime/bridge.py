"""The hub's Redis side: one pub/sub connection per process, SUBSCRIBE per topic with local subscribers.

See realtime/hub.py ("Cross-process") for what it does and docs/realtime.md for why. The hub creates one
RedisBridge when ``REDIS_URL`` is set; nothing else uses this module.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import deque
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from realtime.hub import Hub

logger = logging.getLogger(__name__)

# How long ``synced()`` waits for Redis to acknowledge SUBSCRIBEs. Longer only
# delays a connection's first snapshot when Redis is slow; the snapshot is still
# correct after it, at worst one change older.
SUBSCRIBE_TIMEOUT = 2.0
# Topics subscribed or unsubscribed in one Redis command: a reconnect storm of
# 550 users becomes a handful of SUBSCRIBE commands, not thousands.
SUBSCRIBE_BATCH = 500
# Publishes sent in one Redis pipeline. Larger: fewer round trips in a burst
# (a connect storm publishes thousands of presence changes); smaller: a frame
# waits less behind the others of its burst. Publishes are never lost to the
# batching: the publisher keeps sending until nothing is queued.
PUBLISH_BATCH = 500
ORIGIN_LENGTH = 32  # uuid4().hex
# Frames that could not be published (Redis down or restarting) are held and sent again, in order, when
# Redis answers: a chat message stored during a short outage reaches the other processes' sockets on
# recovery, not only at their next resync. At most HOLD_MAX frames, none older than HOLD_SECONDS (a
# client that was without news for longer resyncs from the database anyway), retried every HOLD_RETRY s.
HOLD_MAX = 5000
HOLD_SECONDS = 60.0
HOLD_RETRY = 1.0


class RedisBridge:
    """One pub/sub connection per process; SUBSCRIBE per topic with local subscribers."""

    def __init__(self, hub: Hub, url: str, prefix: str):
        import redis

        self.hub = hub
        self.url = url
        self.prefix = prefix
        # Publishing from threads and the worker; short timeouts, so an unreachable Redis holds no thread.
        self._sync = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
        self._sync_lock = threading.Lock()
        self._client = None
        self._pubsub = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._reader: asyncio.Task | None = None
        self._pending: dict[str, bool] = {}  # topic -> True subscribe / False unsubscribe
        self._flush_scheduled = False
        self._acks: deque[list] = deque()  # [remaining confirmations, future]
        self._subscribed: set[str] = set()
        self._outgoing: deque[tuple[str, bytes]] = deque()  # (channel, payload) waiting for the publisher
        self._publisher: asyncio.Task | None = None
        self._held: deque[tuple[float, str, bytes]] = deque()  # (when, channel, payload) to send again
        self._retry_scheduled = False

    def channel(self, topic: str) -> str:
        return self.prefix + topic

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        import redis.asyncio

        self._loop = loop
        self._client = redis.asyncio.Redis.from_url(self.url)
        self._pubsub = self._client.pubsub()
        self._subscribed = set()
        self._acks.clear()
        self._outgoing.clear()
        self._publisher = None
        self._held.clear()
        self._retry_scheduled = False
        self._pending = {topic: True for topic in self.hub.topics()}
        self._flush_scheduled = False
        # The process's own control channel keeps the connection subscribed
        # (redis-py reads nothing from an unsubscribed pub/sub connection).
        self._pending[f"_process.{self.hub.origin}"] = True
        self._schedule_flush()
        self._reader = loop.create_task(self._read())

    async def aclose(self) -> None:
        publisher = self._publisher
        if publisher is not None and not publisher.done():
            await asyncio.wait([publisher], timeout=1)  # what was queued goes out first
        reader, self._reader = self._reader, None
        if reader is not None and not reader.done():
            reader.cancel()
            await asyncio.wait([reader], timeout=1)
        for closing in (self._pubsub, self._client):
            if closing is not None:
                try:
                    await asyncio.wait_for(closing.aclose(), 1)
                except Exception:  # noqa: BLE001
                    pass
        self._pubsub = self._client = None

    def forget(self, topic: str) -> None:
        self._pending.pop(topic, None)

    def want(self, topic: str) -> None:
        self._pending[topic] = True
        self._schedule_flush()

    def drop(self, topic: str) -> None:
        self._pending[topic] = False
        self._schedule_flush()

    def _schedule_flush(self) -> None:
        if not self._flush_scheduled and self._loop is not None:
            self._flush_scheduled = True
            # call_soon: every subscribe of this loop turn goes into one command.
            self._loop.call_soon(lambda: self._loop.create_task(self._flush()))

    async def _flush(self) -> None:
        self._flush_scheduled = False
        pending, self._pending = self._pending, {}
        add = [self.channel(t) for t, on in pending.items() if on and self.channel(t) not in self._subscribed]
        remove = [
            self.channel(t) for t, on in pending.items() if not on and self.channel(t) in self._subscribed
        ]
        try:
            for start in range(0, len(add), SUBSCRIBE_BATCH):
                batch = add[start : start + SUBSCRIBE_BATCH]
                future = self._loop.create_future()
                self._acks.append([len(batch), future])
                self._subscribed.update(batch)
                await self._pubsub.subscribe(*batch)
            for start in range(0, len(remove), SUBSCRIBE_BATCH):
                batch = remove[start : start + SUBSCRIBE_BATCH]
                self._subscribed.difference_update(batch)
                await self._pubsub.unsubscribe(*batch)
        except Exception:  # noqa: BLE001 - Redis down: local delivery goes on
            logger.exception("Could not update Redis subscriptions")

    async def synced(self) -> None:
        # Let a flush scheduled in this loop turn send its command first.
        for _ in range(3):
            await asyncio.sleep(0)
        waiting = [future for _count, future in self._acks]
        if waiting:
            await asyncio.wait(waiting, timeout=SUBSCRIBE_TIMEOUT)

    async def _read(self) -> None:
        pubsub = self._pubsub
        task = asyncio.current_task()
        while not task.cancelling():  # redis-py may swallow a CancelledError: look for ourselves
            try:
                if not pubsub.subscribed:
                    await asyncio.sleep(0.05)
                    continue
                message = await pubsub.get_message(timeout=None)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - reconnects inside redis-py; keep reading
                if asyncio.current_task().cancelling():
                    return  # redis-py turned our cancellation into a connection error: stop
                logger.exception("Redis pub/sub read failed; retrying")
                await asyncio.sleep(1)
                continue
            if message is None:
                continue
            kind = message["type"]
            if kind == "subscribe":
                if self._acks:
                    entry = self._acks[0]
                    entry[0] -= 1
                    if entry[0] <= 0:
                        self._acks.popleft()
                        if not entry[1].done():
                            entry[1].set_result(None)
                continue
            if kind != "message":
                continue
            data = message["data"]
            if data[:ORIGIN_LENGTH] == self.hub.origin.encode():
                continue  # our own publish: delivered locally already
            topic = message["channel"].decode()[len(self.prefix) :]
            try:
                await self.hub.deliver_local(topic, data[ORIGIN_LENGTH:].decode())
            except Exception:  # noqa: BLE001
                logger.exception("Delivering a message from Redis failed")

    def _payload(self, text: str) -> bytes:
        return (self.hub.origin + text).encode()

    def publish_blocking(self, topic: str, text: str) -> None:
        channel, payload = self.channel(topic), self._payload(text)
        try:
            with self._sync_lock:
                self._sync.publish(channel, payload)
        except Exception as error:  # noqa: BLE001 - the database is the truth; a lost frame is a missed hint
            loop = self._loop
            if loop is not None and not loop.is_closed():  # a web process: its loop sends it on recovery
                logger.warning("Could not publish %s to Redis (%s); held", topic, error)
                try:
                    loop.call_soon_threadsafe(self._hold, [(channel, payload)])
                except RuntimeError:
                    pass
            else:
                logger.exception("Could not publish %s to Redis", topic)

    def _hold(self, batch) -> None:
        now = time.monotonic()
        self._held.extend((now, channel, payload) for channel, payload in batch)
        while len(self._held) > HOLD_MAX:
            self._held.popleft()
        if not self._retry_scheduled and self._loop is not None:
            self._retry_scheduled = True
            self._loop.call_later(HOLD_RETRY, self._retry_held)

    def _retry_held(self) -> None:
        """Put the held frames back in front of the queue (oldest first) and start the publisher."""
        self._retry_scheduled = False
        cutoff = time.monotonic() - HOLD_SECONDS
        held = [(channel, payload) for when, channel, payload in self._held if when >= cutoff]
        self._held.clear()
        if not held:
            return
        self._outgoing.extendleft(reversed(held))
        if self._publisher is None or self._publisher.done():
            self._publisher = self._loop.create_task(self._publish_outgoing())

    def publish_soon(self, topic: str, text: str) -> None:
        self._outgoing.append((self.channel(topic), self._payload(text)))
        if self._publisher is None or self._publisher.done():
            self._publisher = self._loop.create_task(self._publish_outgoing())

    async def publish_async(self, topic: str, text: str) -> None:
        """Queue a publish: one task sends what the loop queued as one pipeline, in order, on one
        connection (a task and a pooled connection per publish ran out of connections in a connect burst
        of thousands of sockets)."""
        self.publish_soon(topic, text)

    async def _publish_outgoing(self) -> None:
        while self._outgoing:
            batch = [self._outgoing.popleft() for _ in range(min(len(self._outgoing), PUBLISH_BATCH))]
            try:
                async with self._client.pipeline(transaction=False) as pipe:
                    for channel, payload in batch:
                        pipe.publish(channel, payload)
                    await pipe.execute()
            except Exception as error:  # noqa: BLE001 - held and sent again when Redis answers
                logger.warning("Could not publish %d frames to Redis (%s); held", len(batch), error)
                self._hold(batch + list(self._outgoing))
                self._outgoing.clear()
                return
