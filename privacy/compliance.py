"""Compliance export of chat messages (Zulip's): administrators choose a time range and, optionally, a
keyword, a sender and a room; the worker builds a zip (``messages.json``, ``messages.csv`` and
``manifest.json`` with the criteria, the count and a SHA-256 of the messages), shown with its progress
and downloadable from an expiring link. The request and every download are in the audit trail.

It reuses the building blocks of "download my data" (privacy.export): the same storage outside
MEDIA_ROOT, the CSV writer, the progress and the expiry (``PRIVACY_EXPORT_HOURS``).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit, retention_settings
from privacy.export import csv_text
from privacy.models import ComplianceExport

COMPLIANCE_EXPORT = "compliance_export"  # the audit trail's action
MAX_KEYWORD = 200
# Rows between two progress updates (and per database round trip).
CHUNK = 2000


class ComplianceError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def request(*, actor, since: datetime.date, until: datetime.date, keyword="", sender=None, room=None):
    """Queue a compliance export (administrators; the view checks the permission). The job starts when
    the transaction commits. Raises ComplianceError on criteria that cannot be right."""
    keyword = (keyword or "").strip()
    if until < since:
        raise ComplianceError("until", _("The end of the time range is before its start."))
    if since > timezone.localdate():
        raise ComplianceError("since", _("The time range starts in the future."))
    if len(keyword) > MAX_KEYWORD:
        raise ComplianceError(
            "keyword", _("The keyword can be at most %(max)d characters.") % {"max": MAX_KEYWORD}
        )
    if "\x00" in keyword:
        raise ComplianceError("keyword", _("The keyword contains a character that cannot be searched (NUL)."))
    export = ComplianceExport.objects.create(
        requested_by=actor, since=since, until=until, keyword=keyword, sender=sender, room=room
    )
    audit.record(actor=actor, action=COMPLIANCE_EXPORT, target=export, details=criteria(export))
    from privacy import tasks

    transaction.on_commit(lambda: tasks.build_compliance_export.enqueue(export_id=export.pk))
    return export


def criteria(export: ComplianceExport) -> dict:
    return {
        "since": export.since.isoformat(),
        "until": export.until.isoformat(),
        "keyword": export.keyword,
        "sender": export.sender.get_username() if export.sender_id else None,
        "room": {"id": export.room_id, "name": str(export.room)} if export.room_id else None,
    }


def messages_for(export: ComplianceExport):
    """The messages the criteria match, oldest first (every room, direct ones too, unless a room is set)."""
    from chat.models import Message

    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(export.since, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(export.until + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    messages = Message.objects.filter(created_at__gte=start, created_at__lt=end)
    if export.keyword:
        messages = messages.filter(body__icontains=export.keyword)
    if export.sender_id:
        messages = messages.filter(author_id=export.sender_id)
    if export.room_id:
        messages = messages.filter(room_id=export.room_id)
    return messages.order_by("created_at", "pk")


def _row(message) -> dict:
    author = message.author
    return {
        "id": message.pk,
        "room_id": message.room_id,
        "room": str(message.room),
        "seq": message.seq,
        "sender": author.get_username() if author else None,
        "sender_name": (author.get_full_name() or author.get_username()) if author else None,
        "body": message.body,
        "created_at": message.created_at,
        "edited_at": message.edited_at,
        "deleted_at": message.deleted_at,
        "reply_to": message.reply_to_id,
        "attachments": [a.original_name for a in message.attachments.all()],
    }


def write_zip(export: ComplianceExport, target, *, on_progress=None) -> int:
    """Write the matching messages to ``target`` (a path or file object); returns how many."""
    matching = messages_for(export)
    total = matching.count()
    rows: list[dict] = []
    queryset = matching.select_related("author", "room").prefetch_related("attachments")
    for message in queryset.iterator(chunk_size=CHUNK):
        rows.append(_row(message))
        if on_progress and len(rows) % CHUNK == 0:
            on_progress(len(rows), total)
    body = json.dumps(rows, cls=DjangoJSONEncoder, indent=1, ensure_ascii=False).encode()
    manifest = {
        "kind": "compliance export of chat messages",
        "criteria": criteria(export),
        "requested_by": export.requested_by.get_username() if export.requested_by_id else None,
        "exported_at": timezone.now(),
        "messages": len(rows),
        "sha256": {"messages.json": hashlib.sha256(body).hexdigest()},
    }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("messages.json", body)
        archive.writestr("messages.csv", csv_text(rows))
        archive.writestr(
            "manifest.json", json.dumps(manifest, cls=DjangoJSONEncoder, indent=1, ensure_ascii=False)
        )
    return len(rows)


def build(*, export_id: int) -> ComplianceExport | None:
    """Build one queued compliance export (the job). Idempotent: a finished export is left alone."""
    export = (
        ComplianceExport.objects.select_related("sender", "room", "requested_by").filter(pk=export_id).first()
    )
    if export is None or export.status in (ComplianceExport.Status.READY, ComplianceExport.Status.EXPIRED):
        return export
    if not export.start():
        return export
    buffer = io.BytesIO()
    try:
        count = write_zip(export, buffer, on_progress=export.report)
    except Exception:
        export.fail()
        raise
    export.finish(
        name=f"compliance-{export.token}.zip",
        content=buffer.getvalue(),
        hours=retention_settings.value("PRIVACY_EXPORT_HOURS"),
        messages=count,
    )
    return export


def downloaded(*, actor, export: ComplianceExport) -> None:
    audit.record(actor=actor, action=COMPLIANCE_EXPORT, target=export, details={"downloaded": True})
