"""Outages of the database or Redis answer 503 with Retry-After (or degrade), never 500 (docs/resilience.md)."""

import asyncio
import time

import pytest
from django.db import OperationalError

from core.cache import ResilientRedisCache
from core.overload import ConcurrencyLimit
from tests.chat.servers import free_port

_DEAD = {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}
# Both caches the settings make with REDIS_URL: fragments and the generation tokens (core.generations).
DEAD_REDIS = {"default": _DEAD, "generations": _DEAD}


@pytest.fixture
def signed_in(client, org):
    client.raise_request_exception = False
    client.force_login(org.people["aino"].user)
    return client


@pytest.mark.django_db
def test_database_refusing_connections_answers_503_with_retry_after(signed_in, monkeypatch):
    """Before, the session middleware's OperationalError ("too many clients") was a 500."""
    from django.contrib.sessions.backends.db import SessionStore

    def refused(self):
        raise OperationalError("connection failed: FATAL:  sorry, too many clients already")

    monkeypatch.setattr(SessionStore, "load", refused)
    response = signed_in.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"


@pytest.mark.django_db
def test_an_error_that_is_not_an_outage_is_still_a_500(signed_in, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore

    def bug(self):
        raise ZeroDivisionError

    monkeypatch.setattr(SessionStore, "load", bug)
    assert signed_in.get("/").status_code == 500


@pytest.mark.django_db
def test_pages_answer_while_the_redis_cache_is_down(signed_in, settings):
    """Before, Django's RedisCache raised ConnectionError and every page that used the cache was a 500."""
    settings.CACHES = DEAD_REDIS
    for path in ("/", "/uutiset/", "/ihmiset/", "/chat/"):
        assert signed_in.get(path).status_code == 200, path


def test_resilient_cache_answers_as_an_empty_cache_and_fast():
    cache = ResilientRedisCache(DEAD_REDIS["default"]["LOCATION"], {})
    started = time.monotonic()
    assert cache.get("k", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.incr("rate", 1) == 1  # a rate limit lets the attempt through
    assert cache.add("k", 1) is True
    cache.set("k", 1)
    for _ in range(100):  # after the first failure it does not try again for a moment
        cache.get("k")
    assert time.monotonic() - started < 2


async def test_overload_waits_then_answers_503_quickly():
    release = asyncio.Event()

    async def slow_app(scope, receive, send):
        await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    limited = ConcurrencyLimit(slow_app, limit=1, waiting=1, queue_seconds=0.2)

    async def request(path="/"):
        sent = []

        async def send(message):
            sent.append(message)

        await limited({"type": "http", "path": path}, None, send)
        return sent[0]["status"], dict(sent[0]["headers"])

    first = asyncio.create_task(request())
    await asyncio.sleep(0.01)
    second = asyncio.create_task(request())  # waits for a turn
    await asyncio.sleep(0.01)
    status, headers = await request()  # the queue is full: at once
    assert status == 503 and headers[b"retry-after"] == b"5"
    health = asyncio.create_task(request("/healthz"))  # not counted: reaches the app at once
    status, _ = await second  # waited 0.2 s for a turn that did not come
    assert status == 503
    release.set()
    assert (await first)[0] == 200 and (await health)[0] == 200
    assert (await request())[0] == 200
