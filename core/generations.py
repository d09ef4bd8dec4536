"""Generation tokens: the part of a cache key that a change replaces, so that everything cached under the
old token is never read again (no cache-wide delete, no list of keys to forget).

The tokens live in the ``generations`` cache, which every process of the site shares: Redis with
``REDIS_URL``; otherwise a file cache in ``VAR_DIR`` (intranet/settings.py). The fragments themselves
may stay in a process's own memory: what matters is that a change made in one process (the job worker
publishing a scheduled page, another Daphne) is seen by the others at their next request, not when the
fragment expires. A token read costs a few tens of microseconds from a file, less from Redis.
"""

import uuid

from django.core.cache import caches


def _tokens():
    return caches["generations"]


def current(key: str, *, timeout: float | None = None) -> str:
    """The current token under ``key`` (made on first use; random, so never reused)."""
    store = _tokens()
    token = store.get(key)
    if token is None:
        token = uuid.uuid4().hex
        if not store.add(key, token, timeout):
            token = store.get(key) or token
    return token


def current_many(keys: list[str], *, timeouts: dict[str, float] | None = None) -> list[str]:
    """The tokens of several keys in one round trip when they all exist."""
    store = _tokens()
    found = store.get_many(keys)
    return [found.get(key) or current(key, timeout=(timeouts or {}).get(key)) for key in keys]


def renew(key: str, *, timeout: float | None = None) -> None:
    """Something cached under ``key``'s token changed: a new token."""
    _tokens().set(key, uuid.uuid4().hex, timeout)
