"""What the search engine indexes about an instruction: plain data, no Elasticsearch here.

``search_document(page)`` returns one dict per live language version. The
search app (which alone talks to Elasticsearch) turns it into its document and
filters every query with the reader's kinds::

    audience IN (access.audience_kinds_for(user) + ["everyone"])
    AND (valid_until IS NULL OR valid_until >= today)

Index on Wagtail's ``page_published`` / ``page_unpublished`` signals (the
library sends nothing else). Publishing the original also copies its metadata
(audience, dates) to the translations; reindex every version with the same
``translation_key`` then (``versions_to_index(page)``).
"""

from intranet.instructions.models import InstructionPage


def search_document(page: InstructionPage) -> dict:
    """Plain data for one language version; metadata is the original's (kept in step on publish)."""
    return {
        "id": page.pk,
        "translation_key": str(page.translation_key),
        "language": page.locale.language_code,
        "url": page.url or "",
        "title": page.title,
        "lead": page.lead,
        "headings": page.headings(),
        "body": page.body_text(),
        "kind": page.kind,
        "kind_label": str(page.get_kind_display()),
        "topic": page.topic.slug if page.topic_id else None,
        "topic_name": {"fi": page.topic.name_fi, "sv": page.topic.name_sv} if page.topic_id else None,
        "process_area": page.process_area.slug if page.process_area_id else None,
        "process_area_name": ({"fi": page.process_area.name_fi, "sv": page.process_area.name_sv}
                              if page.process_area_id else None),
        "owner_unit": page.owner_unit.slug if page.owner_unit_id else None,
        "owner_unit_name": {"fi": page.owner_unit.name_fi, "sv": page.owner_unit.name_sv} if page.owner_unit_id else None,
        "audience": page.audience_kinds(),  # agency kinds, or ["everyone"]
        "valid_from": page.valid_from.isoformat() if page.valid_from else None,
        "valid_until": page.valid_until.isoformat() if page.valid_until else None,
        "next_review_date": page.next_review_date.isoformat() if page.next_review_date else None,
        "last_published_at": page.last_published_at.isoformat() if page.last_published_at else None,
    }


def versions_to_index(page: InstructionPage):
    """Every live version of the instruction (its metadata changes together)."""
    return (InstructionPage.objects.live().filter(translation_key=page.translation_key)
            .select_related("locale", "topic", "process_area", "owner_unit"))


def all_documents():
    """Every live instruction version as search data (for a full reindex), in batches of the iterator."""
    pages = (InstructionPage.objects.live().select_related("locale", "topic", "process_area", "owner_unit")
             .order_by("pk"))
    for page in pages.iterator(chunk_size=200):
        yield search_document(page)
