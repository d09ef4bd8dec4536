"""Redis as the cache without making it a dependency of pages.

Django's ``RedisCache`` raises when Redis is down or restarting, and every page that reads a cached
fragment, counts a rate limit or a reading then answered 500. :class:`ResilientRedisCache` answers as an
empty cache instead: ``get`` gives the default, ``set`` and ``delete`` do nothing, ``add`` says the key
was new (every caller here either checks the database after it or treats the key as a hint), ``incr``
returns the increment (a rate limit lets the attempt through). After a failure it does not try Redis again
for :data:`RETRY_AFTER` seconds, so an outage costs a page one timeout at most, not one per cache call,
and it is back in use within that time once Redis answers.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

# Seconds without trying Redis after it failed: short, so the cache is back soon after Redis is.
RETRY_AFTER = 2.0


def _redis_errors() -> tuple:
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that degrades to an empty cache while Redis is unreachable."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        # A refused connection fails at once; an unreachable host must not hold a page for long.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = 0.0
        self._errors = _redis_errors()

    def _guard(self, name, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return getattr(super(), name)(*args, **kwargs)
        except self._errors as error:
            if not self._down_until or time.monotonic() - self._down_until > 60:
                logger.warning("Redis cache unavailable (%s); answering as an empty cache", error)
            self._down_until = time.monotonic() + RETRY_AFTER
            return fallback

    def get(self, key, default=None, version=None):
        return self._guard("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._guard("add", True, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._guard("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._guard("set_many", [], data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._guard("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._guard("incr", delta, key, delta, version)

    def clear(self):
        return self._guard("clear", False)
