"""Websocket authentication and the connection's profile: one database hop per connect BURST.

Channels' AuthMiddlewareStack loads the session and the user in one thread hop
per connection, and the consumer then needed a second hop for the person,
teams, unread count and the features' profile loaders: about eight queries
and, with ``CONN_MAX_AGE = 0``, a new database connection per socket. When a
server restart brings 10,000 tabs back at once, that was ~12 ms of server CPU
per socket, all queued behind one thread.

Here every socket that arrives while a load is running waits for the next
one, and one hop loads them ALL (``load_many``): the sessions, users, people,
team memberships, unread counts and the profile loaders' data with one query
each, whatever the number of sockets (``CONNECT_BATCH`` at most). A lone
connect costs what it did (one hop); a burst costs a few hops. The hop runs on
the shared thread pool with PostgreSQL, on Django's one database thread with
SQLite (whose locks span threads).

Authentication follows ``django.contrib.auth.get_user`` exactly: the backend
named in the session must be in ``AUTHENTICATION_BACKENDS``, the user must
pass the backend's ``user_can_authenticate`` (active), and the session's hash
must match the user's (or a fallback secret's). Sessions are read in bulk
from the database for the ``db`` and ``cached_db`` engines (both keep every
session in the table) and one by one for any other engine; users in bulk for
``ModelBackend`` and its subclasses, through ``backend.get_user`` otherwise.
"""

from __future__ import annotations

import asyncio
import logging

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import close_old_connections
from django.http.cookie import parse_cookie

logger = logging.getLogger(__name__)

# Sockets authenticated in one database hop. Larger batches mean fewer hops in
# a storm but longer single queries (IN lists) and a longer wait for the last
# socket of a batch; 500 keeps every query well under SQLite's variable limit.
CONNECT_BATCH = 500

_BULK_SESSION_ENGINES = {"django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"}


def _sessions(keys: list[str]) -> dict[str, dict]:
    """Session data of each valid, unexpired key (one query for the database engines)."""
    from django.utils import timezone
    from django.utils.module_loading import import_string

    store_class = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    if settings.SESSION_ENGINE in _BULK_SESSION_ENGINES:
        model = store_class.get_model_class()
        decoder = store_class()
        rows = model.objects.filter(session_key__in=keys, expire_date__gt=timezone.now())
        return {key: decoder.decode(data) for key, data in rows.values_list("session_key", "session_data")}
    found = {}
    for key in keys:
        session = store_class(key)
        data = session.load()
        if data and session.session_key == key:
            found[key] = data
    return found


def _users(sessions: dict[str, dict]) -> dict[str, object]:
    """The authenticated user of each session key, as ``django.contrib.auth.get_user`` decides."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
        load_backend,
    )
    from django.contrib.auth.backends import ModelBackend
    from django.utils.crypto import constant_time_compare

    user_model = get_user_model()
    wanted: dict[str, tuple[object, object]] = {}  # session key -> (backend, user pk)
    for key, data in sessions.items():
        path = data.get(BACKEND_SESSION_KEY)
        if SESSION_KEY not in data or path not in settings.AUTHENTICATION_BACKENDS:
            continue
        try:
            pk = user_model._meta.pk.to_python(data[SESSION_KEY])
        except Exception:  # noqa: BLE001 - a malformed session is an anonymous one
            continue
        wanted[key] = (load_backend(path), pk)
    bulk_pks = {pk for backend, pk in wanted.values() if isinstance(backend, ModelBackend)}
    bulk = {user.pk: user for user in user_model._default_manager.filter(pk__in=bulk_pks)} if bulk_pks else {}
    users = {}
    for key, (backend, pk) in wanted.items():
        if isinstance(backend, ModelBackend):
            user = bulk.get(pk)
            user = user if user is not None and backend.user_can_authenticate(user) else None
        else:
            user = backend.get_user(pk)
        if user is None:
            continue
        session_hash = sessions[key].get(HASH_SESSION_KEY)
        if hasattr(user, "get_session_auth_hash"):
            verified = bool(session_hash) and (
                constant_time_compare(session_hash, user.get_session_auth_hash())
                or any(
                    constant_time_compare(session_hash, fallback)
                    for fallback in user.get_session_auth_fallback_hash()
                )
            )
            if not verified:
                continue
        if user.is_active:
            users[key] = user
    return users


def authenticate_many(session_keys: list[str]) -> dict[str, tuple]:
    """``{session key: (user, (profile, unread))}`` for the keys that belong to a signed-in, active user.

    A fixed number of queries whatever the number of keys (tests/realtime/test_connect_batch.py).
    """
    from realtime.consumers import connection_states

    users = _users(_sessions(list(dict.fromkeys(session_keys))))
    states = connection_states(list({user.pk: user for user in users.values()}.values()))
    return {key: (user, states[user.pk]) for key, user in users.items()}


def load_many(session_keys: list[str]) -> dict[str, tuple]:
    """:func:`authenticate_many` in a worker thread, with Django's per-request connection handling."""
    close_old_connections()
    try:
        return authenticate_many(session_keys)
    finally:
        close_old_connections()


class ConnectBatcher:
    """Group commit for connects: sockets arriving during a load join the next one."""

    def __init__(self):
        self.loop = None
        self.waiting: list[tuple[str, asyncio.Future]] = []
        self.task: asyncio.Task | None = None

    async def load(self, session_key: str):
        loop = asyncio.get_running_loop()
        if loop is not self.loop:  # a new event loop (tests): nothing of the old one is valid
            self.loop, self.waiting, self.task = loop, [], None
        future = loop.create_future()
        self.waiting.append((session_key, future))
        if self.task is None or self.task.done():
            self.task = loop.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        from django.db import connection

        # SQLite (the embedded default and the tests' shared in-memory database)
        # locks tables across threads: keep its hops on the one database thread.
        sensitive = connection.vendor == "sqlite"
        while self.waiting:
            batch, self.waiting = self.waiting[:CONNECT_BATCH], self.waiting[CONNECT_BATCH:]
            try:
                found = await sync_to_async(load_many, thread_sensitive=sensitive)([key for key, _f in batch])
            except Exception as error:  # noqa: BLE001 - fail these sockets, keep serving the next ones
                logger.exception("Loading %d websocket sessions failed", len(batch))
                for _key, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            for key, future in batch:
                if not future.done():
                    future.set_result(found.get(key))


BATCHER = ConnectBatcher()


class WebsocketAuthMiddleware:
    """Sets ``scope["user"]`` and ``scope["realtime_state"]`` (the consumer's profile and unread count)."""

    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        key = None
        for name, value in scope.get("headers", []):
            if name == b"cookie":
                key = parse_cookie(value.decode("latin1")).get(settings.SESSION_COOKIE_NAME)
                break
        found = await BATCHER.load(key) if key else None
        user, state = found if found is not None else (AnonymousUser(), None)
        # Set in place: the scope is this connection's own (Daphne makes one per
        # socket), and a copy held by every open socket costs 0.5 KiB each.
        scope["user"], scope["realtime_state"] = user, state
        # The session the socket follows (realtime/session_guard.py): read now, the headers are emptied later.
        scope["session_key"] = key if found is not None else None
        return await self.inner(scope, receive, send)
