"""The reader-visible change log, visits, attachments and shared metadata of translations.

* On ``page_published`` (Wagtail's signal; the search outbox listens
  to the same one) the editor's "what changed?" note of the published revision
  becomes a :class:`ChangeLogEntry`, and the original's metadata is copied to
  its translations so that each row carries the audience the reader is checked
  against.
* Each reader's last visit is kept per instruction; material entries newer than
  the visit *before* this one are highlighted.
"""

from django.db import transaction
from django.utils import timezone

from instructions.models.pages import SHARED_FIELDS
from instructions.models.records import ChangeLogEntry, InstructionAttachment, InstructionVisit

# The change log on the page lists this many entries; older ones are behind "show all".
LOG_ENTRIES_SHOWN = 10


def on_page_published(sender, instance, revision=None, **kwargs):
    from instructions.models import InstructionPage

    if not isinstance(instance, InstructionPage):
        return
    record_publication(page=instance, revision=revision)


def record_publication(*, page, revision=None, published_at=None) -> ChangeLogEntry | None:
    """Turn the published revision's note into a log entry (once per revision) and sync translations."""
    sync_translations(page=page)
    note = (page.pending_change_note or "").strip()
    if not note and not page.pending_material:
        return None
    entry, _created = ChangeLogEntry.objects.get_or_create(
        page=page,
        revision=revision,
        defaults={
            "translation_key": page.translation_key,
            "language": page.locale.language_code,
            "published_at": published_at or page.last_published_at or timezone.now(),
            "note": note[:300],
            "material": page.pending_material,
        },
    )
    return entry


def sync_translations(*, page) -> int:
    """Copy the original's shared metadata (audience, owner, dates, ...) to its other language versions."""
    from instructions.access import default_locale_id
    from instructions.models import InstructionPage

    if page.locale_id == default_locale_id():
        values = {field: getattr(page, field) for field in SHARED_FIELDS}
        return (
            InstructionPage.objects.filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .update(**values)
        )
    original = (
        InstructionPage.objects.filter(
            translation_key=page.translation_key, locale_id=default_locale_id(), live=True
        )
        .values(*SHARED_FIELDS)
        .first()
    )
    if original:
        InstructionPage.objects.filter(pk=page.pk).update(**original)
        for field, value in original.items():
            setattr(page, field, value)
    return 0


def record_attachments(*, page) -> None:
    """Remember which documents this version's body links to (drafts included)."""
    if not page.pk:
        return
    wanted = page.document_ids()
    existing = set(InstructionAttachment.objects.filter(page=page).values_list("document_id", flat=True))
    if wanted == existing:
        return
    with transaction.atomic():
        InstructionAttachment.objects.filter(page=page).exclude(document_id__in=wanted).delete()
        InstructionAttachment.objects.bulk_create(
            [InstructionAttachment(page=page, document_id=pk) for pk in wanted - existing],
            ignore_conflicts=True,
        )


def entries_for(*, page, limit: int = LOG_ENTRIES_SHOWN) -> list[ChangeLogEntry]:
    return list(ChangeLogEntry.objects.filter(translation_key=page.translation_key)[:limit])


def visit(*, user, page, now=None):
    """Record this visit; returns the time of the previous one (None on a first visit). Two queries."""
    if not getattr(user, "is_authenticated", False):
        return None
    now = now or timezone.now()
    previous = InstructionVisit.objects.filter(user=user, translation_key=page.translation_key).first()
    if previous is None:
        InstructionVisit.objects.create(user=user, translation_key=page.translation_key, last_visit_at=now)
        return None
    InstructionVisit.objects.filter(pk=previous.pk).update(last_visit_at=now)
    return previous.last_visit_at


def mark_new(entries, *, since) -> list[ChangeLogEntry]:
    """Flag material entries published after the reader's previous visit (``entry.is_new``)."""
    for entry in entries:
        entry.is_new = bool(since and entry.material and entry.published_at > since)
    return entries
