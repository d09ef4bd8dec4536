"""The strategy's elements in /haku/: one document per element and language ("strategy:<pk>:fi")."""

from __future__ import annotations

from search.adapters import Adapter
from search.engines.base import EVERYONE, SearchDocument


class StrategyAdapter(Adapter):
    type = "strategy"

    def queryset(self):
        from strategy.models import Element

        return Element.objects.all()

    def keys_for(self, pk) -> list[str]:
        return [f"strategy:{pk}:fi", f"strategy:{pk}:sv"]

    def prepare(self, elements: list) -> None:
        """The latest published version, once per batch: readers find what was published, not the draft."""
        from strategy.draft import latest_version

        latest = latest_version()
        self._published = {item["key"]: item for item in (latest.elements if latest else [])}

    def to_documents(self, element) -> list[SearchDocument]:
        from django.urls import reverse

        if not hasattr(self, "_published"):
            self.prepare([element])
        published = self._published.get(element.key)
        if published is None:
            return []

        url = f"{reverse('strategy:index')}#{element.key}"
        documents = []
        for language in ("fi", "sv"):
            title = published.get(f"title_{language}", "")
            if not title:
                continue
            documents.append(
                SearchDocument(
                    key=f"strategy:{element.pk}:{language}",
                    type="strategy",
                    language=language,
                    title=title,
                    url=url,
                    lead=element.get_kind_display(),
                    body=published.get(f"body_{language}") or published["body_fi"],
                    audience=(EVERYONE,),
                )
            )
        return documents
