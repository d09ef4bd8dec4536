"""News articles: one document per published language version ("news:<page pk>").

News audiences decide whose feed an article reaches; they are not access
control (docs/news.md), so every article's search audience is "everyone".
A Swedish version links to the article's one URL (served in the reader's
language) and carries the original's categories and publisher.
"""

from __future__ import annotations

from search.adapters import Adapter
from search.adapters.text import stream_text
from search.adapters.urls import page_urls
from search.engines.base import EVERYONE, SearchDocument


class NewsAdapter(Adapter):
    type = "news"

    page_model = "newsarticlepage"

    def fallback_pages(self, *, user, now):
        from core.locales import default_locale_id
        from news.models import NewsArticlePage

        return NewsArticlePage.objects.filter(live=True, locale_id=default_locale_id()).exclude(
            expire_at__lte=now
        )

    def queryset(self):
        from news.models import NewsArticlePage

        return (
            NewsArticlePage.objects.live()
            .select_related("publisher", "locale")
            .prefetch_related("categories")
        )

    def prepare(self, pages: list) -> None:
        """The Finnish original of every Swedish version in the batch, in one query (targeting lives there)."""
        from news.models import NewsArticlePage
        from news.services import default_locale_id

        finnish = default_locale_id()
        keys = {page.translation_key for page in pages if page.locale_id != finnish}
        originals = (
            {
                page.translation_key: page
                for page in NewsArticlePage.objects.live()
                .filter(translation_key__in=keys, locale_id=finnish)
                .select_related("publisher")
                .prefetch_related("categories")
            }
            if keys
            else {}
        )
        self._originals = originals
        self._finnish = finnish
        self._urls = page_urls([*pages, *originals.values()])

    def to_documents(self, page) -> list[SearchDocument]:
        if not hasattr(self, "_finnish"):
            self.prepare([page])
        original = page
        if page.locale_id != self._finnish:
            original = getattr(self, "_originals", {}).get(page.translation_key, page)
        headings, body = stream_text(page.body)
        return [
            SearchDocument(
                key=f"news:{page.pk}",
                type="news",
                language="sv" if page.locale.language_code.startswith("sv") else "fi",
                title=page.title,
                url=self._urls.get(original.pk) or self._urls.get(page.pk) or original.url or page.url or "",
                headings=headings,
                lead=page.lead,
                body=body,
                published_at=page.first_published_at or page.last_published_at,
                valid_until=page.expire_at,
                live=page.live,
                audience=(EVERYONE,),
                facets={
                    "topic": tuple(c.name_fi for c in original.categories.all()),
                    "publisher": (original.publisher.name_fi,),
                },
                extra={
                    "date": (page.first_published_at or page.last_published_at).date().isoformat()
                    if (page.first_published_at or page.last_published_at)
                    else ""
                },
            )
        ]
