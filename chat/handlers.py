"""Chat frames on the one websocket (registered in realtime.dispatch; protocol in docs/chat.md).

Every frame is checked against the room membership: writes through the chat
services (which read the membership in the same database hop as the write),
subscriptions when they are made (``chat.subscribe``), typing against the
socket's live subscription. The author of everything is the socket's signed-in
user: a frame cannot name another author.

A room subscription is a small :class:`RoomFeed` object registered with the
hub for the room's topic; it forwards each frame text unchanged to the socket
(serialised once for everyone). When someone leaves or is removed from a room
(a ``chat.membership`` frame in the room's topic, from whichever process made
the change), the feeds of that user stop at once, server-side.
"""

import json
import time

from channels.db import database_sync_to_async

from chat import actions, messages
from chat.errors import ChatError
from chat.models import Membership, room_topic
from realtime import dispatch, hub
from realtime.protocol import FrameError

# Typing: a client says "typing" at most every few seconds while keys are pressed;
# the server drops repeats within this window per socket and room (never stored).
TYPING_THROTTLE_SECONDS = 3.0
# Above this many members typing indicators are not sent at all: in a 1,000-person
# room "someone is typing" is noise, and each keystroke would cost 1,000 writes.
TYPING_MAX_MEMBERS = actions.CHAT_SMALL_ROOM
# Rooms one socket may follow: plenty for anyone's room list, bounded per socket.
MAX_ROOMS_PER_SOCKET = 300
MEMBERSHIP_PREFIX = '{"type":"chat.membership"'


class RoomFeed:
    """One socket's subscription to one room (what the hub holds for the room's topic). Under Daphne it
    shares the socket's direct wire (realtime/wire.py): a room's frame is written to it without a
    coroutine per member."""

    __slots__ = ("conn", "room_id", "members", "typing_at", "hub_wire")

    def __init__(self, conn, room_id: int, members: int):
        self.conn = conn
        self.room_id = room_id
        self.members = members
        self.typing_at = 0.0
        self.hub_wire = getattr(conn, "hub_wire", None)

    async def hub_send(self, text: str) -> None:
        await self.conn.send_text(text)


def _membership_changed(topic: str, text: str, feeds) -> None:
    """A hub tap, once per process and chat.membership frame: member counts follow, and a member who left
    or was removed stops receiving the room at once, on every socket of this process."""
    change = json.loads(text)
    joined, user_id = bool(change.get("joined")), change.get("user")
    for feed in feeds:
        if not isinstance(feed, RoomFeed):
            continue
        feed.members += 1 if joined else -1
        if not joined and feed.conn.user_id == user_id:
            _drop(feed.conn, feed.room_id)


hub.add_tap("chat.room.", MEMBERSHIP_PREFIX, _membership_changed)


def _feeds(conn) -> dict[int, RoomFeed]:
    return conn.state.setdefault("chat_feeds", {})


def _drop(conn, room_id: int) -> None:
    feed = _feeds(conn).pop(room_id, None)
    if feed is not None:
        hub.unsubscribe(room_topic(room_id), feed)


def _refuse(error: ChatError, frame) -> FrameError:
    return FrameError(error.code, error.message, frame.ref)


def _room_ids(frame, name="rooms") -> list[int]:
    value = frame.data.get(name)
    if not isinstance(value, list) or len(value) > 100:
        raise FrameError("invalid_frame", f"'{name}' must be a list of at most 100 room ids.", frame.ref)
    ids = []
    for item in value:
        if not isinstance(item, int) or isinstance(item, bool) or not 0 < item < 2**62:
            raise FrameError("invalid_frame", f"'{name}' must be a list of room ids.", frame.ref)
        ids.append(item)
    return list(dict.fromkeys(ids))


def _int(frame, name) -> int:
    value = frame.data.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**62:
        raise FrameError("invalid_frame", f"'{name}' must be a number.", frame.ref)
    return value


@database_sync_to_async
def _member_rooms(user_id: int, room_ids: list[int]) -> dict[int, int]:
    """{room id: member count} for the rooms of the list the user belongs to (one query)."""
    from django.db.models import Count

    return dict(
        Membership.objects.filter(room__memberships__user_id=user_id, room_id__in=room_ids)
        .values("room_id")
        .annotate(n=Count("pk"))
        .values_list("room_id", "n")
    )


