"""Spelling and search-as-you-type for the embedded engine.

"Did you mean": for each query word no document uses, a fuzzy search under
the reader's own access filter picks the closest word of the matching
documents (most frequent on ties), so a suggestion never reveals a word of a
document the reader may not see. Autocomplete: a phrase-prefix query on the
title words (the last word may be unfinished), then a one-typo prefix fallback;
instructions, news and people, in that order.
"""

from __future__ import annotations

import html
import json

from search.analysis.folding import fold
from search.engines.base import Hit, SearchQuery
from search.engines.embedded_query import Occur, Parsed, Q, filter_clauses, highlight, normalise
from search.engines.tantivy_analysis import words

SUGGEST_TYPES = ("instruction", "news", "event", "person")


def fuzziness(word: str) -> int:
    """Edits a suggestion may correct (looser than the search's typo clause: it only proposes)."""
    return 0 if len(word) <= 2 else 1 if len(word) <= 5 else 2


def _levenshtein(a: str, b: str, limit: int) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def did_you_mean(engine, searcher, query: SearchQuery, parsed: Parsed) -> tuple[str | None, list[str]]:
    """A spelling the reader's documents use, for words no document contains."""
    schema = engine.schema
    corrections, changed = {}, False
    for word in dict.fromkeys(parsed.words):
        distance = fuzziness(word)
        if not distance or searcher.doc_freq("exact", word):
            continue
        stem = engine.analysis.chain(query.language).word(word)[0]
        if stem and any(searcher.doc_freq(name, stem) for name in ("title", "headings", "lead", "body")):
            continue  # another inflection of a word the documents use: no spelling mistake
        fuzzy = Q.fuzzy_term_query(schema, "exact", word, distance)
        found = searcher.search(
            Q.boolean_query(filter_clauses(engine, query) + [(Occur.Must, fuzzy)]), 5, count=False
        )
        best = None
        for _, address in found.hits:
            payload = json.loads(searcher.doc(address)["payload"][0])
            for candidate in set(words(" ".join((payload["title"], payload["lead"], payload["body"])))):
                d = _levenshtein(word, candidate, distance)
                if d <= distance:
                    rank = (d, -searcher.doc_freq("exact", candidate), candidate)
                    best = min(best, rank) if best else rank
        if best:
            corrections[word] = best[2]
            changed = True
    if not changed:
        return None, []
    return " ".join(corrections.get(w, w) for w in parsed.words), list(corrections.values())


def suggest(engine, searcher, *, prefix: str, audience: str, limit: int, audiences=()) -> list[Hit]:
    """Titles starting with the typed words (the last one may be unfinished)."""
    typed = normalise(prefix)
    if not typed or (len(typed) == 1 and len(typed[0]) < 2):
        return []
    schema = engine.schema
    query = SearchQuery(text=prefix, audience=audience, audiences=tuple(audiences))
    filters = filter_clauses(engine, query) + [
        (Occur.Must, Q.term_set_query(schema, "f_type", list(SUGGEST_TYPES)))
    ]
    # Folded on both sides: "makela" suggests "Liisa Mäkelä".
    folded = [fold(w) for w in typed]
    prefix_query = Q.phrase_prefix_query(schema, "title_folded", folded)
    found = searcher.search(Q.boolean_query(filters + [(Occur.Must, prefix_query)]), limit)
    if not found.hits:
        # Anywhere in the title, and a typo in the last word forgiven.
        loose = [(Occur.Must, Q.term_query(schema, "title_folded", w)) for w in folded[:-1]]
        last = Q.fuzzy_term_query(
            schema, "title_folded", folded[-1], min(1, fuzziness(folded[-1])), prefix=True
        )
        loose.append((Occur.Must, last))
        found = searcher.search(Q.boolean_query(filters + loose), limit)
    hits = []
    for score, address in found.hits:
        doc = searcher.doc(address)
        payload = json.loads(doc["payload"][0])
        title, _ = highlight(
            payload["title"],
            lambda ws: [w for w in ws if any(fold(w).startswith(t) for t in folded)],
            limit=200,
        )
        hits.append(
            Hit(
                key=doc["key"][0],
                type=payload["type"],
                title=payload["title"],
                url=payload["url"],
                snippet_html=title or html.escape(payload["title"]),
                score=float(score),
                extra=payload.get("extra", {}),
            )
        )
    order = {t: i for i, t in enumerate(SUGGEST_TYPES)}
    return sorted(hits, key=lambda h: (order.get(h.type, 99), -h.score))
