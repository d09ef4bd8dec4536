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

    def to_documents(self, element) -> list[SearchDocument]:
        from django.urls import reverse

        url = f"{reverse('strategy:index')}#{element.key}"
        documents = []
        for language in ("fi", "sv"):
            title = getattr(element, f"title_{language}")
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
                    body=getattr(element, f"body_{language}"),
                    audience=(EVERYONE,),
                )
            )
        return documents
