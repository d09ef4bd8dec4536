"""Process-local publish/subscribe hub: topics → the websocket connections of this process.

Why not Channels groups: ``group_add`` per connection plus ``group_send`` per
broadcast costs one channel-layer message per recipient, and the in-memory
layer scans every channel on each receive; 10,000 idle connections then need
minutes to connect and cannot receive one broadcast (docs/realtime.md,
"Why a hub"). Here a broadcast is serialised once by the caller, delivered to
each local socket in a plain loop, and crosses to other processes as at most
ONE Redis message per process and topic.

API (module-level functions over one :class:`Hub` per process)::

    subscribe(topic, socket)     # in the event loop: register a local socket for a topic
    unsubscribe(topic, socket)
    unsubscribe_all(socket)      # on disconnect; returns the topics it left
    topics_of(socket) -> set     # the topics a socket is subscribed to
    publish(topic, text)         # from anywhere: the event loop, a sync thread (views,
                                 # database_sync_to_async handlers) or another process
                                 # (the worker); never raises, never blocks the loop
    await apublish(topic, text)  # from async code in the loop: local delivery is done
                                 # when it returns
    await synced()               # wait (≤ bridge.SUBSCRIBE_TIMEOUT) until Redis acknowledged the
                                 # SUBSCRIBEs made so far, so a snapshot read after it
                                 # cannot miss a change published by another process
    is_shared() -> bool          # True when publish reaches other processes (REDIS_URL)
    local_count(topic) -> int    # local subscribers of a topic (tests, metrics)
    add_tap(topic_prefix, text_prefix, fn)  # fn(topic, text, subscribers) once per matching
                                            # local delivery (not per socket)

A *socket* is any object with ``async def hub_send(text)`` and a ``hub_wire``
attribute (the consumer in realtime/consumers.py, chat's RoomFeed); when
``hub_send`` raises, the socket is dropped from every topic. ``hub_wire`` is
None or a realtime.wire.DaphneWire: then the frame is prepared once per
broadcast and written to the socket directly, with a bound on what may wait.
``text`` is a JSON frame serialised once by realtime/actions.py, the only
module that publishes. A subscriber that delivers to a consumer's socket on
its behalf (chat's RoomFeed) holds that consumer as ``.conn``: when a socket's
session ends, realtime/session_guard.py drops it with the socket.

Cross-process (realtime/bridge.py): with ``REDIS_URL`` each process opens one pub/sub connection,
SUBSCRIBEs to ``<prefix><topic>`` while it has local subscribers to that topic
and UNSUBSCRIBEs when the last one leaves (batched: one command for many
topics). A published message carries the origin process id, so the origin
(which delivered locally already) ignores its own echo. Pub/sub channels are
global to a Redis server, whatever the database number, so the prefix contains
the database number of ``REDIS_URL`` (``REALTIME_HUB_PREFIX`` overrides it).

Without Redis only this process's sockets are reached: on one machine that is
Daphne, so a publish from the separate worker process reaches nobody live (the
database stays the truth; see docs/realtime.md, "Without Redis").

Backpressure: Daphne's websocket writes never block (Twisted buffers them per
connection), so delivery is a plain loop without an outbound queue or a task
per socket; a socket whose Twisted buffer holds more than
``wire.SOCKET_BUFFER_LIMIT`` unread bytes is dropped (realtime/wire.py) and
resyncs when it reconnects.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import uuid
from urllib.parse import urlparse

from realtime.wire import SlowSocket

logger = logging.getLogger(__name__)


class Hub:
    """Topic registry of one process, plus the optional Redis bridge."""

    def __init__(self, redis_url: str = "", prefix: str = ""):
        self.origin = uuid.uuid4().hex
        self._topics: dict[str, set] = {}
        self._by_socket: dict[object, set[str]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        if redis_url:
            from realtime.bridge import RedisBridge

            self._bridge = RedisBridge(self, redis_url, prefix)
        else:
            self._bridge = None

    # --- subscriptions (event loop only) -----------------------------------
    def subscribe(self, topic: str, socket) -> None:
        self._bind_loop()
        sockets = self._topics.get(topic)
        if sockets is None:
            sockets = self._topics[topic] = set()
            if self._bridge:
                self._bridge.want(topic)
        sockets.add(socket)
        self._by_socket.setdefault(socket, set()).add(topic)

    def unsubscribe(self, topic: str, socket) -> None:
        sockets = self._topics.get(topic)
        if sockets is not None:
            sockets.discard(socket)
            if not sockets:
                del self._topics[topic]
                if self._bridge:
                    self._bridge.drop(topic)
        topics = self._by_socket.get(socket)
        if topics is not None:
            topics.discard(topic)
            if not topics:
                del self._by_socket[socket]

    def unsubscribe_all(self, socket) -> set[str]:
        topics = self._by_socket.pop(socket, set())
        for topic in topics:
            sockets = self._topics.get(topic)
            if sockets is not None:
                sockets.discard(socket)
                if not sockets:
                    del self._topics[topic]
                    if self._bridge:
                        self._bridge.drop(topic)
        return topics

    def topics_of(self, socket) -> set[str]:
        return set(self._by_socket.get(socket, ()))

    def topics(self) -> list[str]:
        """Topics with at least one local socket (the Redis bridge subscribes to these on start)."""
        return list(self._topics)

    def local_count(self, topic: str) -> int:
        return len(self._topics.get(topic, ()))

    async def synced(self) -> None:
        if self._bridge:
            await self._bridge.synced()

    def is_shared(self) -> bool:
        return self._bridge is not None

    def redis_address(self) -> tuple[str, str] | None:
        """(Redis URL, key prefix) of the bridge, for other per-process state kept in the same Redis
        (the presence store); None without Redis."""
        return (self._bridge.url, self._bridge.prefix) if self._bridge is not None else None

    async def aclose(self) -> None:
        """Stop the Redis reader and close its connections (tests, shutdown)."""
        self._topics.clear()
        self._by_socket.clear()
        if self._bridge:
            await self._bridge.aclose()

    # --- publishing --------------------------------------------------------
    def publish(self, topic: str, text: str) -> None:
        """Deliver ``text`` to every subscriber of ``topic`` in every process; never raises."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        loop = self._loop
        if running is not None and running is loop:
            if topic in self._topics:
                loop.create_task(self.deliver_local(topic, text))
            if self._bridge:
                self._bridge.publish_soon(topic, text)
            return
        if loop is not None and topic in self._topics and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(lambda: loop.create_task(self.deliver_local(topic, text)))
            except RuntimeError:  # the loop closed meanwhile (tests)
                pass
        if self._bridge:
            self._bridge.publish_blocking(topic, text)

    async def apublish(self, topic: str, text: str) -> None:
        await self.deliver_local(topic, text)
        if self._bridge:
            await self._bridge.publish_async(topic, text)

    async def deliver_local(self, topic: str, text: str) -> int:
        """Send ``text`` to this process's subscribers of ``topic``; returns how many got it.

        Sockets with a direct wire (Daphne: realtime/wire.py) get one frame prepared for all of them,
        written without awaiting, and are dropped when too far behind; others get ``hub_send``."""
        sockets = self._topics.get(topic)
        if not sockets:
            return 0
        delivered = 0
        prepared = None
        for socket in list(sockets):
            try:
                wire = getattr(socket, "hub_wire", None)
                if wire is not None:
                    if prepared is None:
                        prepared = wire.prepare(text)
                    if wire.write(prepared):
                        delivered += 1
                        continue
                await socket.hub_send(text)
                delivered += 1
            except SlowSocket:
                self.unsubscribe_all(socket)
            except Exception:  # noqa: BLE001 - a closed or broken socket must not stop the others
                logger.debug("Dropping a socket that could not be written to", exc_info=True)
                self.unsubscribe_all(socket)
        for topic_prefix, text_prefix, tap in _TAPS:
            if text.startswith(text_prefix) and topic.startswith(topic_prefix):
                try:
                    tap(topic, text, list(self._topics.get(topic, ())))
                except Exception:  # noqa: BLE001
                    logger.exception("Hub tap %s failed", getattr(tap, "__qualname__", tap))
        return delivered

    # --- internals ---------------------------------------------------------
    def _bind_loop(self) -> None:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            # A new loop (first use, or a new test): sockets of a closed loop are gone.
            if self._loop is not None and self._loop.is_closed():
                for topic in list(self._topics):
                    if self._bridge:
                        self._bridge.forget(topic)
                self._topics.clear()
                self._by_socket.clear()
            self._loop = loop
            if self._bridge:
                self._bridge.start(loop)


