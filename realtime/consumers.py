"""The websocket consumer: one connection per browser tab, kept thin.

It authenticates (close code 4401 for anyone not signed in), loads the
person's profile in one database hop, subscribes the socket to its hub topics
(realtime/hub.py: ``user.<id>``, ``everyone``, agency, home location, unit and
teams, from the loader teams.live registers; realtime/groups.py), greets with ``hello``, and then hands each frame,
validated by realtime/protocol.py, to the handler registered for its type in
realtime/dispatch.py. Features never edit this file: they register handlers,
topic rules and connect/disconnect hooks.

It has no channel layer (``channel_layer_alias`` names none): no per-socket
channel, no receive task on the layer, no group membership to store. And it
skips Channels' ``close_old_connections`` thread hop on every message; handlers
registered with ``db=True`` get it in the process's database thread (``dispatch.in_db_thread``).
"""

import asyncio
import functools
import itertools
import json
import logging
import os
from typing import NamedTuple

from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer

from core.outage import is_outage
from realtime import dispatch, hub, session_guard, wire
from realtime import groups as realtime_groups
from realtime.protocol import PROTOCOL_VERSION, FrameError, parse_frame

logger = logging.getLogger(__name__)

# Application close code for "not authenticated" (4000-4999 are ours to use).
CLOSE_UNAUTHENTICATED = 4401

user_group = realtime_groups.user_group

_conn_ids = itertools.count(1)
_PROCESS = f"{os.getpid():x}"


class PersonRow(NamedTuple):
    """What the connect path needs of a person (a tuple: no model instances in a 10,000-socket burst)."""

    pk: int
    user_id: int
    agency_id: int | None
    home_location_id: int | None
    unit_id: int | None


