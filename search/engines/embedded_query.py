"""Queries of the embedded engine: the same ranking ideas as the Elasticsearch query.

Per query word, a dis_max over title^3, headings^2, lead^1.5, body, compound
parts and the exact word, with the word's synonyms as alternatives and a fuzzy
clause (edit distance AUTO: 0 up to 2 letters, 1 up to 5, else 2); words are
OR-ed, a phrase clause boosts pages with the words together. Filters (live,
not expired, the reader's audience, chosen facet values) are MUST clauses of
the same query: nothing outside the audience is ever scored, counted or
highlighted. News get a recency multiplier within the first ``RERANK_WINDOW``
hits. Snippets are built here from the stored text: everything escaped, only
``<mark>`` added.
"""

from __future__ import annotations

import html
import json
import math
import re
import time
from dataclasses import dataclass, field

import tantivy

from search.analysis.folding import fold
from search.analysis.language import query_language
from search.engines.base import FACETS, Hit, SearchQuery, SearchResult
from search.engines.tantivy_analysis import MAX_WORD, clean_text, words

Occur = tantivy.Occur
Q = tantivy.Query

FIELD_BOOSTS = {"title": 3.0, "headings": 2.0, "lead": 1.5, "body": 1.0}
PARTS_BOOST = {"title_parts": 1.2, "parts": 0.5}  # a compound part is weaker evidence than the word
EXACT_BOOST = 1.5  # the unstemmed word as typed
COMPOUND_BOOST = 0.5  # all parts of a typed compound, found apart or in other compounds
FUZZY_BOOST = 0.3  # typo matches rank below real ones
# A person whose name holds the query word (folded: "makela" = "Mäkelä") ranks above pages that mention it.
NAME_BOOST = 6.0
# Typos must keep the first letters (Elasticsearch's prefix_length): "lounas" never becomes "launas".
FUZZY_PREFIX = 2
# Documents in the query's language (the reader's unless the query is in the other) score this much more.
LANGUAGE_BOOST = 3.0
PHRASE_BOOST = {"title": 4.0, "body": 2.0}
# Queries longer than this are cut (a pasted paragraph is not a question, and
# thousands of terms would be thousands of clauses). Documented in docs/search.md.
MAX_QUERY_CHARS = 300
MAX_QUERY_WORDS = 16
# Fuzzy clauses are the expensive ones; only the first words get them.
MAX_FUZZY_WORDS = 6
# Recency decay of news: the score is multiplied by 0.5 + 0.5 * 2^(-age/half-life).
NEWS_HALF_LIFE_DAYS = 180
# Hits re-ranked by recency (a page deeper than this is ranked by text alone).
# Each costs a stored-document read (~25 µs), so the window is small.
RERANK_WINDOW = 60
# "Did you mean" is offered when a query finds fewer hits than this.
FEW_HITS = 3
SNIPPET_CHARS = 220
# Snippets come from the first this many characters of a long text.
HIGHLIGHT_SCAN = 20_000
FACET_SIZE = 50


@dataclass
class Parsed:
    words: list[str]  # lowercased query words, in order
    stems: set[str]  # every term the query looks for (highlighting)
    exact: set[str]
    matchers: dict = field(default_factory=dict)  # language -> memoised word matcher for snippets


def fuzziness(word: str) -> int:
    """Edits forgiven (Elasticsearch's "AUTO:5,8"): none below 5 letters, one up to 7, two from 8."""
    return 0 if len(word) < 5 else 1 if len(word) < 8 else 2


def normalise(text: str) -> list[str]:
    text = clean_text(text or "")[:MAX_QUERY_CHARS]
    return [w for w in words(text) if len(w) <= MAX_WORD][:MAX_QUERY_WORDS]


def _term(schema, name: str, value: str, boost: float):
    query = Q.term_query(schema, name, value, index_option="freq")
    return Q.boost_query(query, boost) if boost != 1.0 else query


def known(searcher, terms, alternatives) -> bool:
    """Whether any document uses the word (stemmed, as a compound part, or as typed)."""
    return any(
        searcher.doc_freq(name, term) for term in terms for name in (*FIELD_BOOSTS, *PARTS_BOOST)
    ) or any(searcher.doc_freq("exact", alt) or searcher.doc_freq("name", fold(alt)) for alt in alternatives)


def fuzzy_clause(schema, name: str, term: str, distance: int, boost: float):
    """Terms within ``distance`` edits that keep the first FUZZY_PREFIX letters; never a person's name."""
    clauses = [
        (Occur.Must, Q.fuzzy_term_query(schema, name, term, distance)),
        (Occur.MustNot, Q.term_query(schema, "f_type", "person")),
    ]
    if len(term) > FUZZY_PREFIX:
        clauses.append((Occur.Must, Q.regex_query(schema, name, re.escape(term[:FUZZY_PREFIX]) + ".*")))
    return Q.boost_query(Q.boolean_query(clauses), boost)


