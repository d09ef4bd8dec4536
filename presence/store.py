"""Where presence lives: connections with an expiry, each person's status, and the online set.

Two interchangeable stores with the same methods: :class:`MemoryStore` (one
process, the default) and :class:`RedisStore` (``REDIS_URL``: shared by every
Daphne process and by views in any of them). Expiry is by timestamp and TTL,
never by a sweeper that must stay alive: a connection whose process died stops
being refreshed, its score falls behind the clock and every read ignores it;
the keys expire on their own. The audit (``claim_expired``) only decides who
*announces* that a person went offline: ``ZREM`` succeeds in exactly one process.

Redis keys (``<prefix>`` is the hub's, e.g. ``taimi:5:``):

* ``<prefix>pc:<user id>`` – sorted set, member ``<conn id>|o`` (online) or
  ``|a`` (away), score = expiry time; key TTL = EXPIRY.
* ``<prefix>pu:<user id>`` – hash: manual, text, emoji, until, hidden (the
  person's settings, copied from the database at connect) and teams, loc,
  locdate (the topics their changes go to); TTL a day, refreshed at connect.
* ``<prefix>pon`` – sorted set of user ids, score = their latest expiry.

Async methods (``a…``) are for the event loop; the sync ones for views.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time

from presence import state

USER_TTL = 24 * 3600  # settings copies outlive a working day; the database is the truth
STATUS_FIELDS = ("manual", "text", "emoji", "until", "hidden")

logger = logging.getLogger(__name__)
# Seconds a process's marker key lives without being checked (it is checked every few seconds; the key of a
# process that has stopped goes away by itself).
MARKER_TTL = 600


def _member(conn_id: str, value: str) -> str:
    return f"{conn_id}|{'o' if value == state.ONLINE else 'a'}"


def _states(members) -> list[str]:
    return [state.ONLINE if m.endswith("|o") else state.AWAY for m in members]


def _decode(mapping) -> dict:
    return {
        (k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v)
        for k, v in (mapping or {}).items()
    }


def _fields(status: dict) -> dict:
    out = {}
    for key, value in status.items():
        if isinstance(value, bool):
            value = "1" if value else ""
        elif isinstance(value, list | tuple):
            value = ",".join(str(v) for v in value)
        out[key] = "" if value is None else str(value)
    return out


class MemoryStore:
    """Presence in this process (the default without Redis)."""

    def __init__(self):
        self._lock = threading.Lock()
        self.conns: dict[int, dict[str, float]] = {}
        self.users: dict[int, dict] = {}
        self.online: dict[int, float] = {}

    # --- connections (async API, used by the consumer) ---------------------
    async def aconnect(self, conn_id, user_id, value, fields):
        self.connect(conn_id, user_id, value, fields)

    def connect(self, conn_id, user_id, value, fields):
        expiry = time.time() + state.EXPIRY
        with self._lock:
            members = self.conns.setdefault(user_id, {})
            for member in [m for m in members if m.startswith(conn_id + "|")]:
                del members[member]
            members[_member(conn_id, value)] = expiry
            self.users.setdefault(user_id, {}).update(_fields(fields))
            self.online[user_id] = max(expiry, self.online.get(user_id, 0))

    async def aset_conn_state(self, conn_id, user_id, value):
        self.connect(conn_id, user_id, value, {})

    async def adisconnect(self, conn_id, user_id):
        now = time.time()
        with self._lock:
            members = self.conns.get(user_id, {})
            for member in [m for m in members if m.startswith(conn_id + "|")]:
                del members[member]
            if not any(expiry > now for expiry in members.values()):
                self.conns.pop(user_id, None)
                self.online.pop(user_id, None)

    async def arefresh(self, items):
        """Re-stamp live connections: items of (conn_id, user_id, value)."""
        for conn_id, user_id, value in items:
            self.connect(conn_id, user_id, value, {})

    async def aclaim_expired(self) -> list[int]:
        now = time.time()
        with self._lock:
            gone = [uid for uid, expiry in self.online.items() if expiry <= now]
            for uid in gone:
                del self.online[uid]
        return gone

    # --- reads -------------------------------------------------------------
    async def aread(self, user_ids) -> dict[int, dict]:
        return self.read(user_ids)

    def read(self, user_ids) -> dict[int, dict]:
        """Full (self-view) state and routing fields of each user id."""
        now = time.time()
        out = {}
        with self._lock:
            for uid in user_ids:
                live = [m for m, expiry in self.conns.get(uid, {}).items() if expiry > now]
                fields = dict(self.users.get(uid, {}))
                out[uid] = {
                    **state.effective(_states(live), fields, now),
                    "fields": fields,
                    "conns": _states(live),
                }
        return out

    def online_user_ids(self) -> list[int]:
        now = time.time()
        with self._lock:
            return [uid for uid, expiry in self.online.items() if expiry > now]

    # --- settings ----------------------------------------------------------
    async def aset_fields(self, user_id, fields):
        self.set_fields(user_id, fields)

    async def aset_many(self, updates: dict):
        for user_id, fields in updates.items():
            self.set_fields(user_id, fields)

    def set_fields(self, user_id, fields):
        with self._lock:
            self.users.setdefault(user_id, {}).update(_fields(fields))

    def clear(self):
        with self._lock:
            self.conns.clear()
            self.users.clear()
            self.online.clear()


class GroupPipeline:
    """Group commit: the Redis operations queued in one event-loop turn go out as ONE pipeline.

    A connect burst of 500 sockets is then one round trip for all of their
    presence writes instead of 500. Each caller awaits its own slice of the
    results, so it knows its write is in Redis before it goes on: a socket's
    disconnect is queued only after its connect's pipeline was answered, and
    commands keep their order within a pipeline.
    """

    def __init__(self, store: RedisStore):
        self.store = store
        self.loop = None
        self.queue: list = []
        self.scheduled = False

    async def run(self, build) -> list:
        """``build(pipe)`` adds commands; returns their results."""
        loop = asyncio.get_running_loop()
        if loop is not self.loop:
            self.loop, self.queue, self.scheduled = loop, [], False
        future = loop.create_future()
        self.queue.append((build, future))
        if not self.scheduled:
            self.scheduled = True
            loop.call_soon(self._start)
        return await future

    def _start(self) -> None:
        self.scheduled = False
        queue, self.queue = self.queue, []
        if queue:
            self.loop.create_task(self._execute(queue))

    async def _execute(self, queue) -> None:
        spans = []
        try:
            pipe = self.store.client.pipeline(transaction=False)
            for build, future in queue:
                start = len(pipe)
                build(pipe)
                spans.append((start, len(pipe), future))
            results = await pipe.execute()
        except Exception as error:  # noqa: BLE001 - each caller handles (logs) its own failure
            for _build, future in queue:
                if not future.done():
                    future.set_exception(error)
            return
        for start, end, future in spans:
            if not future.done():
                future.set_result(results[start:end])


class RedisStore:
    """Presence in Redis, shared by every process (``REDIS_URL``)."""

    def __init__(self, url: str, prefix: str):
        import redis

        self.url = url
        self.prefix = prefix
        # Short timeouts: a page reading presence while Redis is unreachable waits a moment, not a minute.
        self.sync = redis.Redis.from_url(
            url, decode_responses=True, socket_connect_timeout=0.5, socket_timeout=1
        )
        self._async = None
        self._async_loop = None
        self._marker_key = None
        self.group = GroupPipeline(self)

    @property
    def client(self):
        import redis.asyncio

        loop = asyncio.get_running_loop()
        if self._async is None or self._async_loop is not loop:
            self._async = redis.asyncio.Redis.from_url(self.url, decode_responses=True)
            self._async_loop = loop
        return self._async

    def _c(self, uid):
        return f"{self.prefix}pc:{uid}"

    def _u(self, uid):
        return f"{self.prefix}pu:{uid}"

    @property
    def _on(self):
        return f"{self.prefix}pon"

    # --- connections -------------------------------------------------------
    def _connect_ops(self, pipe, conn_id, uid, value, fields, drop_other=True):
        expiry = time.time() + state.EXPIRY
        if drop_other:
            other = state.AWAY if value == state.ONLINE else state.ONLINE
            pipe.zrem(self._c(uid), _member(conn_id, other))
        pipe.zadd(self._c(uid), {_member(conn_id, value): expiry})
        pipe.expire(self._c(uid), int(state.EXPIRY) + 1)
        if fields:
            pipe.hset(self._u(uid), mapping=_fields(fields))
            pipe.expire(self._u(uid), USER_TTL)
        pipe.zadd(self._on, {str(uid): expiry}, gt=True)

    async def aconnect(self, conn_id, user_id, value, fields):
        await self.group.run(lambda pipe: self._connect_ops(pipe, conn_id, user_id, value, fields))

    async def aset_conn_state(self, conn_id, user_id, value):
        await self.aconnect(conn_id, user_id, value, {})

    async def adisconnect(self, conn_id, user_id):
        def ops(pipe):
            pipe.zrem(self._c(user_id), _member(conn_id, state.ONLINE), _member(conn_id, state.AWAY))
            pipe.zrangebyscore(self._c(user_id), time.time(), "+inf")

        _removed, live = await self.group.run(ops)
        if not live:
            await self.group.run(lambda pipe: pipe.zrem(self._on, str(user_id)))

    async def arefresh(self, items):
        pipe = self.client.pipeline(transaction=False)
        for conn_id, user_id, value in items:
            self._connect_ops(pipe, conn_id, user_id, value, {}, drop_other=False)
        await pipe.execute()

    async def aclaim_expired(self) -> list[int]:
        client = self.client
        gone = await client.zrangebyscore(self._on, "-inf", time.time())
        claimed = []
        for uid in gone:
            if await client.zrem(self._on, uid):
                claimed.append(int(uid))
        return claimed

    # --- reads -------------------------------------------------------------
    def _read_ops(self, pipe, user_ids, now):
        for uid in user_ids:
            pipe.zrangebyscore(self._c(uid), now, "+inf")
            pipe.hgetall(self._u(uid))

    @staticmethod
    def _parse(user_ids, results, now):
        out = {}
        for index, uid in enumerate(user_ids):
            live, fields = results[2 * index], _decode(results[2 * index + 1])
            out[uid] = {
                **state.effective(_states(live), fields, now),
                "fields": fields,
                "conns": _states(live),
            }
        return out

    async def aread(self, user_ids) -> dict[int, dict]:
        user_ids, now = list(user_ids), time.time()
        pipe = self.client.pipeline(transaction=False)
        self._read_ops(pipe, user_ids, now)
        return self._parse(user_ids, await pipe.execute(), now)

    def read(self, user_ids) -> dict[int, dict]:
        """Pages read presence here. While Redis is down everyone reads as offline (no error): presence is
        a hint on a page, and the page must not fail for it (docs/resilience.md)."""
        import redis

        user_ids, now = list(user_ids), time.time()
        pipe = self.sync.pipeline(transaction=False)
        self._read_ops(pipe, user_ids, now)
        try:
            results = pipe.execute()
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as error:
            logger.warning("Presence store unavailable (%s): shown as offline", error)
            results = [[], {}] * len(user_ids)
        return self._parse(user_ids, results, now)

    def online_user_ids(self) -> list[int]:
        import redis

        try:
            return [int(uid) for uid in self.sync.zrangebyscore(self._on, time.time(), "+inf")]
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as error:
            logger.warning("Presence store unavailable (%s): nobody shown online", error)
            return []

    # --- restart detection (presence.publisher.Publisher.check_store) -------
    @property
    def _marker(self):
        # One per process: each process restores its own connections after a Redis restart.
        if self._marker_key is None:
            import uuid

            self._marker_key = f"{self.prefix}pmark:{uuid.uuid4().hex}"
        return self._marker_key

    async def amarker(self) -> bool:
        """True while the store still has this process's marker (set by aset_marker, kept alive here for
        MARKER_TTL): Redis has not lost its data since."""
        return bool(await self.client.set(self._marker, "1", ex=MARKER_TTL, xx=True))

    async def aset_marker(self) -> None:
        await self.client.set(self._marker, "1", ex=MARKER_TTL)

    # --- settings ----------------------------------------------------------
    async def aset_fields(self, user_id, fields):
        pipe = self.client.pipeline(transaction=False)
        pipe.hset(self._u(user_id), mapping=_fields(fields))
        pipe.expire(self._u(user_id), USER_TTL)
        await pipe.execute()

    async def aset_many(self, updates: dict):
        if not updates:
            return
        pipe = self.client.pipeline(transaction=False)
        for user_id, fields in updates.items():
            pipe.hset(self._u(user_id), mapping=_fields(fields))
            pipe.expire(self._u(user_id), USER_TTL)
        await pipe.execute()

    def set_fields(self, user_id, fields):
        import redis

        pipe = self.sync.pipeline(transaction=False)
        pipe.hset(self._u(user_id), mapping=_fields(fields))
        pipe.expire(self._u(user_id), USER_TTL)
        try:
            pipe.execute()
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as error:
            # The setting is saved in the database; the store gets it at the next connect or restore.
            logger.warning("Presence store unavailable (%s): setting of %s not copied", error, user_id)

    def clear(self):
        keys = list(self.sync.scan_iter(f"{self.prefix}p*"))
        if keys:
            self.sync.delete(*keys)


_store = None
_store_lock = threading.Lock()


def get_store():
    """The process's presence store: Redis when REDIS_URL is set, else in memory."""
    global _store
    if _store is None:
        with _store_lock:
            if _store is None:
                from realtime import hub

                address = hub.get_hub().redis_address()
                _store = RedisStore(*address) if address is not None else MemoryStore()
    return _store


def reset_store() -> None:
    global _store
    _store = None
