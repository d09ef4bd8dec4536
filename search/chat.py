"""Chat message search through the search engine (chat calls it; only search/ talks to engines).

The reader's rooms are the query's audience (chat.search): the engine
filters on them inside the same query that matches the words, so a message of
a room the reader is not in is never matched, counted or highlighted. The chat
app checks membership before it asks and shows results from its own rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from search.engines import get_engine
from search.engines.base import SearchQuery
from search.services import clean_text

# A chat document's audience is its room (chat.search); readers' audiences never contain one.
ROOM_AUDIENCE = "room:"


def room_audience(room_id) -> str:
    return f"{ROOM_AUDIENCE}{int(room_id)}"


# Results per search: a screenful of messages; refine the words for more.
LIMIT = 50
# A reader in more rooms than this is asked to search one room at a time
# (each room is a term of the access filter; hundreds are fine, thousands slow).
MAX_ROOMS = 1000


@dataclass(frozen=True)
class ChatHit:
    message_id: int
    snippet_html: str  # escaped text; only <mark>…</mark> is markup


def search_messages(*, text: str, room_ids, language: str = "fi", limit: int = LIMIT) -> list[ChatHit] | None:
    """Messages of these rooms matching ``text``, best first; None when no engine is configured.

    Raises search.engines.base.SearchUnavailable when the engine is configured but does not answer
    (the caller answers from the database then)."""
    engine = get_engine()
    if engine is None:
        return None
    text = clean_text(text)
    room_ids = sorted({int(room_id) for room_id in room_ids})[:MAX_ROOMS]
    if not text or not room_ids:
        return []
    query = SearchQuery(
        text=text,
        # No agency kind: chat documents carry only room audiences, and the type filter keeps out
        # everything else (whose audiences are agency kinds or "everyone").
        audience=room_audience(room_ids[0]),
        audiences=tuple(room_audience(room_id) for room_id in room_ids[1:]),
        language=language,
        filters={"type": ("chat",)},
        facets=(),
        page_size=max(1, min(limit, LIMIT)),
    )
    result = engine.search(query)
    return [
        ChatHit(message_id=int(hit.key.split(":", 1)[1]), snippet_html=hit.snippet_html)
        for hit in result.hits
        if hit.type == "chat"
    ]