def word_query(engine, searcher, word: str, lang: str, parsed: Parsed, *, fuzzy: bool):
    """The dis_max of every way one query word may match.

    Typo tolerance only for words no document uses: a known word matching
    hundreds of near-spellings would only blur the ranking and multiply the
    matching set (and the cost of facets) on a large index.
    """
    schema = engine.schema
    alternatives = {word}
    terms = set()
    for chain in _chains(engine, lang):
        alternatives |= chain.synonyms_of(word)
    for chain in _chains(engine, lang):
        for alt in alternatives:
            stem, _ = chain.word(alt)
            if stem is not None:
                terms.add(stem)
    clauses = []
    for term in terms:
        for name, boost in FIELD_BOOSTS.items():
            clauses.append(_term(schema, name, term, boost))
        for name, boost in PARTS_BOOST.items():
            clauses.append(_term(schema, name, term, boost))
    for alt in alternatives:
        clauses.append(_term(schema, "exact", alt, EXACT_BOOST))
    # People's names: the word folded matches the name as written or folded.
    clauses.append(_term(schema, "name", fold(word), NAME_BOOST))
    # A compound typed by the reader ("turvaohje") matches documents with all of
    # its parts ("tietoturvaohjeet": tieto|turva|ohje), as Elasticsearch's
    # decompounder on the query side does, but requiring every part.
    for chain in _chains(engine, lang):
        _, word_parts = chain.word(word)
        if len(word_parts) >= 2:
            every = [
                (
                    Occur.Must,
                    Q.disjunction_max_query(
                        [_term(schema, name, part, 1.0) for name in (*FIELD_BOOSTS, *PARTS_BOOST)]
                    ),
                )
                for part in word_parts
            ]
            clauses.append(Q.boost_query(Q.boolean_query(every), COMPOUND_BOOST))
            terms.update(word_parts)
            break
    distance = fuzziness(word)
    if fuzzy and distance and len(alternatives) == 1 and not known(searcher, terms, alternatives):
        for term in terms:
            clauses.append(fuzzy_clause(schema, "body", term, distance, FUZZY_BOOST))
            clauses.append(fuzzy_clause(schema, "title", term, distance, FUZZY_BOOST * 3))
    parsed.stems |= terms
    parsed.exact |= alternatives
    if not clauses:
        return None
    return Q.disjunction_max_query(clauses, tie_breaker=0.3)


def _chains(engine, lang):
    first = engine.analysis.chain(lang)
    return [first] + [c for c in engine.analysis.chains.values() if c is not first]


def filter_clauses(engine, query: SearchQuery, *, skip_facet: str | None = None) -> list:
    schema = engine.schema
    now = int(query.now.timestamp() if query.now else time.time())
    clauses = [
        (Occur.MustNot, Q.term_query(schema, "state", "draft")),
        (
            Occur.MustNot,
            Q.range_query(schema, "valid_until", tantivy.FieldType.Unsigned, 0, now, use_inverted_index=True),
        ),
        (Occur.Must, Q.term_set_query(schema, "audience", [a for a in query.allowed_audiences if a])),
    ]
    for name, values in query.filters.items():
        if name == skip_facet or name not in FACETS or not values:
            continue
        clauses.append((Occur.Must, Q.term_set_query(schema, f"f_{name}", [str(v) for v in values])))
    return clauses


def text_query(engine, searcher, query: SearchQuery):
    """(scoring query or None for "everything", Parsed)."""
    text = engine.analysis.rewrite_phrases(clean_text(query.text or "")[:MAX_QUERY_CHARS], query.language)
    qwords = normalise(text)
    parsed = Parsed(words=qwords, stems=set(), exact=set())
    if not qwords:
        # No text: browse by filters. Only punctuation or symbols: nothing matches.
        return (None if not text.strip() else Q.empty_query()), parsed
    should = []
    for i, word in enumerate(dict.fromkeys(qwords)):
        clause = word_query(engine, searcher, word, query.language, parsed, fuzzy=i < MAX_FUZZY_WORDS)
        if clause is not None:
            should.append((Occur.Should, clause))
    chain = engine.analysis.chain(query.language)
    phrase = [s for s in (chain.word(w)[0] for w in qwords) if s]
    if len(phrase) > 1:
        for name, boost in PHRASE_BOOST.items():
            should.append(
                (Occur.Should, Q.boost_query(Q.phrase_query(engine.schema, name, phrase, slop=2), boost))
            )
    if not should:
        return Q.empty_query(), parsed
    return Q.boolean_query(should), parsed


