"""The engine interface shared by Elasticsearch and the embedded engine.

Everything outside ``search/engines/`` speaks in these plain data classes:
adapters produce :class:`SearchDocument`, views build a :class:`SearchQuery`
and render a :class:`SearchResult`. The engines translate them into their own
query language, so that both answer the same behavioural test suite.

Access control is part of the query, not a post-filter: ``SearchQuery.audience``
is the reader's agency kind, and an engine must only return documents whose
``audience`` contains it or ``"everyone"``; documents that are not ``live`` or
whose ``valid_until`` has passed are never returned.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

# Document types, in the order result groups are shown.
TYPES = ("instruction", "news", "event", "strategy", "page", "person", "team", "location", "chat")
# ("page": intranet content pages; "chat": chat messages, found only through the
# chat search with the reader's rooms as the audience, never in /haku/.)
# Facets the UI offers; each document carries its values in ``facets``.
FACETS = ("type", "topic", "owner_unit", "audience", "kind", "language", "publisher")
EVERYONE = "everyone"


class SearchUnavailable(Exception):
    """The engine cannot be reached or refused the request. Views degrade to the database
    (search.services); the outbox keeps changes for later (search.indexing). Every engine raises it."""


@dataclass(frozen=True)
class SearchDocument:
    """One searchable thing, built by an adapter (search/adapters/*)."""

    key: str  # stable id across engines: "<type>:<pk>" (one document per language version: "news:12:sv")
    type: str  # one of TYPES
    language: str  # "fi" or "sv": selects the analysis chain
    title: str
    url: str
    headings: str = ""
    lead: str = ""
    body: str = ""
    published_at: datetime | None = None  # recency decay applies to news
    valid_until: datetime | None = None  # never returned after this moment
    live: bool = True
    audience: tuple[str, ...] = (EVERYONE,)  # agency kinds allowed to see it, or ("everyone",)
    facets: dict[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # facet name -> values (type/language implied)
    extra: dict[str, str] = field(default_factory=dict)  # display-only data (e.g. person title, photo url)


@dataclass(frozen=True)
class SearchQuery:
    text: str
    audience: str  # the reader's agency kind (see intranet instructions docs); never empty
    language: str = "fi"  # the reader's UI language: analysis chain for the query text
    filters: dict[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # facet -> allowed values (OR within, AND across)
    facets: Sequence[str] = FACETS  # facets to count, in one request
    page: int = 1
    page_size: int = 20
    highlight: bool = True
    now: datetime | None = None  # "now" for validity filtering (tests pin it)
    # Further agency kinds the reader may see besides ``audience`` (library
    # administrators read every instruction: instructions.access).
    audiences: tuple[str, ...] = ()
    # Best bets: keys an editor pinned to this query; shown first and marked
    # ``best_bet`` when the reader may see them (same access filter), even if
    # their text does not match.
    pinned: tuple[str, ...] = ()

    @property
    def allowed_audiences(self) -> tuple[str, ...]:
        return tuple(sorted({self.audience, *self.audiences, EVERYONE}))


@dataclass(frozen=True)
class Hit:
    key: str
    type: str
    title: str
    url: str
    snippet_html: str  # escaped text; only <mark>…</mark> is markup
    score: float
    best_bet: bool = False
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit]
    total: int
    facets: dict[str, list[tuple[str, int]]]  # facet -> [(value, count)], counts after the other filters
    suggestion: str | None = None  # "did you mean"
    engine_ms: float = 0.0  # time spent inside the engine (for the benchmark's split)


class SearchEngine(abc.ABC):
    """One index (per alias / directory) of SearchDocuments."""

    name: str

    @abc.abstractmethod
    def ensure_index(self) -> None:
        """Create the live index (and alias) when missing; no-op otherwise."""

    @abc.abstractmethod
    def bulk(self, *, upserts: Iterable[SearchDocument] = (), deletes: Iterable[str] = ()) -> None:
        """Apply many changes at once; visible to readers after this returns (or within the engine's refresh)."""

    @abc.abstractmethod
    def search(self, query: SearchQuery) -> SearchResult: ...

    @abc.abstractmethod
    def suggest(
        self,
        *,
        prefix: str,
        audience: str,
        language: str = "fi",
        limit: int = 8,
        audiences: tuple[str, ...] = (),
    ) -> list[Hit]:
        """Search-as-you-type for the header autocomplete (instructions, news, people).

        ``audiences``: further agency kinds the reader may see (as in SearchQuery).
        """

    @abc.abstractmethod
    def count(self) -> int: ...

    @abc.abstractmethod
    def keys(self) -> set[str]:
        """Every document key in the live index (for the status command)."""

    @abc.abstractmethod
    def rebuild(self, documents: Iterable[SearchDocument], *, total: int, progress=None) -> str:
        """Build a new versioned index from ``documents`` and switch readers to it atomically.

        ``progress(done, total)`` is called as documents are written. Returns the new index name.
        """
