"""Builds the Elasticsearch request for a :class:`SearchQuery` (elasticsearch-dsl).

One request returns the hits, the facet counts and the "did you mean" term
suggestions. Access rules are filters inside the query (never a post-filter
in Python): live, not expired, audience contains the reader's kind or
"everyone". Facet filters are a ``post_filter``, and each facet is counted
with every *other* facet's filter, so a chosen value keeps its siblings'
counts (what the user can still switch to).
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from elasticsearch import dsl

from search.analysis.data import rewrite_phrases
from search.analysis.language import query_language
from search.engines.base import EVERYONE, SearchQuery

# Field weights: a word in the title says far more about a page than one in
# the body; headings and the lead are the author's own summary.
BOOSTS = {"title": 4, "headings": 2, "lead": 2, "body": 1}
# Extra weight for the words in the given order (phrase) and for the unstemmed
# words the user typed (exact): these order pages that all match the stems.
PHRASE_BOOST = 3
EXACT_BOOST = 1.5
# Typos: one edit from 5 letters, two from 8 ("AUTO:5,8"; plain AUTO forgives a
# letter in a 3-letter word, where one letter is a different word), and the first
# two letters must match (prefix_length=2), Elasticsearch's own guidance. People's
# names never match fuzzily: "lounas" (lunch) found every name one letter away.
FUZZINESS = "AUTO:5,8"
FUZZY_PREFIX = 2
# A fuzzy match counts for less than a real one, so a correct spelling elsewhere wins.
FUZZY_BOOST = 0.5
# News loses up to half its score with age (an instruction never does): an
# article is at 75 % after half a year. Old news is still found by its words.
NEWS_DECAY_SCALE = "180d"
NEWS_DECAY = 0.5
FACET_SIZE = 30  # values per facet shown; the long tail is filtered by typing
# Highlight marks that cannot occur in text; the snippet is escaped and only
# these are turned into <mark>, so nothing from a page is ever markup.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
SNIPPET_CHARS = 180
PINNED_BOOST = 1000.0
# A person whose name holds the query words (folded: "makela" = "Mäkelä") ranks above pages that mention them.
NAME_BOOST = 8.0
# Documents in the query's language (the reader's, unless the query is in the other one) score this much more.
LANGUAGE_BOOST = 3.0
LANGS = ("fi", "sv")


def text_fields(*, suffix: str = "", builtin: bool = False) -> list[str]:
    fields = []
    for lang in LANGS:
        for name, boost in BOOSTS.items():
            sub = ".builtin" if builtin else suffix
            fields.append(f"{name}_{lang}{sub}^{boost}")
    return fields


def access_filter(*, audiences, now: datetime | None) -> list[dsl.Query]:
    now = now or timezone.now()
    return [
        dsl.Q("term", live=True),
        dsl.Q("terms", audience=sorted({*audiences, EVERYONE})),
        dsl.Q(
            "bool",
            should=[
                dsl.Q("bool", must_not=[dsl.Q("exists", field="valid_until")]),
                dsl.Q("range", valid_until={"gt": now.isoformat()}),
            ],
            minimum_should_match=1,
        ),
    ]


def facet_filters(filters: dict[str, tuple[str, ...]]) -> dict[str, dsl.Query]:
    return {name: dsl.Q("terms", **{name: list(values)}) for name, values in filters.items() if values}


def ours(text: str, *, pinned=(), language: str = "") -> dsl.Query:
    """Our chain: stemmed best-fields with typos, a phrase boost and an exact-words boost, people's names
    folded; news decays; the query's language first."""
    should = [
        dsl.Q("multi_match", query=text, fields=text_fields(), type="best_fields", tie_breaker=0.3),
        dsl.Q("multi_match", query=text, fields=text_fields(), type="phrase", boost=PHRASE_BOOST),
        dsl.Q(
            "multi_match",
            query=text,
            fields=text_fields(suffix=".exact"),
            type="best_fields",
            boost=EXACT_BOOST,
        ),
        # Typos are matched against the words as written (a typo in a stem is
        # a different stem): one edit from 3 letters, two from 6.
        dsl.Q(
            "bool",
            must=[
                dsl.Q(
                    "multi_match",
                    query=text,
                    fields=text_fields(suffix=".exact"),
                    type="best_fields",
                    fuzziness=FUZZINESS,
                    prefix_length=FUZZY_PREFIX,
                )
            ],
            must_not=[dsl.Q("term", type="person")],
            boost=FUZZY_BOOST,
        ),
        # People by name, diacritics folded on both sides (the original word is kept and counts too).
        dsl.Q("match", name={"query": text, "boost": NAME_BOOST}),
    ]
    if pinned:
        should.append(dsl.Q("constant_score", filter=dsl.Q("ids", values=list(pinned)), boost=PINNED_BOOST))
    scored = dsl.Q(
        "function_score",
        query=dsl.Q("bool", should=should, minimum_should_match=1),
        functions=[
            dsl.SF({"filter": dsl.Q("term", type="news").to_dict(), "weight": 1 - NEWS_DECAY}),
            dsl.SF(
                {
                    "filter": dsl.Q("term", type="news").to_dict(),
                    "weight": NEWS_DECAY,
                    "exp": {"published_at": {"scale": NEWS_DECAY_SCALE, "decay": 0.5}},
                }
            ),
        ],
        score_mode="sum",
        boost_mode="multiply",
    )
    if not language:
        return scored
    return dsl.Q(
        "function_score",
        query=scored,
        boost_mode="multiply",
        functions=[dsl.SF({"filter": dsl.Q("term", language=language).to_dict(), "weight": LANGUAGE_BOOST})],
    )