def run(
    engine, searcher, query: SearchQuery, *, pinned: tuple[str, ...] = (), did_you_mean=None
) -> SearchResult:
    """``did_you_mean``: the spelling suggester (embedded_suggest.did_you_mean, passed in by the engine, which
    keeps the two modules from importing each other); without it no suggestion is made."""
    scoring, parsed = text_query(engine, searcher, query)
    filters = filter_clauses(engine, query)
    full = Q.boolean_query(filters + ([(Occur.Must, scoring)] if scoring is not None else []))
    page = max(1, query.page)
    size = max(1, min(query.page_size, 100))
    offset = (page - 1) * size
    window = max(RERANK_WINDOW, offset + size) if scoring is not None else offset + size
    found = searcher.search(full, window, count=True)
    now = query.now.timestamp() if query.now else time.time()
    preferred = query_language(query.text, query.language)
    ranked = []
    for position, (score, address) in enumerate(found.hits):
        doc = searcher.doc(address)
        key = doc["key"][0]
        if scoring is not None and position < RERANK_WINDOW and doc.get_first("lang") == preferred:
            score *= LANGUAGE_BOOST
        if scoring is not None and key.startswith("news:") and position < RERANK_WINDOW:
            published = doc.get_first("published") or 0
            if published:
                age_days = max(0.0, (now - published) / 86400)
                score *= 0.5 + 0.5 * math.pow(2, -age_days / NEWS_HALF_LIFE_DAYS)
        ranked.append((score, key, doc))
    if scoring is not None:
        # Only the first RERANK_WINDOW are re-ranked (deeper pages keep the engine's order),
        # so every page sees the same order whatever its own window; sort is stable.
        ranked[:RERANK_WINDOW] = sorted(ranked[:RERANK_WINDOW], key=lambda r: -r[0])
    suggestion = None
    if scoring is not None and found.count < FEW_HITS and did_you_mean is not None:
        suggestion, corrections = did_you_mean(engine, searcher, query, parsed)
        for word in corrections:
            chain = engine.analysis.chain(query.language)
            parsed.exact.add(word)
            stem = chain.word(word)[0]
            if stem:
                parsed.stems.add(stem)
    best = [k for k in dict.fromkeys(pinned) if k]
    shown_first = fetch_keys(engine, searcher, query, best) if best and page == 1 else []
    pinned_keys = {key for key, _ in shown_first}
    hits = [_hit(engine, key, payload, 0.0, parsed, query, best_bet=True) for key, payload in shown_first]
    rest = [r for r in ranked if r[1] not in pinned_keys]
    for score, key, doc in rest[offset : offset + size]:
        hits.append(_hit(engine, key, json.loads(doc["payload"][0]), score, parsed, query))
    facets = facet_counts(engine, searcher, query, scoring)
    total = found.count
    if pinned_keys and scoring is not None:
        # Best bets the reader may see are results too, counted once: add those the words did not match.
        visible = list(pinned_keys)
        if visible:
            among = Q.term_set_query(engine.schema, "key", visible)
            matched = searcher.search(
                Q.boolean_query(filters + [(Occur.Must, scoring), (Occur.Must, among)]),
                len(visible),
                count=True,
            ).count
            total += len(visible) - matched
    return SearchResult(hits=hits, total=total, facets=facets, suggestion=suggestion)


def fetch_keys(engine, searcher, query: SearchQuery, keys) -> list[tuple[str, dict]]:
    """Pinned documents the reader may see, in the editors' order."""
    found = searcher.search(
        Q.boolean_query(
            filter_clauses(engine, query) + [(Occur.Must, Q.term_set_query(engine.schema, "key", list(keys)))]
        ),
        len(keys),
    )
    by_key = {}
    for _, address in found.hits:
        doc = searcher.doc(address)
        by_key[doc["key"][0]] = json.loads(doc["payload"][0])
    return [(k, by_key[k]) for k in keys if k in by_key]


