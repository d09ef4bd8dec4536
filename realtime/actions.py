"""Every write that must reach browsers live goes through here, and only here
(the one module that calls realtime.hub.publish).

Each function writes what must survive (notification rows) and then publishes
one pre-serialised frame per audience topic (``everyone``, ``agency.<id>``,
``user.<id>``, …; realtime/groups.py): serialised once, delivered by the hub to
every local socket and, with Redis, once to each other process.
A frame is a hint to update the page now; the database is the truth, so a
frame lost while a browser was offline costs nothing (the bell count and the
feed are read from the database on the next page or reconnect).
"""

import json
import logging

from django.db import transaction

from realtime import groups, hub
from realtime.models import Notification

logger = logging.getLogger(__name__)

# Notifications are inserted in batches of this size: one INSERT for a whole
# agency, a few for everyone (550 people), without one huge statement.
NOTIFICATION_BATCH = 500


def layer_is_shared() -> bool:
    """True when a publish reaches every process (Redis); false for the single-process default."""
    return hub.is_shared()


def _send(topics: list[str], frame: dict) -> None:
    """Serialise once, publish once per topic. A failure is logged, never raised:
    the notification rows are already committed and are what the reader sees."""
    text = json.dumps(frame, ensure_ascii=False)
    for topic in topics:
        try:
            hub.publish(topic, text)
        except Exception:  # noqa: BLE001 - a broken Redis must not undo the published work
            logger.exception("Could not publish %s to %s", frame.get("type"), topic)


def notify(*, user_ids, key: str, kind: str, title: str, title_sv: str = "", url: str = "") -> int:
    """Write one notification per user for an event (idempotent by ``key``); returns how many are new."""
    user_ids = list(user_ids)
    already = set(Notification.objects.filter(key=key, recipient_id__in=user_ids).values_list("recipient_id", flat=True))
    rows = [
        Notification(recipient_id=user_id, key=key, kind=kind, title=title[:300], title_sv=title_sv[:300], url=url)
        for user_id in user_ids
        if user_id not in already
    ]
    Notification.objects.bulk_create(rows, batch_size=NOTIFICATION_BATCH, ignore_conflicts=True)
    return len(rows)


def news_published(*, article) -> int:
    """A news article went live: notify its audience and tell those online.

    Writes a notification for each person in the audience (once per article,
    whatever the retries), then pushes one ``news.published`` frame to each
    audience group (``everyone`` for an article without an audience).
    Returns the number of new notifications.
    """
    from news import services

    swedish = services.swedish_title(article=article)
    created = notify(
        user_ids=services.audience_user_ids(article=article),
        key=f"news:{article.translation_key}",
        kind=Notification.Kind.NEWS,
        title=article.title,
        title_sv=swedish,
        url=article.url or "",
    )
    frame = {
        "type": "news.published",
        "article": {
            "id": str(article.translation_key),
            "title": article.title,
            "title_sv": swedish,
            "lead": article.lead,
            "url": article.url or "",
            "publisher": article.publisher.name_fi,
        },
    }
    transaction.on_commit(lambda: _send(services.audience_groups(article=article), frame))
    return created


def mention_created(*, mention) -> int:
    """Someone was @mentioned in a comment: notify them in-app and tell their open tabs.

    One notification per comment and person (the key), so a mention notifies
    once however often the comment is edited; nobody is notified about their
    own comment. Pushes one ``mention`` frame to the person's ``user.<id>``
    group when the transaction commits. Returns 1 when a notification was
    written, 0 when it already existed.
    """
    from django.utils.translation import gettext, override

    from news import services

    comment = mention.comment
    if mention.user_id == comment.author_id:
        return 0
    article = comment.article
    author = comment.author
    name = author.get_full_name() or author.get_username()
    swedish = services.swedish_title(article=article) or article.title
    with override("fi"):
        title = gettext("%(name)s mentioned you in a comment on “%(title)s”") % {"name": name, "title": article.title}
    with override("sv"):
        title_sv = gettext("%(name)s mentioned you in a comment on “%(title)s”") % {"name": name, "title": swedish}
    url = f"{article.url or ''}#comment-{comment.pk}"
    created = notify(user_ids=[mention.user_id], key=f"mention:{comment.pk}:{mention.user_id}",
                     kind=Notification.Kind.MENTION, title=title, title_sv=title_sv, url=url)
    if created:
        frame = {
            "type": "mention",
            "mention": {"comment": comment.pk, "by": name, "title": title[:300], "title_sv": title_sv[:300],
                        "url": url},
        }
        user_id = mention.user_id
        transaction.on_commit(lambda: _send([groups.user_group(user_id)], frame))
    return created


# --- Presence and work location (presence/) ---


def self_frame(full: dict) -> dict:
    """``presence.self``: a person's own full state (with ``hidden``), for all their tabs."""
    return {"type": "presence.self", **full}


def presence_batches(*, batches: dict[str, dict], selves: dict[int, dict]) -> None:
    """Publish coalesced presence: one ``presence`` frame per topic (many people in one frame),
    and each changed person's own state to their ``user.<id>`` topic. Called by the publisher."""
    for topic, people in batches.items():
        _send([topic], {"type": "presence", "people": people})
    for user_id, frame in selves.items():
        _send([groups.user_group(user_id)], frame)


