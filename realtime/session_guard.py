"""Sockets follow the session: an open websocket ends when the session it was opened with ends.

A socket is authenticated once, at connect (realtime/auth.py). Without this module it then lived on after
its person signed out, changed the password, was deactivated or lost a role, and kept posting chat messages.
Here every process keeps its signed-in sockets by user (:class:`SessionGuard`, one per process) and listens
on one hub topic, :data:`TOPIC` (in-process without Redis, every Daphne process with it). Three events,
published by realtime/actions.py from the signals in realtime/session_signals.py:

``sessions.end``   ``{"sessions": [digest, …]}``: these sessions were signed out (logout). Their sockets
                   close with 4401 at once, whatever the database says. A digest is a SHA-256 of the key
                   (:func:`digest`): no session key crosses Redis.
``sessions.check`` ``{"users": [id, …]}``: something about these users changed (password, active flag,
                   deletion). Their sockets' sessions are validated again in one database hop, as at
                   connect (``django.contrib.auth.get_user``'s rules: session present and unexpired,
                   backend listed, user active, session hash matching); a socket that fails closes with 4401.
``sessions.reset`` ``{"users": [id, …]}``: a role (group) was taken away. Their sockets close with 4409; the
                   browser reconnects at once and gets a socket built from what the person may now see.

Besides the events, every :data:`RECHECK` seconds each process validates all its sockets the same way, in
one hop per ``CONNECT_BATCH`` sessions: that is what ends a socket whose session expired, and it repairs an
event lost while Redis was unreachable (pub/sub does not buffer).

No frame is handled for a revoked socket: from the moment the event reaches the process the consumer drops
every frame (a check in progress makes frames wait for its answer), and a ``db=True`` handler already queued
for the database thread is refused there (realtime/dispatch.py) before it can store anything.
"""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import json
import logging

from asgiref.sync import sync_to_async
from django.conf import settings

from realtime import hub

logger = logging.getLogger(__name__)

TOPIC = "_sessions"
# Close codes (4000-4999 are the application's): 4401 as at connect (signed out: the browser stops and the
# next page load goes to the login page); 4409 "connect again" (the browser reconnects with its cookie).
CLOSE_SIGNED_OUT = 4401
CLOSE_RECONNECT = 4409


def recheck_interval() -> float:
    return float(getattr(settings, "REALTIME_SESSION_RECHECK", 30))


def digest(session_key: str) -> str:
    return hashlib.sha256(session_key.encode()).hexdigest()[:32]


def valid_sessions(pairs: list[tuple[str, int]]) -> set[str]:
    """The session keys of ``pairs`` (key, user id) that still sign in that same user (sync, one hop)."""
    from django.db import close_old_connections

    from realtime.auth import _sessions, _users

    close_old_connections()
    try:
        users = _users(_sessions(list({key for key, _uid in pairs})))
        return {key for key, user_id in pairs if key in users and users[key].pk == user_id}
    finally:
        close_old_connections()