@dispatch.handler("chat.subscribe")
async def subscribe(conn, frame):
    """Follow rooms: {"rooms": [ids]} → {"type": "chat.subscribed", "rooms": [...], "forbidden": [...]}."""
    wanted = _room_ids(frame)
    feeds = _feeds(conn)
    if len(set(feeds) | set(wanted)) > MAX_ROOMS_PER_SOCKET:
        raise FrameError(
            "too_many_rooms", f"A connection may follow at most {MAX_ROOMS_PER_SOCKET} rooms.", frame.ref
        )
    allowed = await _member_rooms(conn.user_id, wanted)
    for room_id, members in allowed.items():
        if room_id not in feeds:
            feeds[room_id] = RoomFeed(conn, room_id, members)
            hub.subscribe(room_topic(room_id), feeds[room_id])
    await hub.synced()
    return {
        "type": "chat.subscribed",
        "rooms": [r for r in wanted if r in allowed],
        "forbidden": [r for r in wanted if r not in allowed],
    }


@dispatch.handler("chat.unsubscribe")
async def unsubscribe(conn, frame):
    rooms = _room_ids(frame)
    for room_id in rooms:
        _drop(conn, room_id)
    return {"type": "chat.unsubscribed", "rooms": rooms}


@dispatch.on_disconnect
async def forget_feeds(conn):
    for room_id in list(_feeds(conn)):
        _drop(conn, room_id)


@dispatch.handler("chat.typing")
async def typing(conn, frame):
    """{"room": id}: not stored; only from a socket following the room; throttled; silent in big rooms."""
    room_id = _int(frame, "room")
    feed = _feeds(conn).get(room_id)
    if feed is None:
        raise FrameError("not_member", "Follow the room (chat.subscribe) before typing in it.", frame.ref)
    now = time.monotonic()
    if feed.members > TYPING_MAX_MEMBERS or now - feed.typing_at < TYPING_THROTTLE_SECONDS:
        return None
    feed.typing_at = now
    actions.chat_typing(room_id=room_id, user=conn.user)
    return None


def _run(frame, call):
    try:
        return call()
    except ChatError as error:
        raise _refuse(error, frame) from None


@dispatch.handler("chat.send", db=True)
def send(conn, frame):
    """{"room", "body", "client_id", "reply_to"?, "attachments"?} → {"type": "chat.ack", "client_id", "id",
    "seq", "room", "duplicate"}; the message itself arrives as chat.message to every follower of the room."""
    data = frame.data
    message, created = _run(
        frame,
        lambda: messages.post_message(
            user=conn.user,
            room_id=_int(frame, "room"),
            body=data.get("body"),
            client_id=data.get("client_id") or "",
            reply_to=data.get("reply_to"),
            attachment_ids=data.get("attachments"),
        ),
    )
    return {
        "type": "chat.ack",
        "room": message.room_id,
        "client_id": message.client_id,
        "id": message.pk,
        "seq": message.seq,
        "duplicate": not created,
    }


@dispatch.handler("chat.edit", db=True)
def edit(conn, frame):
    message = _run(
        frame,
        lambda: messages.edit_message(
            user=conn.user, message_id=_int(frame, "message"), body=frame.data.get("body")
        ),
    )
    return {"type": "chat.ok", "id": message.pk}


@dispatch.handler("chat.delete", db=True)
def delete(conn, frame):
    message = _run(frame, lambda: messages.delete_message(user=conn.user, message_id=_int(frame, "message")))
    return {"type": "chat.ok", "id": message.pk}


@dispatch.handler("chat.react", db=True)
def react(conn, frame):
    add = frame.data.get("add", True)
    if not isinstance(add, bool):
        raise FrameError("invalid_frame", "'add' must be true or false.", frame.ref)
    message = _run(
        frame,
        lambda: messages.react(
            user=conn.user, message_id=_int(frame, "message"), emoji=frame.data.get("emoji"), add=add
        ),
    )
    return {"type": "chat.ok", "id": message.pk}


@dispatch.handler("chat.read", db=True)
def read(conn, frame):
    membership = _run(
        frame, lambda: messages.mark_read(user=conn.user, room_id=_int(frame, "room"), seq=_int(frame, "seq"))
    )
    return {"type": "chat.ok", "room": membership.room_id, "read_seq": membership.last_read_seq}


@dispatch.handler("chat.unread", db=True)
def unread(conn, frame):
    membership = _run(
        frame,
        lambda: messages.mark_unread(user=conn.user, room_id=_int(frame, "room"), seq=_int(frame, "seq")),
    )
    return {"type": "chat.ok", "room": membership.room_id, "read_seq": membership.last_read_seq}


@dispatch.handler("chat.summary", db=True)
def summary(conn, frame):
    """The navigation badge: {"type": "chat.summary", "unread_total": n, "rooms": [my room ids]} (two queries)."""
    from chat import rooms

    return {
        "type": "chat.summary",
        "unread_total": rooms.unread_total(user=conn.user),
        "rooms": list(
            Membership.objects.filter(user_id=conn.user_id, room__archived_at__isnull=True).values_list(
                "room_id", flat=True
            )[:MAX_ROOMS_PER_SOCKET]
        ),
    }
