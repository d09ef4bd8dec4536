"""How long chat keeps messages, and the archive (docs/privacy.md#retention).

Each room follows the organisation's default (``CHAT_RETENTION_DAYS``; None keeps everything), is kept as
records, deletes after its own number of days, or is casual (``CHAT_CASUAL_RETENTION_DAYS``). The daily job
(:func:`expire_messages`) moves expired messages to :class:`~chat.models.ArchivedMessage` in small batches,
each its own short transaction (a few hundred rows: never a long lock, chat keeps flowing), and
:func:`purge_archive` deletes archived rows older than ``CHAT_ARCHIVE_DAYS``. Administrators restore an
archived message with :func:`restore`; a records room is exported as a package by :func:`records_package`.
"""

from __future__ import annotations

import datetime
import io
import json
import time
import zipfile

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chat.errors import ChatError
from chat.models import (
    ArchivedMessage,
    Attachment,
    Message,
    MessageEdit,
    MessageMention,
    Reaction,
    Retention,
    Room,
)
from core import audit, retention_settings
from search.indexing import record as index_record


def days_for(room: Room, *, periods: dict | None = None) -> int | None:
    """The room's retention in days, None when its messages are kept. ``periods``: the organisation's
    periods in force (core.retention_settings.in_force(), read once for many rooms)."""
    if room.retention == Retention.RECORDS:
        return None
    if room.retention == Retention.DAYS:
        return room.retention_days
    periods = periods if periods is not None else retention_settings.in_force()
    if room.retention == Retention.CASUAL:
        return periods["CHAT_CASUAL_RETENTION_DAYS"]
    return periods["CHAT_RETENTION_DAYS"]


def set_retention(*, actor, room_id: int, retention: str, days: int | None = None) -> Room:
    """Change a room's retention (administrators); recorded in the audit trail."""
    if retention not in Retention.values:
        raise ChatError("invalid_retention", _("Unknown retention."))
    if retention == Retention.DAYS and (not isinstance(days, int) or not 1 <= days <= 36500):
        raise ChatError("invalid_days", _("Give the number of days (1–36500)."))
    room = Room.objects.get(pk=room_id)
    before = {"retention": room.retention, "days": room.retention_days}
    room.retention = retention
    room.retention_days = days if retention == Retention.DAYS else None
    room.save(update_fields=["retention", "retention_days"])
    audit.record(
        actor=actor,
        action=audit.RETENTION_CHANGE,
        target=room,
        details={"from": before, "to": {"retention": room.retention, "days": room.retention_days}},
    )
    return room


def _archive_sql() -> str:
    archive, message = ArchivedMessage._meta.db_table, Message._meta.db_table
    empty_list = "'[]'::jsonb" if connection.vendor == "postgresql" else "'[]'"
    return (
        f"INSERT INTO {archive} (original_id, room_id, seq, author_id, body, reply_to_id, created_at, "
        f"edited_at, reason, attachment_ids, archived_at) SELECT id, room_id, seq, author_id, body, "
        f"reply_to_id, created_at, edited_at, %s, {empty_list}, %s FROM {message} WHERE id IN "
    )