class SessionGuard:
    """This process's signed-in sockets by user, and what ends them (module docstring)."""

    def __init__(self):
        self.loop: asyncio.AbstractEventLoop | None = None
        self.hub = None
        self.by_user: dict[int, set] = {}
        self.sweeper: asyncio.Task | None = None
        self.hub_wire = None  # the hub calls hub_send: this is not a browser socket

    # --- registration (event loop) -------------------------------------------------------------------
    def add(self, conn) -> None:
        loop = asyncio.get_running_loop()
        current = hub.get_hub()
        if loop is not self.loop or current is not self.hub:  # first socket, or a new loop or hub (tests)
            self.loop, self.hub, self.by_user, self.sweeper = loop, current, {}, None
        if TOPIC not in current.topics_of(self):
            current.subscribe(TOPIC, self)
        self.by_user.setdefault(conn.user_id, set()).add(conn)
        if self.sweeper is None or self.sweeper.done():
            self.sweeper = loop.create_task(self._sweep())

    def discard(self, conn) -> None:
        sockets = self.by_user.get(conn.user_id)
        if sockets is not None:
            sockets.discard(conn)
            if not sockets:
                del self.by_user[conn.user_id]

    def sockets(self) -> list:
        return [conn for sockets in self.by_user.values() for conn in sockets]

    async def aclose(self) -> None:
        sweeper, self.sweeper = self.sweeper, None
        if sweeper is not None and not sweeper.done():
            sweeper.cancel()
            await asyncio.gather(sweeper, return_exceptions=True)
        self.by_user = {}

    # --- events (the hub calls this once per event and process) ----------------------------------------
    async def hub_send(self, text: str) -> None:
        """Mark the sockets an event concerns at once (no await: no frame of theirs is handled after this),
        then close or validate them in a task of their own (the hub's Redis reader never waits for it)."""
        try:
            event = json.loads(text)
            kind = event.get("type")
            if kind == "sessions.end":
                ended = set(event.get("sessions") or ())
                for conn in self.sockets():
                    key = getattr(conn, "session_key", None)
                    if key and digest(key) in ended:
                        revoke(conn, CLOSE_SIGNED_OUT)
            elif kind == "sessions.reset":
                for user_id in event.get("users") or ():
                    for conn in list(self.by_user.get(user_id, ())):
                        revoke(conn, CLOSE_RECONNECT)
            elif kind == "sessions.check":
                users = event.get("users") or ()
                conns = [conn for user_id in users for conn in self.by_user.get(user_id, ())]
                self.check_soon(conns)
        except Exception:  # noqa: BLE001 - the hub drops a subscriber that raises; this one must stay
            logger.exception("Handling a session event failed")

    def check_soon(self, conns: list, *, hold_frames: bool = True) -> asyncio.Task | None:
        """Validate the sessions of ``conns`` again and close those that no longer sign their person in.

        With ``hold_frames`` (an event said something changed) frames of these sockets wait for the answer
        (the consumer awaits ``conn.session_check``); the periodic check holds nothing up."""
        conns = [conn for conn in conns if not getattr(conn, "revoked", False)]
        if not conns:
            return None
        answered = asyncio.get_running_loop().create_future()
        if hold_frames:
            for conn in conns:
                conn.session_check = answered
        return _spawn(self._check(conns, answered))

    async def _check(self, conns: list, answered: asyncio.Future) -> None:
        from django.db import connection

        from realtime.auth import CONNECT_BATCH

        try:
            for start in range(0, len(conns), CONNECT_BATCH):
                batch = conns[start : start + CONNECT_BATCH]
                pairs = [
                    (conn.session_key, conn.user_id) for conn in batch if getattr(conn, "session_key", None)
                ]
                sensitive = connection.vendor == "sqlite"  # as realtime/auth.py: SQLite's hops in one thread
                try:
                    validate = sync_to_async(valid_sessions, thread_sensitive=sensitive)
                    valid = await validate(pairs) if pairs else set()
                except Exception:  # noqa: BLE001 - the database is down: keep the sockets, the next sweep retries
                    logger.exception("Validating %d websocket sessions failed", len(batch))
                    continue
                for conn in batch:
                    if getattr(conn, "session_key", None) not in valid:
                        revoke(conn, CLOSE_SIGNED_OUT)
        finally:
            for conn in conns:
                if getattr(conn, "session_check", None) is answered:
                    conn.session_check = None
            if not answered.done():
                answered.set_result(None)

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(recheck_interval())
            task = self.check_soon(self.sockets(), hold_frames=False)
            if task is not None:
                await asyncio.gather(task, return_exceptions=True)


_TASKS: set[asyncio.Task] = set()


def _spawn(coro) -> asyncio.Task:
    """Run ``coro`` as a task of its own, referenced until done (the loop keeps only weak references).

    In a fresh context: an event published from a view arrives with the context of the view's thread, and
    asgiref would take a database hop made under it for a nested call into its busy thread (a deadlock).
    """
    task = asyncio.get_running_loop().create_task(coro, context=contextvars.Context())
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)
    return task


def revoke(conn, code: int) -> None:
    """End one socket: from now on no frame of it is handled and nothing is delivered to it; it is closed
    with ``code`` in a task (Daphne then reports the disconnect and the consumer's hooks run)."""
    if getattr(conn, "revoked", False):
        return
    conn.revoked = True
    _unsubscribe_everything_of(conn)
    GUARD.discard(conn)
    _spawn(_close(conn, code))


def _unsubscribe_everything_of(conn) -> None:
    """Take ``conn`` out of every hub topic, with the subscribers that deliver to it on its behalf (chat's
    room feeds; by the hub's convention they hold the socket as ``.conn``). One pass over this process's
    subscribers: revocations are rare, and nothing may reach a revoked socket before its close completes."""
    current = hub.get_hub()
    current.unsubscribe_all(conn)
    for subscriber in [s for s in current._by_socket if getattr(s, "conn", None) is conn]:
        current.unsubscribe_all(subscriber)


async def _close(conn, code: int) -> None:
    try:
        await conn.close(code=code)
    except Exception:  # noqa: BLE001 - already gone
        logger.debug("Closing a revoked socket failed", exc_info=True)


GUARD = SessionGuard()