def connection_states(users) -> dict[int, tuple[dispatch.ConnectionProfile, int]]:
    """Each user's connection profile and unread notification count, ``{user id: (profile, unread)}``.

    Three queries whatever the number of users (people, memberships, unread
    counts), plus the features' profile loaders (presence: its settings and
    today's work location, three more). realtime/auth.py calls it once per
    connect burst. Rows are read as tuples: building model instances was most
    of the cost of a burst.
    """
    from django.db.models import Count

    from realtime.models import Notification

    users = list(users)
    if not users:
        return {}
    ids = [user.pk for user in users]
    people: dict[int, PersonRow] = {}
    teams: dict[int, list[int]] = {}
    if dispatch.PEOPLE_LOADER is not None:
        rows, teams = dispatch.PEOPLE_LOADER(ids)
        people = {user_id: PersonRow(*row) for user_id, row in rows.items()}
    unread = dict(
        Notification.objects.filter(recipient_id__in=ids, read_at__isnull=True)
        .values_list("recipient_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    extras: dict[int, dict] = {uid: {} for uid in ids}
    for loader in dispatch.PROFILE_LOADERS:
        if getattr(loader, "batch", False):
            for uid, extra in loader(users, people).items():
                extras[uid].update(extra)
        else:
            for user in users:
                extras[user.pk].update(loader(user, people.get(user.pk)))
    states = {}
    for user in users:
        person = people.get(user.pk)
        if person is None:
            profile = dispatch.ConnectionProfile(user_id=user.pk, extra=extras[user.pk])
        else:
            profile = dispatch.ConnectionProfile(
                user_id=user.pk,
                person_id=person.pk,
                agency_id=person.agency_id,
                location_id=person.home_location_id,
                unit_id=person.unit_id,
                team_ids=tuple(teams.get(person.pk, ())),
                extra=extras[user.pk],
            )
        states[user.pk] = (profile, unread.get(user.pk, 0))
    return states


def connection_state(user) -> tuple[dispatch.ConnectionProfile, int]:
    """One user's profile and unread count (consumers mounted without realtime.auth's middleware)."""
    return connection_states([user])[user.pk]


class RealtimeConsumer(AsyncWebsocketConsumer):
    # No channel layer: broadcasts go through realtime.hub (see the module docstring).
    channel_layer_alias = "__realtime_hub_only__"

    user = None
    user_id = None
    # Frames the hub delivers while connect() still runs (subscribed, not yet accepted): sent after hello,
    # in order. Without it a broadcast during the connect hooks would reach the client before the accept.
    _before_accept = None
    profile: dispatch.ConnectionProfile | None = None
    # The session this socket was opened with, and what realtime/session_guard.py sets when it ends:
    # ``revoked`` (no frame is handled any more) and ``session_check`` (a validation under way; frames wait).
    session_key: str | None = None
    revoked = False
    session_check = None

    async def __call__(self, scope, receive, send):
        """Channels' ``AsyncConsumer.__call__`` for a consumer without a channel layer: one plain receive loop.

        Channels runs ``await_many_dispatch``, which keeps a receive task and an ``asyncio.wait`` (a
        future and callbacks) per socket, to listen to the client and the channel layer at once. With only
        the client to listen to, awaiting ``receive`` directly does the same in order, and an idle socket
        costs about 2 KiB less (docs/realtime.md, "Memory per socket").
        """
        self.scope = scope
        self.channel_layer = None
        self.base_send = send
        try:
            while True:
                await self.dispatch(await receive())
        except StopConsumer:
            pass

    async def dispatch(self, message):
        # Channels' dispatch hops to a thread for close_old_connections on every
        # message; ours does not (db=True handlers do it in their own hop).
        kind = message["type"]
        if kind == "websocket.receive":
            await self.receive(text_data=message.get("text"), bytes_data=message.get("bytes"))
        elif kind == "websocket.connect":
            await self.websocket_connect(message)
        elif kind == "websocket.disconnect":
            await self.websocket_disconnect(message)
        else:
            raise ValueError(f"No handler for message type {kind}")

    async def websocket_disconnect(self, message):
        await self.disconnect(message.get("code"))
        raise StopConsumer()

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            # Accept, then close with our code: a close during the handshake
            # reaches browsers only as 1006, which says nothing about why.
            await self.accept()
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.user = user
        self.user_id = user.pk
        self.session_key = self.scope.get("session_key")
        self.conn_id = f"{_PROCESS}.{next(_conn_ids)}"
        self.state = {}
        state = self.scope.get("realtime_state")
        if state is None:  # mounted without realtime.auth.WebsocketAuthMiddleware (tests of other stacks)
            state = await database_sync_to_async(connection_state)(user)
        self.profile, unread = state
        profile = self.profile
        automatic = realtime_groups.person_groups(
            user_id=user.pk,
            agency_id=profile.agency_id,
            location_id=profile.location_id,
            unit_id=profile.unit_id,
            team_ids=profile.team_ids,
        )
        self.state["auto_topics"] = tuple(automatic)  # a tuple: 10,000 sets cost megabytes
        self._before_accept = []
        for topic in automatic:
            hub.subscribe(topic, self)
        session_guard.GUARD.add(self)
        hello = {
            "type": "hello",
            "v": PROTOCOL_VERSION,
            "user": user.get_username(),
            "user_id": user.pk,
            "unread_notifications": unread,
        }
        for hook in dispatch.CONNECT_HOOKS:
            try:
                hello.update(await hook(self) or {})
            except Exception:  # noqa: BLE001 - one feature's failure must not cost the others the socket
                logger.exception("Connect hook %s failed", getattr(hook, "__qualname__", hook))
        await self.accept()
        await self.send_frame(hello)
        # No await yields to the loop between the accept and here, so nothing overtakes these frames.
        waiting, self._before_accept = self._before_accept, None
        for text in waiting:
            await self.send(text_data=text)

    async def disconnect(self, code):
        if self.user is None:
            return
        hub.unsubscribe_all(self)
        session_guard.GUARD.discard(self)
        for hook in dispatch.DISCONNECT_HOOKS:
            try:
                await hook(self)
            except Exception:  # noqa: BLE001
                logger.exception("Disconnect hook %s failed", getattr(hook, "__qualname__", hook))

    async def receive(self, text_data=None, bytes_data=None):
        if self.user is None or self.revoked:
            return
        if self.session_check is not None:  # the session is being validated again: wait for the answer
            await asyncio.shield(self.session_check)
            if self.revoked:
                return
        frame = None
        try:
            frame = parse_frame(text_data)
            reply = await dispatch.HANDLERS[frame.type].func(self, frame)
        except FrameError as error:
            await self.send_frame(error.as_frame())
            return
        except Exception as error:  # noqa: BLE001 - nothing a client sends may drop its connection
            # With the frame's ref, so the client knows which of its frames failed; a database or Redis
            # that is away answers "unavailable", which the client sends again later (docs/resilience.md).
            answer = {
                "type": "error",
                "code": "server_error",
                "message": "The server could not handle this frame.",
            }
            if is_outage(error):
                logger.warning("A %s frame met an outage: %s", frame.type, error)
                answer.update(
                    code="unavailable", message="The service is briefly unavailable; sending again."
                )
            else:
                logger.exception("Handler for a %s frame failed", (text_data or "")[:40])
            if frame is not None and frame.ref is not None:
                answer["ref"] = frame.ref
            await self.send_frame(answer)
            return
        if reply is not None:
            if frame.ref is not None:
                reply.setdefault("ref", frame.ref)
            await self.send_frame(reply)

    # --- the API handlers and the hub use (realtime.dispatch docstring) ----
    async def send_frame(self, payload: dict):
        await self.send_text(json.dumps(payload, ensure_ascii=False))

    async def send_text(self, text: str):
        """Replies go out as broadcasts do: under Daphne through the direct wire (no Channels, Daphne and
        autobahn layers per frame, the same bound on what may wait for the socket), else the ASGI send.
        Both write to the transport synchronously, so frames keep their order whichever path they take."""
        direct = self.hub_wire if self._before_accept is None else None
        if direct is not None:
            try:
                if direct.write(direct.prepare(text)):
                    return
            except wire.SlowSocket:
                hub.unsubscribe_all(self)  # dropped: Daphne reports the disconnect
                return
        await self.send(text_data=text)

    async def hub_send(self, text: str):
        if self._before_accept is not None:
            self._before_accept.append(text)
            return
        await self.send(text_data=text)

    @functools.cached_property
    def hub_wire(self):
        """Under Daphne: the hub's direct, bounded write path to this socket (realtime/wire.py); else None."""
        return wire.attach(self)

    def subscribe(self, topic: str) -> None:
        hub.subscribe(topic, self)

    def unsubscribe(self, topic: str) -> None:
        hub.unsubscribe(topic, self)

    # Kept for compatibility (frames from Channels' layer are no longer sent here).
    send_json = send_frame
