"""The embedded engine on hand-made documents, with the shared analysis data files.

No database and no server: tantivy in a temporary directory. The behavioural
suite (tests/search/test_behaviour.py) runs the same user-visible cases on both
engines through the adapters; these pin the embedded engine's own parts.
"""

from datetime import UTC, datetime, timedelta

import pytest

from search.engines import embedded_store
from search.engines.base import SearchDocument, SearchQuery, SearchUnavailable
from search.engines.embedded import EmbeddedEngine
from search.engines.embedded_store import ReadOnlyProcess, forbid_writes
from search.engines.tantivy_analysis import Analysis, default_analysis

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def doc(key, title, body="", **kw):
    kw.setdefault("type", key.split(":")[0])
    kw.setdefault("language", "fi")
    return SearchDocument(key=key, title=title, url=f"/{key.replace(':', '/')}/", body=body, **kw)


DOCS = [
    doc(
        "instruction:1",
        "Tietoturvaohjeet",
        "Näin suojaat tiedot. <script>alert(1)</script> Ohjeet koskevat kaikkia.",
        facets={"topic": ("tietoturva",), "owner_unit": ("ict",)},
    ),
    doc(
        "instruction:2",
        "Palkkatuen hakeminen",
        "Palkkatukea haetaan verkossa. Hankinnoissa noudatetaan lakia.",
        facets={"topic": ("palkat",), "owner_unit": ("talous",)},
    ),
    doc(
        "instruction:3",
        "Kulkukortin tilaaminen",
        "Kulkukortti tilataan esihenkilön kautta.",
        audience=("ely",),
        facets={"topic": ("tilat",), "owner_unit": ("ict",)},
    ),
    doc(
        "instruction:4",
        "Työohjeet uusille",
        "Työohje perehdytykseen ja työohjeita esihenkilöille.",
        facets={"topic": ("perehdytys",), "owner_unit": ("henkilosto",)},
    ),
    doc(
        "instruction:5",
        "Vanha matkaohje",
        "Matkalasku tehdään järjestelmässä.",
        valid_until=NOW - timedelta(days=1),
    ),
    doc("instruction:6", "Luonnos: matkalasku", "Matkalaskun luonnos.", live=False),
    doc(
        "news:1",
        "Reseräkningar i det nya systemet",
        "Så gör du reseräkningar.",
        language="sv",
        published_at=NOW - timedelta(days=2),
    ),
    doc(
        "news:2",
        "Palkkatuki muuttuu",
        "Palkkatuen ehdot muuttuvat ensi vuonna.",
        published_at=NOW - timedelta(days=3),
    ),
    doc("person:7", "Liisa Mäkelä", "Palkkahallinnon asiantuntija", extra={"title": "asiantuntija"}),
]


@pytest.fixture
def engine(tmp_path):
    engine = EmbeddedEngine(root=tmp_path / "index")
    engine.bulk(upserts=DOCS)
    return engine


def search(engine, text, audience="ely", **kw):
    return engine.search(SearchQuery(text=text, audience=audience, now=NOW, **kw))


def keys(result):
    return [h.key for h in result.hits]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("työohjeet", "instruction:4"),
        ("työohjeita", "instruction:4"),
        ("työohje", "instruction:4"),
        ("ohje", "instruction:1"),  # compound part: tietoturva|ohjeet
        ("palkkatuki", "instruction:2"),  # gradation override: palkkatuen/palkkatukea -> palkkatuki
        ("palkkatuen", "news:2"),
        ("hankinta", "instruction:2"),  # hankinnoissa -> hankinta
        ("kulunvalvonta", "instruction:3"),  # synonym of kulkukortti
        ("palkatuki", "instruction:2"),  # typo
        ("reseräkning", "news:1"),  # Swedish stemming
    ],
)
def test_finnish_and_swedish_matching(engine, query, expected):
    assert expected in keys(search(engine, query))


def test_snowball_alone_would_miss_gradation():
    chain = default_analysis().chain("fi")
    assert chain.stem("palkkatuen") == chain.stem("palkkatuki")
    assert chain._stemmer.analyze("palkkatuen") != chain._stemmer.analyze("palkkatuki")


