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

from instructions.models import InstructionPage


def search_document(page: InstructionPage, *, url: str | None = None, text: tuple | None = None) -> dict:
    """Plain data for one language version; metadata is the original's (kept in step on publish).

    For a batch the search app passes what it computed once for all pages: ``url`` (the page's URL) and
    ``text`` ((headings, body) from :func:`batch_texts`)."""
    headings, body = text if text is not None else (page.headings(), page.body_text())
    return {
        "id": page.pk,
        "translation_key": str(page.translation_key),
        "language": page.locale.language_code,
        "url": (page.url if url is None else url) or "",
        "title": page.title,
        "lead": page.lead,
        "headings": headings,
        "body": body,
        "kind": page.kind,
        "kind_label": str(page.get_kind_display()),
        "topic": page.topic.slug if page.topic_id else None,
        "topic_name": {"fi": page.topic.name_fi, "sv": page.topic.name_sv} if page.topic_id else None,
        "process_area": page.process_area.slug if page.process_area_id else None,
        "process_area_name": (
            {"fi": page.process_area.name_fi, "sv": page.process_area.name_sv}
            if page.process_area_id
            else None
        ),
        "owner_unit": page.owner_unit.slug if page.owner_unit_id else None,
        "owner_unit_name": {"fi": page.owner_unit.name_fi, "sv": page.owner_unit.name_sv}
        if page.owner_unit_id
        else None,
        "audience": page.audience_kinds(),  # agency kinds, or ["everyone"]
        "valid_from": page.valid_from.isoformat() if page.valid_from else None,
        "valid_until": page.valid_until.isoformat() if page.valid_until else None,
        "next_review_date": page.next_review_date.isoformat() if page.next_review_date else None,
        "last_published_at": page.last_published_at.isoformat() if page.last_published_at else None,
    }


def _raw_items(value):
    """A ListBlock's raw items (the newer {"type": "item", "value": ...} form or plain values)."""
    for item in value or []:
        yield (
            item["value"]
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item
            else item
        )


def batch_texts(pages) -> dict[int, tuple[list[str], str]]:
    """{pk: (headings, body text)} as ``page.headings()`` and ``page.body_text()`` give them, read from the
    body's stored JSON (no block objects) with one query for the titles of attached documents."""
    from django.utils.html import strip_tags
    from wagtail.documents import get_document_model

    raw = {page.pk: list(page.body.raw_data) for page in pages}
    document_ids = {
        block["value"].get("document")
        for blocks in raw.values()
        for block in blocks
        if block.get("type") == "attachment" and not (block["value"] or {}).get("title")
    }
    document_ids.discard(None)
    titles = (
        dict(get_document_model().objects.filter(pk__in=document_ids).values_list("pk", "title"))
        if document_ids
        else {}
    )
    texts = {}
    for pk, blocks in raw.items():
        headings, parts = [], []
        for block in blocks:
            kind, value = block.get("type"), block.get("value")
            if kind == "heading":
                headings.append(str(value))
                parts.append(str(value))
            elif kind == "paragraph":
                parts.append(strip_tags(value))
            elif kind == "steps":
                for step in _raw_items((value or {}).get("steps")):
                    parts.append(step.get("title") or "")
                    if step.get("text"):
                        parts.append(strip_tags(step["text"]))
            elif kind == "notice":
                parts.append(strip_tags((value or {}).get("text") or ""))
            elif kind == "table":
                for row in (value or {}).get("data") or []:
                    parts.append(" ".join(str(cell) for cell in row if cell))
            elif kind == "attachment":
                parts.append((value or {}).get("title") or titles.get((value or {}).get("document"), ""))
            elif kind == "legal_reference":
                parts.append(
                    " ".join(filter(None, [(value or {}).get("statute"), (value or {}).get("section")]))
                )
        texts[pk] = (headings, "\n".join(part.strip() for part in parts if part and part.strip()))
    return texts


def versions_to_index(page: InstructionPage):
    """Every live version of the instruction (its metadata changes together)."""
    return (
        InstructionPage.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale", "topic", "process_area", "owner_unit")
    )


def all_documents():
    """Every live instruction version as search data (for a full reindex), in batches of the iterator."""
    pages = (
        InstructionPage.objects.live()
        .select_related("locale", "topic", "process_area", "owner_unit")
        .order_by("pk")
    )
    for page in pages.iterator(chunk_size=200):
        yield search_document(page)
