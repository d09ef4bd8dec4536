"""Websocket authentication and the connection's profile in ONE database hop.

Channels' AuthMiddlewareStack loads the session and the user in one thread
hop; the consumer then needed a second hop for the person, teams, unread count
and the features' profile loaders. At 10,000 connections that second hop (and
its queueing behind the single "thread-sensitive" database thread) decided how
fast a server restart could bring everyone back. Here the session, the user
(with Django's session-hash check) and the consumer's state are read in one
hop on the shared thread pool (``thread_sensitive=False``: connects do not
queue behind each other, and each worker thread keeps its own connection);
on SQLite, whose locks span threads, on Django's one database thread.
"""

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import close_old_connections
from django.http.cookie import parse_cookie


class _Request:
    """What django.contrib.auth.get_user needs of a request."""

    def __init__(self, session):
        self.session = session


def _load(session_key: str | None):
    from django.contrib.auth import get_user
    from django.contrib.sessions.backends.base import SessionBase
    from django.utils.module_loading import import_string

    from realtime.consumers import connection_state

    close_old_connections()
    try:
        if not session_key:
            return AnonymousUser(), None
        store_class = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
        session: SessionBase = store_class(session_key)
        user = get_user(_Request(session))
        if not user.is_authenticated or not user.is_active:
            return AnonymousUser(), None
        return user, connection_state(user)
    finally:
        close_old_connections()


class WebsocketAuthMiddleware:
    """Sets ``scope["user"]`` and ``scope["realtime_state"]`` (the consumer's profile and unread count)."""

    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        cookies = {}
        for name, value in scope.get("headers", []):
            if name == b"cookie":
                cookies = parse_cookie(value.decode("latin1"))
                break
        # SQLite (the embedded default and the tests' shared in-memory database)
        # locks tables across threads: keep its hops on the one database thread.
        from django.db import connection

        parallel = connection.vendor != "sqlite"
        user, state = await sync_to_async(_load, thread_sensitive=not parallel)(
            cookies.get(settings.SESSION_COOKIE_NAME))
        scope = dict(scope, user=user, realtime_state=state)
        return await self.inner(scope, receive, send)