def test_compound_parts_come_from_the_lexicon(tmp_path):
    data = {"fi": {"parts": ["tieto", "turva"]}, "sv": {}}
    engine = EmbeddedEngine(root=tmp_path, analysis=Analysis(data))
    engine.bulk(upserts=[doc("instruction:1", "Tietoturvaohjeet")])
    assert keys(engine.search(SearchQuery(text="turva", audience="x", now=NOW))) == ["instruction:1"]
    assert (
        keys(engine.search(SearchQuery(text="ohje", audience="x", now=NOW))) == []
    )  # "ohje" not in this lexicon


def test_audience_expiry_and_drafts_are_filtered_inside_the_query(engine):
    assert "instruction:3" not in keys(search(engine, "kulkukortti", audience="te"))
    assert "instruction:3" in keys(search(engine, "kulkukortti", audience="ely"))
    matkalasku = search(engine, "matkalasku")
    assert matkalasku.total == 0 and not matkalasku.hits
    # Facet counts never include what the reader may not see.
    everything = search(engine, "", audience="te")
    assert everything.total == 6
    assert dict(everything.facets["owner_unit"]) == {"ict": 1, "talous": 1, "henkilosto": 1}


def test_facets_count_after_the_other_filters(engine):
    result = search(engine, "", filters={"owner_unit": ("ict",)})
    assert sorted(keys(result)) == ["instruction:1", "instruction:3"]
    # The chosen facet still shows its other values (to widen the choice) …
    assert dict(result.facets["owner_unit"]) == {"ict": 2, "talous": 1, "henkilosto": 1}
    # … the others count within the choice.
    assert dict(result.facets["topic"]) == {"tietoturva": 1, "tilat": 1}
    assert dict(result.facets["type"]) == {"instruction": 2}


def test_snippets_escape_everything_but_the_marks(engine):
    hit = search(engine, "suojaat").hits[0]
    assert "<mark>suojaat</mark>" in hit.snippet_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hit.snippet_html
    assert "<script>" not in hit.snippet_html
    assert hit.snippet_html.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_compound_word_is_highlighted_for_its_part(engine):
    hit = next(h for h in search(engine, "turva").hits if h.key == "instruction:1")
    assert hit.key == "instruction:1"
    assert "Ohjeet" in hit.snippet_html or "<mark>" in hit.snippet_html


def test_title_and_phrase_rank_first(engine):
    assert keys(search(engine, "palkkatuki muuttuu"))[0] == "news:2"


def test_pinned_best_bet_first_marked_and_only_if_visible(engine):
    result = engine.search(SearchQuery(text="palkkatuki", audience="ely", now=NOW), pinned=("instruction:4",))
    assert result.hits[0].key == "instruction:4" and result.hits[0].best_bet
    assert not any(h.best_bet for h in result.hits[1:])
    restricted = engine.search(
        SearchQuery(text="palkkatuki", audience="te", now=NOW), pinned=("instruction:3",)
    )
    assert "instruction:3" not in keys(restricted)


def test_did_you_mean_on_few_hits(engine):
    result = search(engine, "tietoturvaohjeeet")
    assert result.suggestion == "tietoturvaohjeet"
    assert search(engine, "palkkatuki").suggestion is None


def test_did_you_mean_never_reveals_restricted_words(engine):
    assert search(engine, "kulkukotri", audience="te").suggestion is None
    assert search(engine, "kulkukotri", audience="ely").suggestion == "kulkukortti"


def test_suggest_titles_as_you_type(engine):
    hits = engine.suggest(prefix="palkkat", audience="ely")
    assert [h.key for h in hits] == ["instruction:2", "news:2"]
    assert hits[0].snippet_html == "<mark>Palkkatuen</mark> hakeminen"
    assert [h.key for h in engine.suggest(prefix="tietoturvaoh", audience="ely")] == ["instruction:1"]
    assert [h.key for h in engine.suggest(prefix="liisa mä", audience="ely")] == ["person:7"]
    assert engine.suggest(prefix="kulkuk", audience="te") == []
    assert engine.suggest(prefix="k", audience="ely") == []


def test_news_decay_with_age(tmp_path):
    engine = EmbeddedEngine(root=tmp_path)
    engine.bulk(
        upserts=[
            doc("news:10", "Lomat", "Lomien hakeminen", published_at=NOW - timedelta(days=900)),
            doc("news:11", "Lomat", "Lomien hakeminen", published_at=NOW - timedelta(days=1)),
        ]
    )
    assert keys(search(engine, "lomat")) == ["news:11", "news:10"]


