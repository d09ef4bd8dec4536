"""Basic search from the database, for when the engine is configured but down.

Pages go through Wagtail's database search backend (on PostgreSQL its
full-text search with the ``finnish`` text-search configuration: stemming,
no compounds, synonyms or typos), people through the directory's query.
Only the type facet is counted. The same access rules apply: only live pages,
not expired, and instructions only for their audience.
"""

from __future__ import annotations

import html
import re

from django.utils import timezone

from core.locales import default_locale_id
from search.engines.base import Hit, SearchQuery, SearchResult

NOT_A_WORD = re.compile(r"[^\w\s-]+")
MAX_PER_TYPE = 20
SNIPPET_CHARS = 180


def _snippet(text: str) -> str:
    text = " ".join((text or "").split())
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(text)


def _page_sets(query: SearchQuery, user=None):
    """(type, queryset) pairs of the page types readers may find (each page adapter's ``fallback_pages``)."""
    from search.adapters import registry

    now = query.now or timezone.now()
    sets = []
    for kind, adapter in registry().items():
        pages = getattr(adapter, "fallback_pages", None)
        queryset = pages(user=user, now=now) if pages is not None else None
        if queryset is not None:
            sets.append((kind, queryset))
    return sets


def _people(text: str):
    """People matching the words (the people adapter's ``fallback_people``), or an empty list."""
    from search.adapters import registry

    for adapter in registry().values():
        if hasattr(adapter, "fallback_people"):
            return adapter.fallback_people(text=text)
    return []


def _allowed(queryset, words: str, limit: int = MAX_PER_TYPE) -> list:
    """Full-text hits of the base model, kept only when the access-filtered queryset has them (order kept)."""
    # The default locale's id once per process (Locale.get_default() is a query per page type).
    base = queryset.model.objects.filter(live=True, locale_id=default_locale_id())
    candidates = list(base.search(words)[: limit * 3])
    allowed = set(queryset.filter(pk__in=[page.pk for page in candidates]).values_list("pk", flat=True))
    return [page for page in candidates if page.pk in allowed][:limit]


def search(*, query: SearchQuery, user=None) -> SearchResult:
    words = " ".join(NOT_A_WORD.sub(" ", query.text).split())
    hits: list[Hit] = []
    counts: dict[str, int] = {}
    wanted = set(query.filters.get("type", ()))
    if words:
        for kind, queryset in _page_sets(query, user):
            found = _allowed(queryset, words)
            counts[kind] = len(found)
            if wanted and kind not in wanted:
                continue
            for page in found:
                hits.append(
                    Hit(
                        key=f"{kind}:{page.pk}",
                        type=kind,
                        title=page.title,
                        url=page.url or "",
                        snippet_html=_snippet(
                            getattr(page, "lead", "")
                            or getattr(page, "intro", "")
                            or getattr(page, "summary", "")
                        ),
                        score=0.0,
                    )
                )
        people = _people(query.text)
        counts["person"] = min(len(people) if isinstance(people, list) else people.count(), MAX_PER_TYPE)
        if not wanted or "person" in wanted:
            for person in people[:MAX_PER_TYPE]:
                hits.append(
                    Hit(
                        key=f"person:{person.pk}",
                        type="person",
                        title=person.full_name,
                        url=person.get_absolute_url(),
                        snippet_html=html.escape(person.title),
                        score=0.0,
                        extra={"job_title": person.title},
                    )
                )
    total = len(hits)
    start = (query.page - 1) * query.page_size
    facets = {"type": sorted(((k, v) for k, v in counts.items() if v), key=lambda kv: -kv[1])}
    return SearchResult(hits=hits[start : start + query.page_size], total=total, facets=facets)


def suggest(*, prefix: str, audiences, limit: int = 8, user=None) -> list[Hit]:
    """Autocomplete from the database: titles and names that contain the typed words."""
    words = " ".join(NOT_A_WORD.sub(" ", prefix).split())
    if len(words) < 2:
        return []
    hits = []
    query = SearchQuery(
        text=words, audience=audiences[0] if audiences else "none", audiences=tuple(audiences[1:])
    )
    for kind, queryset in _page_sets(query, user):
        for page in queryset.filter(title__icontains=words).order_by("-first_published_at")[:3]:
            hits.append(
                Hit(
                    key=f"{kind}:{page.pk}",
                    type=kind,
                    title=page.title,
                    url=page.url or "",
                    snippet_html="",
                    score=0.0,
                )
            )
    for person in _people(words)[:3]:
        hits.append(
            Hit(
                key=f"person:{person.pk}",
                type="person",
                title=person.full_name,
                url=person.get_absolute_url(),
                snippet_html="",
                score=0.0,
                extra={"job_title": person.title},
            )
        )
    return hits[:limit]
