"""Coalescing presence changes into one frame per topic, and keeping this process's entries alive.

Anything that may change someone's presence (a tab opened, closed, idle or
visible again; a manual status; an expiry) calls :func:`changed` with the user
id. Every FLUSH seconds the process reads the changed users' states from the
store in one pipeline, drops those whose public state did not change (the last
published state is kept in the store, so all processes compare against the
same value), and publishes ONE ``presence`` frame per topic holding every
changed person of that topic, through realtime.actions. A person is published
at most once per MIN_GAP seconds (the latest state wins), so a flapping tab or
550 people reconnecting at once make a few frames per page, not 550².

The same background task re-stamps this process's connections every REFRESH
seconds and, every AUDIT seconds, claims users whose every connection expired
(their process died) and announces them offline.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import defaultdict

from presence import state
from presence.store import get_store

logger = logging.getLogger(__name__)


def topics_for(user_id: int, fields: dict) -> list[str]:
    """Where a person's presence goes: watchers of the person, their teams and today's office."""
    from presence.worklocation import today

    topics = [f"presence.user.{user_id}"]
    topics.extend(f"presence.team.{team}" for team in (fields.get("teams") or "").split(",") if team)
    if fields.get("loc") and fields.get("locdate") == today().isoformat():
        topics.append(f"presence.location.{fields['loc']}")
    return topics


def _key(value: dict) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def plan(states: dict[int, dict]) -> tuple[dict[str, dict], dict[int, dict], dict[int, dict]]:
    """From read states: per-topic batches of public states, self frames, and store updates."""
    from presence.actions import self_frame

    batches: dict[str, dict] = defaultdict(dict)
    selves, updates = {}, {}
    for uid, full in states.items():
        fields = full.pop("fields")
        full.pop("conns", None)
        visible = state.public(full)
        public_key, self_key = _key(visible), _key(full)
        update = {}
        if fields.get("pub") != public_key:
            update["pub"] = public_key
            for topic in topics_for(uid, fields):
                batches[topic][str(uid)] = visible
        if fields.get("self") != self_key:
            update["self"] = self_key
            selves[uid] = self_frame(full)
        if update:
            updates[uid] = update
    return batches, selves, updates


# Seconds between checks that the presence store still holds this process's people (check_store).
STORE_CHECK = 2.0


async def _settings_fields(user_ids) -> dict[int, dict]:
    from channels.db import database_sync_to_async

    from presence.models import PresenceSetting

    @database_sync_to_async
    def load():
        return {
            s.user_id: s.store_fields() for s in PresenceSetting.objects.filter(user_id__in=list(user_ids))
        }

    try:
        return await load()
    except Exception:  # noqa: BLE001 - the database may be away too: routing fields are restored anyway
        logger.warning("Could not read presence settings to restore the store", exc_info=True)
        return {}


class Publisher:
    def __init__(self):
        self.loop: asyncio.AbstractEventLoop | None = None
        self.task: asyncio.Task | None = None
        self.pending: set[int] = set()
        self.last_sent: dict[int, float] = {}
        self.conns: dict[str, tuple[int, str]] = {}  # conn_id -> (user id, "online"/"away")
        # user id -> the store fields written at connect (routing: teams, location), for a Redis that came
        # back empty (restarted): see check_store.
        self.fields: dict[int, dict] = {}

    # --- called from the consumer's hooks and handlers (event loop) --------
    def bind(self) -> None:
        loop = asyncio.get_running_loop()
        if loop is not self.loop or self.task is None or self.task.done():
            if loop is not self.loop:
                self.conns.clear()
                self.pending.clear()
                self.last_sent.clear()
            self.loop = loop
            self.task = loop.create_task(self._run())

    async def aclose(self) -> None:
        task, self.task = self.task, None
        if task is not None and not task.done():
            task.cancel()
            await asyncio.wait([task], timeout=1)

    def running(self) -> bool:
        return (
            self.loop is not None
            and not self.loop.is_closed()
            and self.task is not None
            and not self.task.done()
        )

    def changed(self, user_id: int) -> None:
        """Note a possible change; thread-safe. Without a running publisher, publishes at once."""
        try:
            current = asyncio.get_running_loop()
        except RuntimeError:
            current = None
        if self.running():
            if current is self.loop:
                self.pending.add(user_id)
            else:
                self.loop.call_soon_threadsafe(self.pending.add, user_id)
            return
        if current is None:
            self.publish_now([user_id])  # the worker, a management command, a test client request

    def publish_now(self, user_ids) -> None:
        """Synchronous read-and-publish, for processes without sockets (no coalescing needed)."""
        from presence import actions

        store = get_store()
        batches, selves, updates = plan(store.read(user_ids))
        for uid, update in updates.items():
            store.set_fields(uid, update)
        actions.presence_batches(batches=batches, selves=selves)

    # --- the background task -----------------------------------------------
    async def check_store(self, first: bool = False) -> bool:
        """Put this process's people back into a store that lost them (Redis restarted: no persistence).

        The store keeps a marker key per process; when it is missing, every local connection is stamped again, the
        people's fields are written back (as at connect, with their settings from the database) and they
        are published. Runs every STORE_CHECK seconds, so presence is right again soon after Redis is.
        Returns True when the store had to be restored.
        """
        store = get_store()
        if not hasattr(store, "amarker") or await store.amarker():
            return False
        if first:  # this process starts: nothing of it can have been lost yet
            await store.aset_marker()
            return False
        if self.conns:
            await self.refresh()
            user_ids = {uid for uid, _value in self.conns.values()}
            settings = await _settings_fields(user_ids)
            # Without the last published keys ("pub", "self"): the publisher's plan finds them missing
            # and publishes everyone again.
            await store.aset_many(
                {uid: {**self.fields.get(uid, {}), **settings.get(uid, {})} for uid in user_ids}
            )
            self.pending.update(user_ids)
            for uid in user_ids:
                self.last_sent.pop(uid, None)
        await store.aset_marker()
        if self.conns:
            logger.warning(
                "Presence store was empty (Redis restarted); %d connection(s) restored", len(self.conns)
            )
        return True

    async def _run(self) -> None:
        next_refresh = time.monotonic() + state.REFRESH
        next_audit = time.monotonic() + state.AUDIT
        next_check = time.monotonic() + STORE_CHECK
        first_check = True
        task = asyncio.current_task()
        while not task.cancelling():
            try:
                if first_check:  # at once: the marker must be there before Redis could lose anything of ours
                    await self.check_store(first=True)
                    first_check = False
                await asyncio.sleep(state.FLUSH)
                await self.flush()
                now = time.monotonic()
                if now >= next_refresh:
                    next_refresh = now + state.REFRESH
                    await self.refresh()
                if now >= next_audit:
                    next_audit = now + state.AUDIT
                    await self.audit()
                if now >= next_check:
                    await self.check_store()
                    next_check = now + STORE_CHECK
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - keep the process's presence alive through a Redis hiccup
                if asyncio.current_task().cancelling():
                    return
                logger.exception("Presence publisher tick failed")
                await asyncio.sleep(1)

    async def flush(self) -> int:
        if not self.pending:
            return 0
        from presence import actions

        now = time.monotonic()
        ready = [uid for uid in self.pending if now - self.last_sent.get(uid, -1e9) >= state.MIN_GAP]
        if not ready:
            return 0
        self.pending.difference_update(ready)
        store = get_store()
        batches, selves, updates = plan(await store.aread(ready))
        for uid in updates:
            self.last_sent[uid] = now
        await store.aset_many(updates)
        actions.presence_batches(batches=batches, selves=selves)
        return len(updates)

    async def refresh(self) -> None:
        if self.conns:
            await get_store().arefresh(
                [(conn_id, uid, value) for conn_id, (uid, value) in self.conns.items()]
            )

    async def audit(self) -> None:
        for uid in await get_store().aclaim_expired():
            self.pending.add(uid)


PUBLISHER = Publisher()


def changed(user_id: int) -> None:
    PUBLISHER.changed(user_id)
