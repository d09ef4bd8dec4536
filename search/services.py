"""Keyword-only search services for the views (thin views call only these).

``search_site`` asks the engine and, when the engine is configured but does
not answer, the database (search.fallback) with ``degraded=True`` so the page
can say results are basic. Best bets are looked up here and passed to the
engine as pinned keys, so they go through the same access filter.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from django.core import signing
from django.db import connection, transaction

from core.metrics import SEARCH_LATENCY
from search.engines import get_engine
from search.engines.base import FACETS, Hit, SearchQuery, SearchResult
from search.models import SearchLog, normalise_phrase

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
MAX_PAGE = 50  # deeper than 1,000 results nobody reads; deep paging is costly on any engine
AUTOCOMPLETE_LIMIT = 8


@dataclass
class Outcome:
    result: SearchResult
    degraded: bool = False
    log_id: int | None = None
    query: SearchQuery | None = None
    extra: dict = field(default_factory=dict)


def clean_text(text: str) -> str:
    """Printable characters only, at most MAX_QUERY_LENGTH; lone surrogates and controls become spaces."""
    text = (text or "")[: MAX_QUERY_LENGTH * 2]
    cleaned = "".join(ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else " " for ch in text)
    return " ".join(cleaned.split())[:MAX_QUERY_LENGTH]


# Who may read what: ``user -> [agency kinds]`` (first the reader's own), registered by the apps in their
# AppConfig.ready() (the instruction library's rule at 10, the organisation's at 50); the lowest wins.
AUDIENCE_RULES: dict[int, object] = {}


def reader_audiences(*, user) -> tuple[str, tuple[str, ...]]:
    """(the reader's agency kind, further kinds they may see), by the first registered rule."""
    if not AUDIENCE_RULES:
        return "none", ()
    kinds = AUDIENCE_RULES[min(AUDIENCE_RULES)](user)
    return (kinds[0] if kinds else "none"), tuple(kinds[1:])


def best_bet_keys(*, text: str, language: str = "fi") -> tuple[str, ...]:
    """Pages editors pinned to this phrase, as typed or analysed (cached map, see search.best_bets)."""
    from search import best_bets

    return best_bets.keys_for(normalise_phrase(text), language=language)


def log_search(*, text: str, hits: int, degraded: bool) -> int:
    """One row in the search log, as one cheap insert.

    On PostgreSQL the insert commits without waiting for the write-ahead log to
    reach the disk (``synchronous_commit`` off for this transaction only): the
    reader does not wait for a disk flush, and the worst case, a database crash
    within a fraction of a second, loses a log row, never content.
    """
    query = text.lower()[:200]
    if connection.vendor != "postgresql":
        return SearchLog.objects.create(query=query, hits=hits, degraded=degraded).pk
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        return SearchLog.objects.create(query=query, hits=hits, degraded=degraded).pk


def search_site(
    *, user, text: str, filters: dict | None = None, page: int = 1, language: str = "fi", log: bool = True
) -> Outcome:
    from search import fallback
    from search.engines.base import SearchUnavailable

    text = clean_text(text)
    page = min(max(page, 1), MAX_PAGE)
    audience, audiences = reader_audiences(user=user)
    filters = {name: tuple(values) for name, values in (filters or {}).items() if name in FACETS and values}
    query = SearchQuery(
        text=text,
        audience=audience,
        audiences=audiences,
        language=language,
        filters=filters,
        page=page,
        page_size=PAGE_SIZE,
        pinned=best_bet_keys(text=text, language=language) if page == 1 else (),
    )
    engine = get_engine()
    degraded = engine is None
    result = None
    if engine is not None:
        started = time.perf_counter()
        try:
            result = engine.search(query)
            SEARCH_LATENCY.labels(outcome="ok").observe(time.perf_counter() - started)
        except SearchUnavailable as error:
            SEARCH_LATENCY.labels(outcome="unavailable").observe(time.perf_counter() - started)
            logger.warning("Search engine unavailable, answering from the database: %s", error)
            degraded = True
    if result is None:
        result = fallback.search(query=query, user=user)
    log_id = None
    if log and text and page == 1 and not filters:
        log_id = log_search(text=text, hits=result.total, degraded=degraded)
    return Outcome(result=result, degraded=degraded and engine is not None, log_id=log_id, query=query)


def autocomplete(*, user, prefix: str, language: str = "fi") -> tuple[list[Hit], bool]:
    """(suggestions, degraded) for the header search box."""
    from search import fallback
    from search.engines.base import SearchUnavailable

    prefix = clean_text(prefix)[:100]
    if len(prefix) < 2:
        return [], False
    audience, audiences = reader_audiences(user=user)
    engine = get_engine()
    if engine is not None:
        try:
            return engine.suggest(
                prefix=prefix,
                audience=audience,
                audiences=audiences,
                language=language,
                limit=AUTOCOMPLETE_LIMIT,
            ), False
        except SearchUnavailable as error:
            logger.warning("Search engine unavailable for autocomplete: %s", error)
            return fallback.suggest(
                prefix=prefix, audiences=(audience, *audiences), limit=AUTOCOMPLETE_LIMIT, user=user
            ), True
    return fallback.suggest(
        prefix=prefix, audiences=(audience, *audiences), limit=AUTOCOMPLETE_LIMIT, user=user
    ), False


# A result link's click token: signed, naming the search's log row, the result's key and the person who searched,
# so a click is recorded only for one's own search (the log row itself names no one) and only for a shown result.
CLICK_SALT = "search.click"
CLICK_MAX_AGE = 24 * 3600


def click_token(*, log_id: int, key: str, user) -> str:
    return signing.dumps([log_id, key[:100], user.pk], salt=CLICK_SALT, compress=False)


def record_click(*, token: str, user) -> bool:
    """Remember which result a search led to (only the first click of a search counts).

    False, writing nothing, for a token that is forged, expired, or another person's."""
    try:
        log_id, key, user_id = signing.loads(str(token)[:1000], salt=CLICK_SALT, max_age=CLICK_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return False
    if user_id != user.pk or not isinstance(log_id, int) or not isinstance(key, str):
        return False
    return bool(SearchLog.objects.filter(pk=log_id, clicked_key="").update(clicked_key=key[:100]))


def top_queries(*, since, limit: int = 20):
    from django.db.models import Count, Q, Sum

    return list(
        SearchLog.objects.filter(created_at__gte=since)
        .values("query")
        .annotate(searches=Count("id"), clicks=Count("id", filter=~Q(clicked_key="")), hits=Sum("hits"))
        .order_by("-searches", "query")[:limit]
    )


def zero_hit_queries(*, since, limit: int = 20):
    from django.db.models import Count

    return list(
        SearchLog.objects.filter(created_at__gte=since, hits=0)
        .values("query")
        .annotate(searches=Count("id"))
        .order_by("-searches", "query")[:limit]
    )