def presence_setting_changed(*, user_id: int) -> None:
    """A person changed their manual or custom status or hid their presence: tell watchers (coalesced)."""
    from presence import publisher

    transaction.on_commit(lambda: publisher.changed(user_id))


def work_location_changed(*, person, before, after) -> None:
    """Someone's work location for today changed: tell their watchers, their teams, both offices.

    ``before`` and ``after`` are presence.worklocation.Where values (or None). One
    ``worklocation`` frame, serialised once, published to ``presence.user.<id>``,
    each ``presence.team.<id>``, ``presence.location.<id>`` of the office they
    left and the one they arrive at, and ``user.<id>`` (their own tabs).
    """
    from presence import state
    from presence.store import get_store
    from presence.worklocation import today

    user_id = person.user_id
    team_ids = list(person.memberships.values_list("team_id", flat=True))
    location_ids = {where.location.pk for where in (before, after) if where is not None and where.location}
    topics = [f"presence.user.{user_id}", groups.user_group(user_id)]
    topics += [f"presence.team.{team_id}" for team_id in team_ids]
    topics += [f"presence.location.{location_id}" for location_id in sorted(location_ids)]
    frame = {
        "type": "worklocation",
        "user": user_id,
        "name": person.full_name,
        "url": person.get_absolute_url(),
        "title": person.title,
        "where": after.as_frame() if after is not None else None,
    }
    new_location = after.location.pk if after is not None and after.location else ""

    def publish():
        store = get_store()
        store.set_fields(user_id, {"loc": new_location, "locdate": today().isoformat(),
                                   "teams": team_ids})
        full = store.read([user_id])[user_id]
        full.pop("fields"), full.pop("conns")
        frame["presence"] = state.public(full)
        _send(topics, frame)

    transaction.on_commit(publish)


# --- Chat (chat) ------------------------------------------------------------------------
# Chat services store first and call these inside their transaction; each frame is serialised once
# and published on commit to the room's hub topic (one write per local socket, one pub/sub message
# per process), or to the user's topic for what concerns one person (read markers, mentions).

# Read markers and typing go to the whole room only up to this many members: beyond it they are
# noise nobody looks at, and their cost grows with members × readers (docs/chat.md).
CHAT_SMALL_ROOM = 50


def _chat_publish(topic: str, text: str) -> None:
    try:
        hub.publish(topic, text)
    except Exception:  # noqa: BLE001 - stored already; clients resync on reconnect
        logger.exception("Could not publish to %s", topic)


def _chat_on_commit(topic: str, payload: dict) -> None:
    from chat.frames import dumps

    text = dumps(payload)
    transaction.on_commit(lambda: _chat_publish(topic, text))


def chat_message_posted(*, message) -> None:
    """A stored message, to everyone subscribed to its room."""
    from chat.frames import message_dict
    from chat.models import room_topic

    _chat_on_commit(room_topic(message.room_id), {"type": "chat.message", "message": message_dict(message)})


def chat_message_changed(*, message) -> None:
    """An edit, a delete or a reaction: the whole message again (clients replace it by id)."""
    from chat.frames import message_dict
    from chat.models import room_topic

    _chat_on_commit(room_topic(message.room_id), {"type": "chat.update", "message": message_dict(message)})


def chat_read(*, membership) -> None:
    """A read marker moved: the user's other tabs update their badges; small rooms see it too."""
    from chat.models import room_topic

    payload = {"type": "chat.read", "room": membership.room_id, "user": membership.user_id,
               "seq": membership.last_read_seq}
    _chat_on_commit(groups.user_group(membership.user_id), payload)
    from chat.rooms import member_count

    if member_count(room_id=membership.room_id) <= CHAT_SMALL_ROOM:
        _chat_on_commit(room_topic(membership.room_id), payload)


def chat_typing(*, room_id: int, user) -> None:
    """Someone is typing: not stored, published at once (the handler throttles and checks the room size)."""
    from chat.frames import dumps, person
    from chat.models import room_topic

    _chat_publish(room_topic(room_id), dumps({"type": "chat.typing", "room": room_id, "user": person(user)}))


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
    notify(user_ids=user_ids, key=f"chat:{message.pk}", kind=Notification.Kind.MENTION, title=title,
           title_sv=title_sv, url=url)
    payload = {"type": "chat.mention", "mention": {"room": message.room_id, "seq": message.seq, "by": name,
                                                   "title": title, "title_sv": title_sv, "url": url,
                                                   "excerpt": message.body[:140]}}
    for user_id in user_ids:
        _chat_on_commit(groups.user_group(user_id), payload)


def chat_membership_changed(*, room, user_id: int, joined: bool) -> None:
    """Someone joined or left: their tabs (re)load the room list; the room's member list updates."""
    from chat.models import room_topic

    payload = {"type": "chat.membership", "room": room.pk, "user": user_id, "joined": joined}
    _chat_on_commit(groups.user_group(user_id), payload)
    _chat_on_commit(room_topic(room.pk), payload)


def chat_room_changed(*, room) -> None:
    from chat.models import room_topic

    _chat_on_commit(room_topic(room.pk), {"type": "chat.room", "room": room.pk, "name": room.name,
                                          "topic": room.topic, "archived": room.archived_at is not None})
