"""Posting, editing, deleting, reacting and reading messages (keyword-only services).

Every write is checked against the room membership, stored in one transaction
and only then broadcast: realtime.actions registers the broadcast with
``transaction.on_commit``, so a frame never announces a message a reconnecting
client could not fetch.

Sequence numbers: ``UPDATE room SET last_seq = last_seq + 1 … RETURNING last_seq``
in the posting transaction. On PostgreSQL the UPDATE takes the room row's lock
until commit, so concurrent posters to one room queue there and get 1, 2, 3 …
without gaps (posters to other rooms do not wait). On SQLite the connection
opens its transactions IMMEDIATE (intranet.settings), so writers are serialised
by the database lock. Either way the unique (room, seq) constraint is the
safety net.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import Prefetch
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chat import actions, retention
from chat.errors import ChatError
from chat.models import Attachment, Membership, Message, MessageEdit, MessageMention, Reaction, Room
from chat.rooms import require_member
from core import audit, ratelimit
from core.text import mentioned_usernames

logger = logging.getLogger(__name__)

# 4,000 characters is a long e-mail; longer belongs in a document (attach it).
MAX_BODY = 4000
# A person types at most a few messages a second; 20 in 10 s stops a runaway
# script or a stuck key without ever stopping a fast typist.
RATE_LIMIT_MESSAGES = 20
RATE_LIMIT_WINDOW = 10
# A page of history: a screenful on a desktop with room to scroll.
PAGE_SIZE = 50
# Resync after a reconnect returns at most this many; the client asks again for more.
RESYNC_LIMIT = 500
# At most this many people notified by one message's @names (pasting a list cannot page a unit).
MAX_MENTIONS = 10
# "@room" notifies everyone in rooms up to this size; larger rooms get the message
# without a notification for each of their members (a 1,000-person network room
# would be a broadcast e-mail). Documented in docs/chat.md.
ROOM_MENTION_MAX_MEMBERS = 100
ROOM_MENTION_NAMES = {"room", "kaikki", "alla"}
# Reactions: an emoji sequence (with skin tone and joiners) fits in 16 code points.
MAX_EMOJI = 16
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def message_queryset():
    """Messages with everything their dict needs, in a fixed number of queries."""
    return Message.objects.select_related("author", "reply_to", "reply_to__author").prefetch_related(
        "reactions",
        Prefetch("mentions", queryset=MessageMention.objects.select_related("user")),
        "attachments",
    )


def _clean_body(body, *, allow_empty: bool) -> str:
    if body is not None and not isinstance(body, str):
        raise ChatError("invalid_body", _("The message must be text."))
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\x00" in body:
        raise ChatError("invalid_body", _("The message contains a character that cannot be saved (NUL)."))
    if not body and not allow_empty:
        raise ChatError("empty", _("Write something before sending."))
    if len(body) > MAX_BODY:
        raise ChatError(
            "too_long",
            _("A message can be at most %(max)d characters long; this one has %(length)d.")
            % {"max": MAX_BODY, "length": len(body)},
        )
    return body


def _check_rate(user) -> None:
    if not ratelimit.allow(key=f"chat:{user.pk}", limit=RATE_LIMIT_MESSAGES, window=RATE_LIMIT_WINDOW):
        raise ChatError(
            "rate_limited",
            _("You are sending messages too fast. Wait a few seconds and try again."),
            status=429,
        )


def _clean_room_id(room_id) -> int:
    try:
        return int(room_id)
    except (TypeError, ValueError):
        raise ChatError("invalid_room", _("Unknown room.")) from None


# The lean insert path (docs/chat.md, "Storing a message"): plain SQL on the hottest write, built once.
_SQL = {}


def _sql() -> dict:
    if not _SQL:
        room, member, message = Room._meta.db_table, Membership._meta.db_table, Message._meta.db_table
        _SQL.update(
            # Membership, archive and sequence number in one statement: the room row's lock orders writers.
            allocate=(
                f"UPDATE {room} SET last_seq = last_seq + 1, last_message_at = %s "
                f"WHERE id = %s AND archived_at IS NULL AND EXISTS "
                f"(SELECT 1 FROM {member} WHERE room_id = %s AND user_id = %s) RETURNING last_seq"
            ),
            insert=(
                f"INSERT INTO {message} (room_id, seq, author_id, client_id, body, reply_to_id, created_at, "
                f"updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id"
            ),
            # Posting reads one's own message: the read marker moves (unread counts are computed from it).
            read=(
                f"UPDATE {member} SET last_read_seq = %s WHERE room_id = %s AND user_id = %s "
                f"AND last_read_seq < %s"
            ),
        )
    return _SQL


def _allocate_seq(cursor, *, room_id: int, user_id: int, now) -> int | None:
    """The room's next sequence number, or None when the user is not a member or the room is archived or
    does not exist (nothing changed then)."""
    cursor.execute(_sql()["allocate"], [now, room_id, room_id, user_id])
    row = cursor.fetchone()
    return row[0] if row else None


def _not_writable(*, user, room_id: int) -> ChatError:
    """Why a post was refused (the slow path, after the one-statement check failed)."""
    membership = require_member(user=user, room_id=room_id)  # raises not_member
    if membership.room.archived_at:
        return ChatError("archived", _("This room is archived: it can be read but not written to."))
    return ChatError(
        "not_member", _("You are not a member of this room."), status=403
    )  # pragma: no cover - a race


def post_message(
    *, user, room_id, body, client_id="", reply_to=None, attachment_ids=()
) -> tuple[Message, bool]:
    """Store a message and broadcast it on commit. Returns (message, created): a client id seen before returns the
    stored message, unchanged, with created False (a resend after a lost acknowledgement).

    The common path (a member's text message) is three statements in one transaction and no SELECT: an UPDATE
    of the room that checks the membership and the archive and returns the sequence number, the INSERT, and the
    author's read marker. A resent client id is found by the unique constraint on insert."""
    room_id = _clean_room_id(room_id)
    if not user.is_authenticated:
        raise ChatError("not_member", _("You are not a member of this room."), status=403)
    client_id = str(client_id or "")
    if client_id and not CLIENT_ID.match(client_id):
        raise ChatError("invalid_client_id", _("Invalid client id."))
    attachment_ids = _clean_ids(attachment_ids)
    body = _clean_body(body, allow_empty=bool(attachment_ids))
    parent = None
    if reply_to not in (None, ""):
        require_member(user=user, room_id=room_id)  # a non-member learns nothing about the room's messages
        parent = (
            Message.objects.select_related("author").filter(room_id=room_id, pk=_clean_id(reply_to)).first()
        )
        if parent is None:
            raise ChatError("invalid_reply", _("The message you reply to is not in this room."))
    _check_rate(user)
    sql = _sql()
    try:
        with transaction.atomic():
            now = timezone.now()
            stamp = connection.ops.adapt_datetimefield_value(now)
            with connection.cursor() as cursor:
                seq = _allocate_seq(cursor, room_id=room_id, user_id=user.pk, now=stamp)
                if seq is None:
                    raise _not_writable(user=user, room_id=room_id)
                cursor.execute(
                    sql["insert"],
                    [room_id, seq, user.pk, client_id, body, parent.pk if parent else None, stamp, stamp],
                )
                message_id = cursor.fetchone()[0]
                cursor.execute(sql["read"], [seq, room_id, user.pk, seq])
            message = Message(
                pk=message_id,
                room_id=room_id,
                seq=seq,
                author=user,
                client_id=client_id,
                body=body,
                reply_to=parent,
                created_at=now,
                updated_at=now,
            )
            if attachment_ids:
                bound = Attachment.objects.filter(
                    pk__in=attachment_ids, room_id=room_id, uploaded_by=user, message__isnull=True
                ).update(message=message)
                if bound != len(attachment_ids):
                    raise ChatError("invalid_attachment", _("An attachment is missing or already sent."))
            # The raw INSERT sends no post_save: send it, so that listeners (the search outbox) see a new
            # message as they would an ORM save, in this transaction.
            post_save.send(
                sender=Message,
                instance=message,
                created=True,
                update_fields=None,
                raw=False,
                using=connection.alias,
            )
            mentioned = _record_mentions(message=message, room_id=room_id)
            if attachment_ids:
                message = message_queryset().get(pk=message.pk)
            else:  # a new message: no reactions, no attachments; everything else is at hand (no re-query)
                message._prefetched_objects_cache = {
                    "reactions": [],
                    "attachments": [],
                    "mentions": mentioned,
                }
            actions.chat_message_posted(message=message)
    except IntegrityError:
        if not client_id:
            raise
        # Sent before (a resend after a lost acknowledgement), or raced in on another connection.
        return message_queryset().get(room_id=room_id, author=user, client_id=client_id), False
    return message, True


def _clean_id(value) -> int:
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise ChatError("invalid_id", _("Invalid id.")) from None
    if value <= 0 or value > 2**62:
        raise ChatError("invalid_id", _("Invalid id."))
    return value


def _clean_ids(values) -> list[int]:
    if values in (None, ""):
        return []
    if not isinstance(values, list | tuple) or len(values) > 10:
        raise ChatError("invalid_attachment", _("At most 10 attachments per message."))
    return sorted({_clean_id(v) for v in values})


def _record_mentions(*, message: Message, room_id: int) -> list[MessageMention]:
    """Notify the people newly @mentioned (room members only, never the author, never twice for one message)."""
    from django.contrib.auth import get_user_model

    names = mentioned_usernames(message.body)
    if not names:
        return []
    members = Membership.objects.filter(room_id=room_id, user__is_active=True).exclude(
        user_id=message.author_id
    )
    if (
        ROOM_MENTION_NAMES & set(names)
        and Membership.objects.filter(room_id=room_id).count() <= ROOM_MENTION_MAX_MEMBERS
    ):
        user_ids = set(members.values_list("user_id", flat=True))
    else:
        user_ids = set()
    named = [n for n in names if n not in ROOM_MENTION_NAMES][:MAX_MENTIONS]
    if named:
        user_model = get_user_model()
        user_ids |= set(
            members.filter(
                **{
                    f"user__{user_model.USERNAME_FIELD}__iregex": r"^("
                    + "|".join(re.escape(n) for n in named)
                    + r")$"
                }
            ).values_list("user_id", flat=True)
        )
    existing = list(MessageMention.objects.filter(message=message).select_related("user"))
    new = sorted(user_ids - {m.user_id for m in existing})
    if new:
        MessageMention.objects.bulk_create(
            [MessageMention(message=message, user_id=uid) for uid in new], ignore_conflicts=True
        )
        actions.chat_mentioned(message=message, user_ids=new)
    return existing + list(
        MessageMention.objects.filter(message=message, user_id__in=new).select_related("user")
    )


def _own_message(*, user, message_id, moderate=False) -> tuple[Message, Membership]:
    message = Message.objects.select_related("room").filter(pk=_clean_id(message_id)).first()
    if message is None:
        raise ChatError("not_found", _("No such message."), status=404)
    membership = require_member(user=user, room_id=message.room_id)
    if message.author_id != user.pk:
        if not (moderate and (membership.role == Membership.Role.OWNER or user.is_superuser)):
            raise ChatError("not_author", _("Only the author can change this message."), status=403)
    if message.deleted_at:
        raise ChatError("deleted", _("The message has been deleted."))
    return message, membership


def edit_message(*, user, message_id, body) -> Message:
    """Only the author edits; the previous text is kept as a MessageEdit; newly @mentioned people are notified."""
    message, _membership = _own_message(user=user, message_id=message_id)
    body = _clean_body(body, allow_empty=message.attachments.exists())
    if body == message.body:
        return message_queryset().get(pk=message.pk)
    with transaction.atomic():
        MessageEdit.objects.create(message=message, body=message.body)
        message.body = body
        message.edited_at = timezone.now()
        message.save(update_fields=["body", "edited_at", "updated_at"])
        _record_mentions(message=message, room_id=message.room_id)
        message = message_queryset().get(pk=message.pk)
        actions.chat_message_changed(message=message)
    return message


def delete_message(*, user, message_id) -> Message:
    """The author, a room owner or an administrator deletes: the text and its edit history are removed, a
    "deleted" placeholder stays so that the sequence has no holes."""
    message, _membership = _own_message(user=user, message_id=message_id, moderate=True)
    with transaction.atomic():
        # The text waits in the archive for CHAT_ARCHIVE_DAYS (administrators can restore it).
        retention.archive_deleted(message)
        if message.author_id != user.pk:
            audit.record(
                actor=user,
                action=audit.MODERATION,
                target=message,
                details={"room": message.room_id, "change": "deleted", "author": message.author_id},
            )
        message.edits.all().delete()
        message.body = ""
        message.deleted_at = timezone.now()
        message.deleted_by = user
        message.save(update_fields=["body", "deleted_at", "deleted_by", "updated_at"])
        message = message_queryset().get(pk=message.pk)
        actions.chat_message_changed(message=message)
    return message


def _clean_emoji(emoji) -> str:
    if not isinstance(emoji, str) or not emoji or len(emoji) > MAX_EMOJI:
        raise ChatError("invalid_emoji", _("Choose an emoji."))
    for char in emoji:
        category = unicodedata.category(char)
        if not (
            category in {"So", "Sk", "Mn", "Me"} or char in "\u200d\ufe0f" or 0x1F3FB <= ord(char) <= 0x1F3FF
        ):
            raise ChatError("invalid_emoji", _("Choose an emoji."))
    return emoji


def react(*, user, message_id, emoji, add=True) -> Message:
    """Add or remove the user's reaction (idempotent both ways)."""
    emoji = _clean_emoji(emoji)
    message = Message.objects.filter(pk=_clean_id(message_id)).first()
    if message is None:
        raise ChatError("not_found", _("No such message."), status=404)
    require_member(user=user, room_id=message.room_id)
    if message.deleted_at:
        raise ChatError("deleted", _("The message has been deleted."))
    with transaction.atomic():
        if add:
            Reaction.objects.get_or_create(message=message, user=user, emoji=emoji)
        else:
            Reaction.objects.filter(message=message, user=user, emoji=emoji).delete()
        Message.objects.filter(pk=message.pk).update(updated_at=timezone.now())
        message = message_queryset().get(pk=message.pk)
        actions.chat_message_changed(message=message)
    return message


def mark_read(*, user, room_id, seq) -> Membership:
    """Move the read marker forward to ``seq`` (never back, never past the last message)."""
    membership = require_member(user=user, room_id=room_id)
    seq = min(_clean_seq(seq), membership.room.last_seq)
    if seq > membership.last_read_seq:
        Membership.objects.filter(pk=membership.pk, last_read_seq__lt=seq).update(last_read_seq=seq)
        membership.last_read_seq = seq
        actions.chat_read(membership=membership)
    return membership


def mark_unread(*, user, room_id, seq) -> Membership:
    """Make ``seq`` and everything after it unread again ("mark unread" on a message)."""
    membership = require_member(user=user, room_id=room_id)
    seq = max(0, min(_clean_seq(seq), membership.room.last_seq + 1) - 1)
    Membership.objects.filter(pk=membership.pk).update(last_read_seq=seq)
    membership.last_read_seq = seq
    actions.chat_read(membership=membership)
    return membership


def _clean_seq(seq) -> int:
    try:
        seq = int(seq)
    except (TypeError, ValueError):
        raise ChatError("invalid_seq", _("Invalid sequence number.")) from None
    if seq < 0 or seq > 2**62:
        raise ChatError("invalid_seq", _("Invalid sequence number."))
    return seq


def history(*, user, room_id, before=None, limit=PAGE_SIZE) -> tuple[list[Message], bool]:
    """A page of the room's messages, oldest first, ending just before ``before`` (the newest when None).
    Returns (messages, more_before)."""
    require_member(user=user, room_id=room_id)
    limit = max(1, min(int(limit), PAGE_SIZE))
    messages = message_queryset().filter(room_id=room_id)
    if before is not None:
        messages = messages.filter(seq__lt=_clean_seq(before))
    page = list(messages.order_by("-seq")[: limit + 1])
    more = len(page) > limit
    return list(reversed(page[:limit])), more


def since(*, user, room_id, after, changed_since=None, limit=RESYNC_LIMIT) -> tuple[list[Message], bool]:
    """Everything after sequence number ``after`` (oldest first), plus older messages changed (edited, deleted,
    reacted to) after ``changed_since``: what a client missed while disconnected. Returns (messages, more_after)."""
    require_member(user=user, room_id=room_id)
    after = _clean_seq(after)
    limit = max(1, min(int(limit), RESYNC_LIMIT))
    page = list(message_queryset().filter(room_id=room_id, seq__gt=after).order_by("seq")[: limit + 1])
    more = len(page) > limit
    page = page[:limit]
    if changed_since is not None:
        changed = message_queryset().filter(room_id=room_id, seq__lte=after, updated_at__gt=changed_since)
        page = sorted(list(changed.order_by("seq")[:limit]) + page, key=lambda m: m.seq)
    return page, more


def edit_history(*, user, message_id) -> tuple[Message, list[MessageEdit]]:
    message = Message.objects.select_related("author").filter(pk=_clean_id(message_id)).first()
    if message is None:
        raise ChatError("not_found", _("No such message."), status=404)
    require_member(user=user, room_id=message.room_id)
    return message, list(message.edits.all())


@dataclass
class MessageSearch:
    """Search results, best first; ``degraded``: the search engine did not answer, these come from the
    database (every word must occur; no stemming, compounds or typos)."""

    messages: list[Message]
    degraded: bool = False


def search(*, user, query, room_id=None, limit=50, language="fi") -> MessageSearch:
    """Messages matching ``query`` in the user's rooms (or one of them, after a membership check).

    Through the search app's index (Finnish and Swedish stemming, compounds, typos; the user's rooms are
    filtered inside the engine's query: search.chat); from the database when no engine is configured, or,
    marked ``degraded``, when the engine does not answer. Results are this app's rows either way, re-checked
    against the user's memberships and deletions, with ``snippet_html`` (escaped; only <mark> is markup)."""
    from search.chat import search_messages
    from search.engines.base import SearchUnavailable

    text = str(query or "")
    if not text.split() or len(text) > 200:
        return MessageSearch([])
    if room_id not in (None, ""):
        room_ids = [require_member(user=user, room_id=_clean_id(room_id)).room_id]
    else:
        room_ids = list(Membership.objects.filter(user_id=user.pk).values_list("room_id", flat=True))
    try:
        hits = search_messages(text=text, room_ids=room_ids, language=language, limit=limit)
    except SearchUnavailable as error:
        logger.warning("Search engine unavailable, chat search answers from the database: %s", error)
        return MessageSearch(_database_search(text=text, room_ids=room_ids, limit=limit), degraded=True)
    if hits is None:
        return MessageSearch(_database_search(text=text, room_ids=room_ids, limit=limit))
    found = {
        m.pk: m for m in _results().filter(pk__in=[hit.message_id for hit in hits], room_id__in=room_ids)
    }
    results = []
    for hit in hits:
        message = found.get(hit.message_id)
        if message is not None:  # gone from the database or from the user's rooms since it was indexed
            message.snippet_html = mark_safe(hit.snippet_html)  # noqa: S308 - escaped by the engine, only <mark>
            results.append(message)
    return MessageSearch(results)


def _results():
    return Message.objects.filter(deleted_at__isnull=True).select_related(
        "author", "room", "room__team", "room__location"
    )


def _database_search(*, text, room_ids, limit) -> list[Message]:
    """Every word must occur (case-insensitive, Unicode-aware on SQLite too), newest first."""
    words = [w for w in text.split() if w][:8]
    messages = _results().filter(room_id__in=room_ids)
    for word in words:
        messages = messages.filter(body__icontains=word)
    found = list(messages.order_by("-created_at")[:limit])
    for message in found:
        message.snippet_html = escape(Truncator(message.body).chars(300))
    return found
