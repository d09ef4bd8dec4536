"""The registry the thin consumer dispatches to: frame handlers, topic rules, lifecycle hooks.

Features register here from their own modules (imported by their AppConfig.ready()),
so realtime/consumers.py never grows per feature::

    from realtime.dispatch import handler, topic_rule, on_connect, on_disconnect
    from realtime.protocol import FrameError

    @handler("presence.set")              # async: runs in the event loop, no thread hop
    async def set_presence(conn, frame):  # frame: realtime.protocol.Frame (type, ref, data)
        ...
        return {"type": "presence.ok"}    # optional reply; the consumer adds "ref"

    @handler("chat.send", db=True)        # sync: runs in the process's database thread (one hop,
    def send(conn, frame): ...            # close_old_connections); only for handlers that use the ORM

    @topic_rule("chat.room.", db=True)    # who may {"type": "subscribe", "topics": ["chat.room.7"]}
    def may_read_room(conn, key): ...     # key = "7"; return True to allow. No rule: refused.

    @profile_loader                       # sync, inside the connect-time DB hop (one per burst):
    def load(user, person) -> dict: ...   # its dict is merged into conn.profile.extra

    @profile_loader(batch=True)           # the same for a whole connect burst, with a fixed
    def load_all(users, people): ...      # number of queries: {user id: dict}; people is
                                          # {user id: realtime.consumers.PersonRow} (pk,
                                          # user_id, agency_id, home_location_id, unit_id)

    @on_connect                           # async hooks, in registration order, before "hello";
    async def went_online(conn): ...      # a returned dict is merged into the hello frame
    @on_disconnect
    async def went_offline(conn): ...

A handler raises :class:`realtime.protocol.FrameError` for bad input: the
client gets ``{"type": "error", "code", "message", "ref"}`` and the socket stays
open. Any other exception is logged and answered with code ``server_error``.

``conn`` (the consumer) offers: ``user`` and ``user_id``; ``profile``
(:class:`ConnectionProfile`: person id, agency, home location, unit, teams);
``conn_id`` (unique per socket); ``state`` (a dict for features' per-socket
data); ``await conn.send_frame(dict)``; ``await conn.send_text(str)``;
``conn.subscribe(topic)`` / ``conn.unsubscribe(topic)`` (server-side, no rule
check).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import inspect
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from django.db import close_old_connections

from realtime import protocol

# The thread every db=True handler of this process runs in, one at a time, in the order frames arrive:
# what Channels' database_sync_to_async gives (asgiref's thread-sensitive mode: one thread), without its
# per-call machinery, which was about a tenth of the server CPU of a stored chat message (docs/chat.md,
# "CPU per message"). One thread: handlers need no locking among themselves and the process holds one
# database connection for them; more threads would let a slow query hold up fewer frames, at the price
# of more connections and out-of-order writes from one socket.
DB_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="realtime-db")


def _run_in_db_thread(func, args, kwargs, context):
    if args and getattr(args[0], "revoked", False) is True:
        # The socket's session ended while this frame waited for the thread (realtime/session_guard.py):
        # nothing it asked for may be stored.
        raise protocol.FrameError("session_ended", "The session has ended. Sign in again.")
    # As Django does around a request (and Channels around a handler): connections past CONN_MAX_AGE or
    # broken by an error are closed before and after, so a dropped database costs one frame, not all.
    close_old_connections()
    try:
        return context.run(func, *args, **kwargs)
    finally:
        close_old_connections()


def in_db_thread(func):
    """An async callable that runs the sync ``func`` in :data:`DB_THREAD` (context variables included)."""

    @functools.wraps(func)
    async def run(*args, **kwargs):
        return await asyncio.get_running_loop().run_in_executor(
            DB_THREAD, _run_in_db_thread, func, args, kwargs, contextvars.copy_context()
        )

    return run


@dataclass(frozen=True)
class ConnectionProfile:
    """What the consumer loaded about the signed-in person at connect time (one DB hop)."""

    user_id: int
    person_id: int | None = None
    agency_id: int | None = None
    location_id: int | None = None
    unit_id: int | None = None
    team_ids: tuple[int, ...] = ()
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Handler:
    frame_type: str
    func: Callable[..., Any]


HANDLERS: dict[str, Handler] = {}
TOPIC_RULES: dict[str, Callable[..., Any]] = {}
CONNECT_HOOKS: list[Callable[..., Any]] = []
PROFILE_LOADERS: list[Callable[..., dict]] = []
DISCONNECT_HOOKS: list[Callable[..., Any]] = []


def _as_async(func, db: bool):
    if db:
        if inspect.iscoroutinefunction(func):
            raise TypeError(f"{func.__qualname__}: db=True handlers are plain functions (run in a thread)")
        return in_db_thread(func)
    if not inspect.iscoroutinefunction(func):
        raise TypeError(f"{func.__qualname__}: handlers without db=True must be async (they run in the loop)")
    return func


def handler(frame_type: str, *, db: bool = False):
    """Register the handler of one client frame type (and make the type known to the protocol)."""

    def register(func):
        if frame_type in HANDLERS:
            raise ValueError(f"Two handlers for frame type {frame_type!r}")
        HANDLERS[frame_type] = Handler(frame_type, _as_async(func, db))
        protocol.KNOWN_TYPES.add(frame_type)
        return func

    return register


def topic_rule(prefix: str, *, db: bool = True):
    """Register who may subscribe to topics starting with ``prefix`` (the longest prefix wins)."""

    def register(func):
        TOPIC_RULES[prefix] = _as_async(func, db)
        return func

    return register


def profile_loader(func=None, *, batch: bool = False):
    """Register a sync function run in the connect-time database hop.

    Plain: ``(user, person or None) -> dict``, called once per user (``person`` is a
    :class:`realtime.consumers.PersonRow`: ids only, not a model instance). With
    ``batch=True``: ``(users, people) -> {user id: dict}``, called once per
    connect burst; prefer it, a plain loader's queries are paid per socket.
    """

    def register(func):
        func.batch = batch
        PROFILE_LOADERS.append(func)
        return func

    return register(func) if func is not None else register


# Who each connecting user is in the organisation, for audience topics and the profile: one loader,
# registered by the app that owns people (teams.live), so that the transport imports no domain.
# ``(user ids) -> ({user id: (person id, user id, agency id, home location id, unit id)},
# {person id: [team ids]})``, a fixed number of queries for the whole burst.
PEOPLE_LOADER: Callable | None = None


def people_loader(func):
    global PEOPLE_LOADER
    PEOPLE_LOADER = func
    return func


def on_connect(func):
    CONNECT_HOOKS.append(_as_async(func, False))
    return func


def on_disconnect(func):
    DISCONNECT_HOOKS.append(_as_async(func, False))
    return func


def rule_for(topic: str):
    """The rule for a topic and the key after its prefix, or (None, "")."""
    best = ""
    for prefix in TOPIC_RULES:
        if topic.startswith(prefix) and len(prefix) > len(best):
            best = prefix
    if not best:
        return None, ""
    return TOPIC_RULES[best], topic[len(best) :]