def builtin(text: str) -> dsl.Query:
    """The relevance baseline: Elasticsearch's own finnish/swedish analyzers, a plain multi_match."""
    return dsl.Q("multi_match", query=text, fields=text_fields(builtin=True))


def build(search: dsl.Search, query: SearchQuery, *, pinned=(), baseline: bool = False) -> dsl.Search:
    text = rewrite_phrases(query.text, query.language)
    main = (
        builtin(text)
        if baseline
        else ours(text, pinned=pinned, language=query_language(query.text, query.language))
    )
    s = search.query(
        dsl.Q("bool", must=[main], filter=access_filter(audiences=query.allowed_audiences, now=query.now))
    )
    chosen = facet_filters(query.filters)
    if chosen:
        s = s.post_filter(dsl.Q("bool", filter=list(chosen.values())))
    for name in query.facets:
        others = [q for other, q in chosen.items() if other != name]
        agg = dsl.A("filter", dsl.Q("bool", filter=others)) if others else dsl.A("filter", dsl.Q("match_all"))
        agg.bucket("values", "terms", field=name, size=FACET_SIZE)
        s.aggs.bucket(f"facet_{name}", agg)
    if query.highlight and not baseline:
        fields = {f"{name}_{lang}": {} for lang in LANGS for name in ("body", "lead", "headings")}
        s = s.highlight(
            *fields,
            pre_tags=[MARK_OPEN],
            post_tags=[MARK_CLOSE],
            fragment_size=SNIPPET_CHARS,
            number_of_fragments=1,
            no_match_size=SNIPPET_CHARS,
            # Marks the stemmed words and synonyms, not the fuzzy or pinned clauses.
            highlight_query=dsl.Q("multi_match", query=text, fields=text_fields()).to_dict(),
        )
    if not baseline and query.text.strip():  # elasticsearch-dsl raises KeyError on an empty suggest text
        suggest_text = query.text[:200]
        for lang in LANGS:
            s = s.suggest(
                f"dym_{lang}",
                suggest_text,
                term={"field": f"title_{lang}.exact", "suggest_mode": "popular", "min_word_length": 4},
            )
            s = s.suggest(
                f"dymb_{lang}",
                suggest_text,
                term={"field": f"body_{lang}.exact", "suggest_mode": "popular", "min_word_length": 4},
            )
    start = (max(query.page, 1) - 1) * query.page_size
    return s.extra(track_total_hits=True)[start : start + query.page_size]
