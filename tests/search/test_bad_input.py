"""Hostile and clumsy queries on both engines: a sensible answer, never an exception.

Query-syntax characters, very long queries, control characters, lone
surrogates, thousands of terms and "deep fuzziness" reach the engines as plain
text (neither engine parses a query language), are cut to
``MAX_QUERY_CHARS``/``MAX_QUERY_WORDS`` and still find what the words mean.
The same strings through ``/haku/`` and the autocomplete must never give a 500.
"""

import os
import uuid

import pytest

from search.engines.base import SearchDocument, SearchQuery

DOCS = [
    SearchDocument(key="instruction:1", type="instruction", language="fi", title="Palkkatuen hakeminen",
                   url="/o/1/", body="Palkkatukea haetaan verkossa (lomake TT-1)."),
    SearchDocument(key="instruction:2", type="instruction", language="fi", title="Tietoturvaohjeet",
                   url="/o/2/", body="Salasana vaihdetaan 90 päivän välein."),
]

BAD = [
    '"',
    '"palkkatuki',
    "palkkatuki)",
    "(((palkkatuki",
    "palkkatuki~99",
    "palkkatuki^1000",
    "title:palkkatuki",
    "palkkatuki AND OR NOT",
    "*:*",
    "pal*",
    "?",
    "\\",
    "/regex.*/",
    "[1 TO 5]",
    "{}",
    "a:b:c",
    "-+!&&||",
    "palkkatuki\x00\x07\x1b[31m",
    "\ud800palkkatuki\udfff",
    "😀 palkkatuki",
    "<script>alert(1)</script>",
    "palkkatuki " * 3000,
    "x" * 20_000,
    " ".join(f"sana{i}" for i in range(5000)),
    "~" * 500,
    "palkkatukiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
    "",
    "   ",
]


def _elastic():
    from search.engines.elastic import ElasticEngine

    return ElasticEngine(url=os.environ["ELASTICSEARCH_URL"], alias=f"taimi-bad-{uuid.uuid4().hex[:8]}")


@pytest.fixture(
    scope="module",
    params=["embedded", pytest.param("elastic", marks=pytest.mark.search_server)],
)
def engine(request, tmp_path_factory):
    if request.param == "embedded":
        from search.engines.embedded import EmbeddedEngine

        engine = EmbeddedEngine(root=tmp_path_factory.mktemp("bad-input"))
    else:
        if not os.environ.get("ELASTICSEARCH_URL"):
            pytest.skip("needs search_server: ELASTICSEARCH_URL is not set")
        engine = _elastic()
    engine.ensure_index()
    engine.bulk(upserts=DOCS)
    yield engine
    if request.param == "elastic":
        engine.drop()


@pytest.mark.parametrize("text", BAD, ids=range(len(BAD)))
def test_bad_queries_answer(engine, text):
    result = engine.search(SearchQuery(text=text, audience="ely"))
    assert result.total >= 0
    for hit in result.hits:
        assert "<script" not in hit.snippet_html
    assert isinstance(engine.suggest(prefix=text, audience="ely"), list)


@pytest.mark.parametrize("text", ['"palkkatuki', "palkkatuki)", "palkkatuki~99", "title:palkkatuki",
                                  "palkkatuki\x00", "\ud800palkkatuki", "palkkatuki " * 3000])
def test_the_words_still_count(engine, text):
    """Syntax characters are separators: the word inside them is still found."""
    assert "instruction:1" in [h.key for h in engine.search(SearchQuery(text=text, audience="ely")).hits]


def test_stored_text_with_control_characters_and_surrogates(engine):
    engine.bulk(upserts=[SearchDocument(key="news:9", type="news", language="fi", title="Tiedote\x00\ud800",
                                        url="/n/9/", body="Lomautus\x1b ja \udfffpalkka")])
    hits = engine.search(SearchQuery(text="lomautus", audience="ely")).hits
    assert [h.key for h in hits] == ["news:9"]
    hits[0].snippet_html.encode("utf-8")  # renderable: no surrogates left


@pytest.mark.django_db
@pytest.mark.parametrize("text", ['"', "palkkatuki~99", "\x00", "x" * 5000, " ".join(["a"] * 3000), "(("])
def test_search_page_never_fails(client, staff_user, text):
    """Through the view (engine chosen by settings), whatever the input."""
    client.force_login(staff_user)
    assert client.get("/haku/", {"q": text}).status_code in (200, 400)


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["q=%ED%A0%80", "q=%FF%FE", "q=%00", "q[]=a&q=b", "q=" + "%22" * 2000])
def test_search_page_survives_broken_encodings(client, staff_user, raw):
    """A lone surrogate or invalid UTF-8 can only arrive percent-encoded."""
    client.force_login(staff_user)
    assert client.get("/haku/", QUERY_STRING=raw).status_code in (200, 400)
