"""Content pages (intranet StandardPage): one document per live, public language version ("page:<pk>").

Everyone signed in may read a content page, so the audience is "everyone";
pages behind a Wagtail view restriction (a password or some groups only) are
left out entirely (``.public()``), and adding or removing a restriction
re-indexes the page and everything under it (search.signals). Content pages
do not decay with age (only news does).
"""

from __future__ import annotations

from search.adapters import Adapter
from search.adapters.text import stream_text
from search.adapters.urls import page_urls
from search.engines.base import EVERYONE, SearchDocument


class ContentPageAdapter(Adapter):
    type = "page"

    page_model = "standardpage"

    def fallback_pages(self, *, user, now):
        from core.locales import default_locale_id
        from intranet.models import StandardPage

        return (
            StandardPage.objects.live()
            .public()
            .filter(locale_id=default_locale_id())
            .exclude(expire_at__lte=now)
        )

    def queryset(self):
        from intranet.models import StandardPage

        return StandardPage.objects.live().public().select_related("locale")

    def prepare(self, pages: list) -> None:
        self._urls = page_urls(pages)

    def to_documents(self, page) -> list[SearchDocument]:
        urls = getattr(self, "_urls", {})
        headings, body = stream_text(page.body)
        return [
            SearchDocument(
                key=f"page:{page.pk}",
                type="page",
                language="sv" if page.locale.language_code.startswith("sv") else "fi",
                title=page.title,
                url=urls.get(page.pk) or page.url or "",
                headings=headings,
                lead=page.intro,
                body=body,
                published_at=page.last_published_at,
                valid_until=page.expire_at,
                live=page.live,
                audience=(EVERYONE,),
            )
        ]