def test_upsert_replaces_and_delete_removes(engine):
    engine.bulk(upserts=[doc("instruction:2", "Palkkatuen hakeminen", "Uusi teksti hakemuksesta")])
    assert engine.count() == len(DOCS)
    assert "instruction:2" in keys(search(engine, "hakemus"))
    engine.bulk(deletes=["instruction:2", "instruction:999"])
    assert "instruction:2" not in engine.keys()
    assert engine.count() == len(DOCS) - 1
    # Unpublished (live=False): kept, never found.
    engine.bulk(upserts=[doc("instruction:4", "Työohjeet uusille", live=False)])
    assert "instruction:4" not in keys(search(engine, "työohjeet"))


def test_paging(engine):
    first = search(engine, "", page_size=4)
    second = search(engine, "", page_size=4, page=2)
    assert first.total == second.total == 7
    assert len(first.hits) == 4 and len(second.hits) == 3
    assert not set(keys(first)) & set(keys(second))


def test_rebuild_switches_atomically_and_reports_progress(engine):
    seen = []
    old = engine.store.current_version()
    new = engine.rebuild(iter(DOCS[:3]), total=3, progress=lambda done, total: seen.append((done, total)))
    assert new != old and engine.store.current_version() == new
    assert seen[-1] == (3, 3)
    assert engine.count() == 3


def test_web_processes_never_write(engine, monkeypatch):
    monkeypatch.setattr(embedded_store, "_writes_forbidden", False)
    forbid_writes()
    with pytest.raises(ReadOnlyProcess):
        engine.bulk(upserts=DOCS[:1])
    with pytest.raises(ReadOnlyProcess):
        engine.rebuild(iter(DOCS), total=len(DOCS))
    assert search(engine, "palkkatuki").total > 0  # reading still works


def test_missing_index_is_unavailable_so_the_site_falls_back_to_the_database(tmp_path):
    engine = EmbeddedEngine(root=tmp_path / "nothing")
    with pytest.raises(SearchUnavailable):
        engine.search(SearchQuery(text="ohje", audience="ely"))
    with pytest.raises(SearchUnavailable):
        engine.suggest(prefix="ohje", audience="ely")
    assert engine.count() == 0 and engine.keys() == set()


def test_further_audiences_and_pinned_on_the_query(engine):
    assert "instruction:3" in keys(search(engine, "kulkukortti", audience="te", audiences=("ely",)))
    result = search(engine, "palkkatuki", pinned=("instruction:4",))
    assert result.hits[0].key == "instruction:4" and result.hits[0].best_bet
    assert [h.key for h in engine.suggest(prefix="kulkuk", audience="te", audiences=("ely",))] == [
        "instruction:3"
    ]


def test_pages_never_repeat_or_skip_a_hit(tmp_path):
    engine = EmbeddedEngine(root=tmp_path)
    engine.bulk(
        upserts=[
            doc(
                f"news:{i}", f"Lomaohje {i}", "loma " * (i % 7 + 1), published_at=NOW - timedelta(days=i * 13)
            )
            for i in range(150)
        ]
    )
    seen = []
    for page in range(1, 9):
        seen += keys(
            engine.search(SearchQuery(text="loma", audience="ely", now=NOW, page=page, page_size=20))
        )
    assert len(seen) == len(set(seen)) == 150


def test_snippet_prefilter_never_drops_a_word_the_stemmer_would_match():
    """Snippets only analyse words whose head (first two letters, a leading run counted once) is a query
    stem's head, or that are gradation forms or hold a lexicon part. That relies on Snowball keeping a
    word's head: checked on the analysis data, the relevance corpus and 50,000 random words."""
    import random

    from search.engines.embedded_query import _head
    from search.engines.tantivy_analysis import default_analysis, words
    from search.relevance import corpus

    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyzåäö"
    vocabulary = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 14))) for _ in range(50_000)}
    vocabulary |= set(words(repr(vars(corpus))))
    analysis = default_analysis()
    for chain in analysis.chains.values():
        vocabulary |= set(chain.parts) | set(chain.overrides) | {w for group in chain.synonyms for w in group}
    for chain in analysis.chains.values():
        wrong = [
            w
            for w in vocabulary
            if w not in chain.overrides and chain.word(w)[0] and _head(chain.word(w)[0]) != _head(w)
        ]
        assert wrong == [], chain.lang