def facet_counts(engine, searcher, query: SearchQuery, scoring) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value; a facet with a chosen value is counted without its own filter."""

    def aggregate(names, skip):
        clauses = filter_clauses(engine, query, skip_facet=skip)
        if scoring is not None:  # counting only: no scores to compute
            clauses.append((Occur.Must, Q.const_score_query(scoring, 1.0)))
        aggs = {name: {"terms": {"field": f"f_{name}", "size": FACET_SIZE}} for name in names}
        result = searcher.aggregate(Q.boolean_query(clauses), aggs)
        return {
            name: sorted(
                ((b["key"], b["doc_count"]) for b in result[name]["buckets"]), key=lambda kv: (-kv[1], kv[0])
            )
            for name in names
        }

    wanted = [name for name in query.facets if name in FACETS]
    chosen = [name for name in wanted if query.filters.get(name)]
    out = aggregate([n for n in wanted if n not in chosen], None) if len(chosen) < len(wanted) else {}
    for name in chosen:
        out.update(aggregate([name], name))
    return {name: out.get(name, []) for name in query.facets}


def _head(word: str) -> str:
    """The first two letters, a leading run of one letter counted once ("kki" -> "ki").

    Snowball never changes this part of a word (its regions start after the
    first vowel–consonant pair; a leading double letter may lose one), so a
    word can only have a stem whose head is its own head. Checked over the
    demo vocabulary and 200,000 random words in tests/search/test_embedded.py.
    """
    return (word[0] + word.lstrip(word[0]))[:2] if word else word


def _matches(engine, lang: str, parsed: Parsed):
    """A function picking, from a text's distinct words, those the query matched.

    Snippets run for every hit of the shown page, over texts whose words were
    mostly never analysed in this (web) process, so the exact rule (the word
    as typed, its stem, or a lexicon part inside it is one the query looks
    for) runs only for words that can pass it: a word whose head is a query
    stem's head, a gradation form of a query stem, or a word holding a lexicon
    part whose stem the query looks for. Decisions are remembered for the
    whole query, so each hit only looks at words no earlier hit had.
    """
    chain = engine.analysis.chain(lang)
    cache, exact, stems = chain._cache, parsed.exact, parsed.stems
    # One pattern over the space-joined new words of a text finds the candidates in C.
    branches = []
    for head in sorted({_head(stem) for stem in stems if stem}):
        first = re.escape(head[0])
        branches.append(f"{first}+{re.escape(head[1])}\\S*" if len(head) > 1 else f"{first}+")
    explicit = set(exact) | chain.forms_of(stems)
    branches += [re.escape(w) for w in sorted(explicit, key=len, reverse=True)]
    pieces = sorted(chain.parts_of(stems), key=len, reverse=True)
    if pieces:
        branches.append("\\S*(?:" + "|".join(map(re.escape, pieces)) + ")\\S*")
    candidates = re.compile("(?<!\\S)(?:" + "|".join(branches) + ")(?!\\S)") if branches else None
    yes: set[str] = set()
    no: set[str] = set()

    def select(distinct: set[str]) -> set[str]:
        unknown = distinct - yes - no
        if not unknown:
            return distinct & yes
        found_candidates = set(candidates.findall(" ".join(unknown))) if candidates else set()
        for word in found_candidates:
            found = cache.get(word) or chain.word(word)
            if word in exact or found[0] in stems or (found[1] and not stems.isdisjoint(found[1])):
                yes.add(word)
        no.update(unknown - yes)
        return distinct & yes

    return select


def highlight(text: str, select, *, limit: int = SNIPPET_CHARS) -> tuple[str, int]:
    """(escaped fragment around the densest matches with <mark>, number of marks)."""
    text = text[:HIGHLIGHT_SCAN]
    # Decide per distinct word (memoised per query), then find them all with one regex.
    wanted = select(set(_WORDS.findall(text.lower())))
    if not wanted:
        return "", 0
    alternatives = "|".join(map(re.escape, sorted(wanted, key=len, reverse=True)))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE)
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not spans:
        return "", 0
    # The window of ``limit`` characters starting at a match that holds the most matches (two pointers).
    best_start, best_count, right = spans[0][0], 0, 0
    for i, (start, _) in enumerate(spans):
        right = max(right, i)
        while right < len(spans) and spans[right][0] < start + limit:
            right += 1
        if right - i > best_count:
            best_start, best_count = start, right - i
    begin = max(0, best_start - 40)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < best_start else begin
    end = min(len(text), begin + limit)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > best_start else end
    out, cursor, marks = [], begin, 0
    for s, e in spans:
        if s < begin or e > end:
            continue
        out.append(html.escape(text[cursor:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        cursor, marks = e, marks + 1
    out.append(html.escape(text[cursor:end]))
    return ("…" if begin else "") + "".join(out) + ("…" if end < len(text) else ""), marks


_WORDS = re.compile(r"[^\W_]+")


def _hit(engine, key, payload, score, parsed: Parsed, query: SearchQuery, *, best_bet: bool = False) -> Hit:
    snippet = ""
    if query.highlight and (parsed.stems or parsed.exact):
        lang = payload.get("language", "fi")
        select = parsed.matchers.get(lang) or parsed.matchers.setdefault(lang, _matches(engine, lang, parsed))
        for name in ("body", "lead"):
            snippet, marks = highlight(payload.get(name, ""), select)
            if marks:
                break
    if not snippet:
        plain = payload.get("lead") or payload.get("body", "")
        snippet = html.escape(plain[:SNIPPET_CHARS]) + ("…" if len(plain) > SNIPPET_CHARS else "")
    return Hit(
        key=key,
        type=payload["type"],
        title=payload["title"],
        url=payload["url"],
        snippet_html=snippet,
        score=float(score),
        best_bet=best_bet,
        extra=payload.get("extra", {}),
    )
