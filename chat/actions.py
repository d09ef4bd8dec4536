"""Chat broadcasts: messages, edits, read markers, typing, mentions, membership and room changes.

Built here, sent through the transport's realtime.actions (notify, publish_text), which knows no domain.
"""

from django.db import transaction

from realtime import actions, groups
from realtime.frames import schema
from realtime.models import Notification

# The frames this app publishes (checked in tests: realtime.frames).
FRAMES = {
    "chat.message": schema("message"),
    "chat.update": schema("message"),
    "chat.read": schema("room", "user", "seq"),
    "chat.typing": schema("room", "user"),
    "chat.mention": schema("mention", mention=("room", "seq", "by", "title", "title_sv", "url", "excerpt")),
    "chat.membership": schema("room", "user", "joined"),
    "chat.room": schema("room", "name", "topic", "archived"),
}

# Chat services store first and call these inside their transaction; each frame is serialised once
# and published on commit to the room's hub topic (one write per local socket, one pub/sub message
# per process), or to the user's topic for what concerns one person (read markers, mentions).

# Read markers and typing go to the whole room only up to this many members: beyond it they are
# noise nobody looks at, and their cost grows with members × readers (docs/chat.md).
CHAT_SMALL_ROOM = 50


def _on_commit(topic: str, payload: dict) -> None:
    from chat.frames import dumps

    text = dumps(payload)
    transaction.on_commit(lambda: actions.publish_text(topic, text))


def chat_message_posted(*, message) -> None:
    """A stored message, to everyone subscribed to its room."""
    from chat.frames import message_dict
    from chat.models import room_topic

    _on_commit(room_topic(message.room_id), {"type": "chat.message", "message": message_dict(message)})


def chat_message_changed(*, message) -> None:
    """An edit, a delete or a reaction: the whole message again (clients replace it by id)."""
    from chat.frames import message_dict
    from chat.models import room_topic

    _on_commit(room_topic(message.room_id), {"type": "chat.update", "message": message_dict(message)})


def chat_read(*, membership) -> None:
    """A read marker moved: the user's other tabs update their badges; small rooms see it too."""
    from chat.models import room_topic

    payload = {
        "type": "chat.read",
        "room": membership.room_id,
        "user": membership.user_id,
        "seq": membership.last_read_seq,
    }
    _on_commit(groups.user_group(membership.user_id), payload)
    from chat.rooms import member_count

    if member_count(room_id=membership.room_id) <= CHAT_SMALL_ROOM:
        _on_commit(room_topic(membership.room_id), payload)


def chat_typing(*, room_id: int, user) -> None:
    """Someone is typing: not stored, published at once (the handler throttles and checks the room size)."""
    from chat.frames import dumps, person
    from chat.models import room_topic

    actions.publish_text(
        room_topic(room_id), dumps({"type": "chat.typing", "room": room_id, "user": person(user)})
    )


def chat_mentioned(*, message, user_ids) -> None:
    """Notify people newly @mentioned in a message (in-app list, once per message and person, live frame)."""
    from django.urls import reverse
    from django.utils.translation import gettext, override

    author = message.author
    name = (author.get_full_name() or author.get_username()) if author else "?"
    with override("fi"):
        title = gettext("%(name)s mentioned you in chat") % {"name": name}
    with override("sv"):
        title_sv = gettext("%(name)s mentioned you in chat") % {"name": name}
    url = reverse("chat:room", kwargs={"room_id": message.room_id}) + f"?seq={message.seq}"
    actions.notify(
        user_ids=user_ids,
        key=f"chat:{message.pk}",
        kind=Notification.Kind.MENTION,
        title=title,
        title_sv=title_sv,
        url=url,
    )
    payload = {
        "type": "chat.mention",
        "mention": {
            "room": message.room_id,
            "seq": message.seq,
            "by": name,
            "title": title,
            "title_sv": title_sv,
            "url": url,
            "excerpt": message.body[:140],
        },
    }
    for user_id in user_ids:
        _on_commit(groups.user_group(user_id), payload)


def chat_membership_changed(*, room, user_id: int, joined: bool) -> None:
    """Someone joined or left: their tabs (re)load the room list; the room's member list updates."""
    from chat.models import room_topic

    payload = {"type": "chat.membership", "room": room.pk, "user": user_id, "joined": joined}
    _on_commit(groups.user_group(user_id), payload)
    _on_commit(room_topic(room.pk), payload)


def chat_room_changed(*, room) -> None:
    from chat.models import room_topic

    _on_commit(
        room_topic(room.pk),
        {
            "type": "chat.room",
            "room": room.pk,
            "name": room.name,
            "topic": room.topic,
            "archived": room.archived_at is not None,
        },
    )