def _archive_batch(*, room_id: int, cutoff, after_id: int, batch: int, reason: str) -> tuple[int, int]:
    """Move up to ``batch`` expired messages of one room (ids above ``after_id``) to the archive and delete
    them, in one short transaction; returns (messages archived, the last id taken, 0 when none were left).

    What keeps the chat's sends quick while this runs (docs/privacy.md#retention):

    * the rows are chosen by primary key above the previous batch's last (no rescan of what went before)
      and, on PostgreSQL, ``FOR UPDATE SKIP LOCKED``: a message a chat transaction holds (an edit, a
      reaction) is left for the next run, so neither side ever waits for the other;
    * the archive copy is one ``INSERT … SELECT`` inside the database (no rows through Python);
    * related rows and the messages go by plain DELETEs by key (no rows loaded, no per-row signals);
    * on PostgreSQL the commit does not wait for the WAL flush (``synchronous_commit = off`` for this
      transaction only): the chat's commits do not queue behind the job's. A crash can lose only the last
      batches as a whole (the messages are then still there and the next run takes them again).
    """
    postgres = connection.vendor == "postgresql"
    with transaction.atomic():
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")
        chosen = Message.objects.filter(room_id=room_id, created_at__lt=cutoff, pk__gt=after_id).order_by(
            "pk"
        )
        if postgres:
            chosen = chosen.select_for_update(skip_locked=True, of=("self",))
        ids = list(chosen.values_list("pk", flat=True)[:batch])
        if not ids:
            return 0, 0
        stamp = timezone.now()
        with connection.cursor() as cursor:
            cursor.execute(
                _archive_sql() + "(" + ", ".join(["%s"] * len(ids)) + ")",
                [
                    reason,
                    connection.ops.adapt_datetimefield_value(stamp),
                    *ids,
                ],
            )
        files: dict[int, list[int]] = {}
        for attachment_id, message_id in Attachment.objects.filter(message_id__in=ids).values_list(
            "pk", "message_id"
        ):
            files.setdefault(message_id, []).append(attachment_id)
        for message_id, attachment_ids in files.items():  # few: most messages have no file
            ArchivedMessage.objects.filter(original_id=message_id, reason=reason, archived_at=stamp).update(
                attachment_ids=attachment_ids
            )
        # Files stay with the room until the archive row goes (restorable with the message).
        if files:
            Attachment.objects.filter(message_id__in=ids).update(message=None)
        Message.objects.filter(reply_to_id__in=ids).update(reply_to=None)
        for model in (Reaction, MessageEdit, MessageMention):
            model.objects.filter(message_id__in=ids)._raw_delete(model.objects.db)
        deleted = Message.objects.filter(pk__in=ids)._raw_delete(Message.objects.db)
        # The search outbox: its drain job is asked at most every few seconds, not once per batch.
        index_record(refs=[f"chat:{pk}" for pk in ids], throttle=5.0)
    return deleted, ids[-1]


# The rest after each batch, as a multiple of the time the batch took (the job's duty cycle: 1 / (1 + 4)).
REST_RATIO = 4


def expire_messages(
    *, now=None, batch: int | None = None, pause: float | None = None, limit: int | None = None
) -> int:
    """Archive every message past its room's retention, ``batch`` rows per transaction; returns how many.

    After each batch the job rests at least ``pause`` seconds and at least ``REST_RATIO`` times as long as
    the batch took, so it is busy at most a fifth of the time, whatever the machine's load (the chat gets
    the database and the cores in between);
    ``limit`` stops after that many (the rest waits for the next run)."""
    now = now or timezone.now()
    batch = batch or settings.RETENTION_BATCH_SIZE
    pause = settings.RETENTION_PAUSE_SECONDS if pause is None else pause
    done = 0
    periods = retention_settings.in_force()
    for room in Room.objects.exclude(retention=Retention.RECORDS).only("pk", "retention", "retention_days"):
        days = days_for(room, periods=periods)
        if days is None:
            continue
        cutoff = now - datetime.timedelta(days=days)
        after_id = 0
        while limit is None or done < limit:
            started = time.monotonic()
            archived, after_id = _archive_batch(
                room_id=room.pk,
                cutoff=cutoff,
                after_id=after_id,
                batch=batch if limit is None else min(batch, limit - done),
                reason=ArchivedMessage.Reason.RETENTION,
            )
            if not after_id:
                break
            done += archived
            if pause:
                time.sleep(max(pause, REST_RATIO * (time.monotonic() - started)))
    return done


def archive_deleted(message: Message) -> None:
    """Keep a copy of a message a person deletes (its text) in the archive for CHAT_ARCHIVE_DAYS."""
    ArchivedMessage.objects.create(
        original_id=message.pk,
        room_id=message.room_id,
        seq=message.seq,
        author_id=message.author_id,
        body=message.body,
        reply_to_id=message.reply_to_id,
        created_at=message.created_at,
        edited_at=message.edited_at,
        reason=ArchivedMessage.Reason.DELETED,
    )


