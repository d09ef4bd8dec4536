"""Instructions (instructions): one document per live language version ("instruction:<page pk>").

The instruction's audience is access control, so it goes into the document
(agency kinds or "everyone") and every query filters on it
(search.engines.elastic_query.access_filter). ``valid_until`` is a date: the
instruction is valid through that day, so the document expires at the next
local midnight. The data comes from the library's own
``search_source.search_document`` (docs/instructions.md).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from search.adapters import Adapter
from search.adapters.urls import page_urls
from search.engines.base import SearchDocument


def end_of_day(iso_date: str | None):
    if not iso_date:
        return None
    day = datetime.date.fromisoformat(iso_date) + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class InstructionAdapter(Adapter):
    type = "instruction"

    page_model = "instructionpage"

    def fallback_pages(self, *, user, now):
        """The library's own rule: originals the reader's agency may read, still valid (None: no reader)."""
        from instructions.access import visible_instructions

        return visible_instructions(user=user) if user is not None else None

    def queryset(self):
        from instructions.models import InstructionPage

        return InstructionPage.objects.live().select_related("locale", "topic", "process_area", "owner_unit")

    def prepare(self, pages: list) -> None:
        """URLs and body texts of the whole batch at once (one reversal per language, one document query)."""
        from instructions.search_source import batch_texts

        self._urls = page_urls(pages)
        self._texts = batch_texts(pages)

    def to_documents(self, page) -> list[SearchDocument]:
        from instructions.search_source import search_document

        urls = getattr(self, "_urls", {})
        data = search_document(
            page,
            url=urls[page.pk] if page.pk in urls else None,
            text=getattr(self, "_texts", {}).get(page.pk),
        )
        language = "sv" if data["language"].startswith("sv") else "fi"
        published = data.get("last_published_at")
        return [
            SearchDocument(
                key=f"instruction:{page.pk}",
                type="instruction",
                language=language,
                title=data["title"],
                url=data["url"],
                headings=" · ".join(data["headings"]),
                lead=data["lead"],
                body=data["body"],
                published_at=datetime.datetime.fromisoformat(published) if published else None,
                valid_until=end_of_day(data["valid_until"]),
                live=True,
                audience=tuple(data["audience"]),
                facets={
                    "topic": (data["topic_name"]["fi"],) if data["topic_name"] else (),
                    "owner_unit": (data["owner_unit_name"]["fi"],) if data["owner_unit_name"] else (),
                    "kind": (data["kind"],),
                },
                extra={"kind": data["kind"]},
            )
        ]
