"""Bounded concurrency per web process: under overload a request waits a little, then gets 503 at once.

Django runs each HTTP request of an ASGI server in a thread of its own, and each thread holds a database
connection: with no bound, a burst of requests opens as many threads and connections as it has requests,
and past PostgreSQL's limit they fail with 500 ("too many clients"). :class:`ConcurrencyLimit` lets at
most ``HTTP_MAX_CONCURRENCY`` requests run in the process; the next ones wait their turn for up to
``HTTP_QUEUE_SECONDS``, and at most ``HTTP_MAX_WAITING`` of them wait. A request that cannot get a turn is
answered ``503 Service Unavailable`` with ``Retry-After`` without touching Django or the database.
``/healthz`` and static files are not counted (they use no database). See docs/resilience.md.
"""

from __future__ import annotations

import asyncio
import os

# Requests running at once in one process. With the database pool of docs/deployment.md, at most this many
# connections are in use by requests; more only queue for CPU on a 2-core machine.
MAX_CONCURRENCY = int(os.environ.get("HTTP_MAX_CONCURRENCY") or 16)
# Requests waiting for a turn; past this, 503 at once (a queue that long would only time out).
MAX_WAITING = int(os.environ.get("HTTP_MAX_WAITING") or 4 * MAX_CONCURRENCY)
# How long a request waits for a turn before 503.
QUEUE_SECONDS = float(os.environ.get("HTTP_QUEUE_SECONDS") or 10)
RETRY_AFTER_SECONDS = 5
EXEMPT_PREFIXES = ("/healthz", "/static/")

BODY = (
    b'<!doctype html><html lang="fi"><meta charset="utf-8"><title>503</title>'
    b"<main><h1>Palvelu on hetken ruuhkautunut / Tj\xc3\xa4nsten \xc3\xa4r tillf\xc3\xa4lligt \xc3\xb6verbelastad"
    b" / The service is busy</h1><p>Yrit\xc3\xa4 hetken p\xc3\xa4\xc3\xa4st\xc3\xa4 uudelleen. / "
    b"F\xc3\xb6rs\xc3\xb6k igen om en stund. / Please try again in a moment.</p></main></html>"
)


class ConcurrencyLimit:
    """ASGI middleware for ``http`` scopes: at most ``limit`` requests at once, ``waiting`` more queued."""

    def __init__(self, app, *, limit=None, waiting=None, queue_seconds=None):
        self.app = app
        self.limit = limit or MAX_CONCURRENCY
        self.max_waiting = MAX_WAITING if waiting is None else waiting
        self.queue_seconds = QUEUE_SECONDS if queue_seconds is None else queue_seconds
        self.active = 0
        self.waiting = 0
        self._slots: asyncio.Semaphore | None = None
        self._loop = None

    def slots(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if self._slots is None or self._loop is not loop:
            self._slots, self._loop = asyncio.Semaphore(self.limit), loop
        return self._slots

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path", "").startswith(EXEMPT_PREFIXES):
            return await self.app(scope, receive, send)
        slots = self.slots()
        if slots.locked():
            if self.waiting >= self.max_waiting:
                return await self.unavailable(send)
            self.waiting += 1
            try:
                await asyncio.wait_for(slots.acquire(), self.queue_seconds)
            except TimeoutError:
                return await self.unavailable(send)
            finally:
                self.waiting -= 1
        else:
            await slots.acquire()
        self.active += 1
        try:
            return await self.app(scope, receive, send)
        finally:
            self.active -= 1
            slots.release()

    async def unavailable(self, send):
        await send(
            {
                "type": "http.response.start",
                "status": 503,
                "headers": [
                    (b"content-type", b"text/html; charset=utf-8"),
                    (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
                    (b"cache-control", b"no-store"),
                    (b"content-length", str(len(BODY)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": BODY})