def purge_archive(*, now=None, batch: int | None = None) -> int:
    """Delete archived messages (and their files) older than CHAT_ARCHIVE_DAYS; returns how many."""
    now = now or timezone.now()
    batch = batch or settings.RETENTION_BATCH_SIZE
    cutoff = now - datetime.timedelta(days=retention_settings.value("CHAT_ARCHIVE_DAYS"))
    done = 0
    while True:
        rows = list(
            ArchivedMessage.objects.filter(archived_at__lt=cutoff).values_list("pk", "attachment_ids")[:batch]
        )
        if not rows:
            return done
        with transaction.atomic():
            attachment_ids = [pk for _pk, ids in rows for pk in ids]
            for attachment in Attachment.objects.filter(pk__in=attachment_ids, message__isnull=True):
                attachment.file.delete(save=False)
                if attachment.thumbnail:
                    attachment.thumbnail.delete(save=False)
                attachment.delete()
            done += ArchivedMessage.objects.filter(pk__in=[pk for pk, _ids in rows]).delete()[0]


def restore(*, actor, archived_id: int) -> Message:
    """Put an archived message back where it was (administrators); recorded in the audit trail."""
    with transaction.atomic():
        archived = ArchivedMessage.objects.select_for_update().get(pk=archived_id)
        existing = Message.objects.filter(pk=archived.original_id).first()
        if existing is not None:  # a deleted message's placeholder: its text comes back
            existing.body = archived.body
            existing.deleted_at = None
            existing.deleted_by = None
            existing.save(update_fields=["body", "deleted_at", "deleted_by", "updated_at"])
            message = existing
        else:
            message = Message(
                pk=archived.original_id,
                room_id=archived.room_id,
                seq=archived.seq,
                author_id=archived.author_id,
                body=archived.body,
                reply_to_id=archived.reply_to_id
                if Message.objects.filter(pk=archived.reply_to_id).exists()
                else None,
                edited_at=archived.edited_at,
            )
            message.save(force_insert=True)
            Message.objects.filter(pk=message.pk).update(created_at=archived.created_at)
            Attachment.objects.filter(pk__in=archived.attachment_ids, message__isnull=True).update(
                message=message
            )
        archived.delete()
        audit.record(
            actor=actor,
            action=audit.ARCHIVE_RESTORE,
            target=message,
            details={"room": archived.room_id, "seq": archived.seq, "reason": archived.reason},
        )
    return message


def records_package(*, actor, room_id: int) -> bytes:
    """A records room as an archive package for the records system: a zip with ``messages.json`` (every
    message with its author, time and edits) and ``manifest.json`` (room, period, count, checksum)."""
    import hashlib

    room = Room.objects.get(pk=room_id)
    messages = [
        {
            "id": m.pk,
            "seq": m.seq,
            "author": (m.author.get_full_name() or m.author.get_username()) if m.author else None,
            "author_username": m.author.get_username() if m.author else None,
            "body": m.body,
            "created_at": m.created_at,
            "edited_at": m.edited_at,
            "deleted_at": m.deleted_at,
            "reply_to": m.reply_to_id,
            "edits": [{"body": e.body, "edited_at": e.edited_at} for e in m.edits.all()],
            "attachments": [a.original_name for a in m.attachments.all()],
        }
        for m in Message.objects.filter(room=room)
        .select_related("author")
        .prefetch_related("edits", "attachments")
        .order_by("seq")
    ]
    body = json.dumps(messages, cls=DjangoJSONEncoder, indent=1, ensure_ascii=False).encode()
    manifest = {
        "room": {"id": room.pk, "name": str(room), "kind": room.kind, "retention": room.retention},
        "exported_at": timezone.now(),
        "messages": len(messages),
        "first": messages[0]["created_at"] if messages else None,
        "last": messages[-1]["created_at"] if messages else None,
        "sha256": {"messages.json": hashlib.sha256(body).hexdigest()},
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("messages.json", body)
        archive.writestr(
            "manifest.json", json.dumps(manifest, cls=DjangoJSONEncoder, indent=1, ensure_ascii=False)
        )
    audit.record(actor=actor, action=audit.ARCHIVE_EXPORT, target=room, details={"messages": len(messages)})
    return out.getvalue()
