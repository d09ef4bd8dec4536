"""Events: one document per published language version ("event:<page pk>").

Audiences decide whose lists an event reaches; they are not access control,
so every event's search audience is "everyone" (the online link is never indexed).
"""

from __future__ import annotations

from django.utils.html import strip_tags

from search.adapters import Adapter
from search.adapters.urls import page_urls
from search.engines.base import EVERYONE, SearchDocument


class EventAdapter(Adapter):
    type = "event"

    page_model = "eventpage"

    def fallback_pages(self, *, user, now):
        from core.locales import default_locale_id
        from events.models import EventPage

        return EventPage.objects.filter(live=True, locale_id=default_locale_id())

    def queryset(self):
        from events.models import EventPage

        return EventPage.objects.live().select_related("kind", "organiser_agency", "locale")

    def prepare(self, pages: list) -> None:
        self._urls = page_urls(pages)

    def to_documents(self, page) -> list[SearchDocument]:
        if not hasattr(self, "_urls"):
            self.prepare([page])
        return [
            SearchDocument(
                key=f"event:{page.pk}",
                type="event",
                language="sv" if page.locale.language_code.startswith("sv") else "fi",
                title=page.title,
                url=self._urls.get(page.pk) or page.url or "",
                headings=(),
                lead=page.lead,
                body=strip_tags(page.body or ""),
                published_at=page.first_published_at or page.last_published_at,
                valid_until=None,
                live=page.live,
                audience=(EVERYONE,),
                facets={"topic": (page.kind.name_fi,), "publisher": (page.organiser_agency.name_fi,)},
                extra={"date": page.start.date().isoformat() if page.start else ""},
            )
        ]