def _default_prefix(redis_url: str) -> str:
    path = urlparse(redis_url).path.strip("/") or "0"
    return f"taimi:{path}:"


_hub: Hub | None = None
_hub_lock = threading.Lock()


def get_hub() -> Hub:
    """The process's hub, created on first use from settings (REDIS_URL, REALTIME_HUB_PREFIX)."""
    global _hub
    if _hub is None:
        with _hub_lock:
            if _hub is None:
                from django.conf import settings

                url = getattr(settings, "REDIS_URL", "") or ""
                prefix = getattr(settings, "REALTIME_HUB_PREFIX", "") or os.environ.get(
                    "REALTIME_HUB_PREFIX", ""
                )
                _hub = Hub(url, prefix or _default_prefix(url))
    return _hub


def reset_hub() -> None:
    """Forget the process's hub (tests that change settings)."""
    global _hub
    _hub = None


_TAPS: list[tuple[str, str, object]] = []


def add_tap(topic_prefix: str, text_prefix: str, tap) -> None:
    """Call ``tap(topic, text, subscribers)`` after each local delivery of a text starting with
    ``text_prefix`` to a topic starting with ``topic_prefix``: once per process and frame, not per socket
    (chat drops a leaving member's room feeds on a ``chat.membership`` frame). For every hub instance."""
    entry = (topic_prefix, text_prefix, tap)
    if entry not in _TAPS:
        _TAPS.append(entry)


def subscribe(topic: str, socket) -> None:
    get_hub().subscribe(topic, socket)


def unsubscribe(topic: str, socket) -> None:
    get_hub().unsubscribe(topic, socket)


def unsubscribe_all(socket) -> set[str]:
    return get_hub().unsubscribe_all(socket)


def topics_of(socket) -> set[str]:
    return get_hub().topics_of(socket)


def publish(topic: str, text: str) -> None:
    get_hub().publish(topic, text)


async def apublish(topic: str, text: str) -> None:
    await get_hub().apublish(topic, text)


async def synced() -> None:
    await get_hub().synced()


def is_shared() -> bool:
    return get_hub().is_shared()


def local_count(topic: str) -> int:
    return get_hub().local_count(topic)
