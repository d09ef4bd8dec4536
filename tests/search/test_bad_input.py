"""Hostile and clumsy queries on both engines: a sensible answer, never an exception.

Query-syntax characters, very long queries, control characters, lone
surrogates, thousands of terms and "deep fuzziness" reach the engines as plain
text (neither engine parses a query language), are cut to
``MAX_QUERY_CHARS``/``MAX_QUERY_WORDS`` and still find what the words mean.
The same strings through ``/haku/`` and the autocomplete must never give a 500.
"""

import pytest
from django.urls import reverse

from search.engines.base import SearchDocument, SearchQuery

DOCS = [
    SearchDocument(
        key="instruction:1",
        type="instruction",
        language="fi",
        title="Palkkatuen hakeminen",
        url="/o/1/",
        body="Palkkatukea haetaan verkossa (lomake TT-1).",
    ),
    SearchDocument(
        key="instruction:2",
        type="instruction",
        language="fi",
        title="Tietoturvaohjeet",
        url="/o/2/",
        body="Salasana vaihdetaan 90 päivän välein.",
    ),
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


@pytest.fixture(
    scope="module",
    params=["embedded", pytest.param("elastic", marks=pytest.mark.search_server)],
)
def engine(request, tmp_path_factory):
    """One index per engine for the whole module (the queries only read)."""
    if request.param == "embedded":
        from search.engines.embedded import EmbeddedEngine

        engine = EmbeddedEngine(root=tmp_path_factory.mktemp("bad-input"))
        engine.ensure_index()
    else:
        from tests.search.conftest import make_elastic

        engine = make_elastic(request.getfixturevalue("search_server_url"), prefix="bad")
    engine.bulk(upserts=DOCS)
    yield engine
    if request.param == "elastic":
        engine.drop()


def as_sent(engine, text):
    """What reaches the engine: the embedded engine takes any str itself; Elasticsearch gets the
    service layer's cleaned text (search.services.clean_text: every caller goes through it)."""
    if engine.name == "embedded":
        return text
    from search.services import clean_text

    return clean_text(text)


@pytest.mark.parametrize("text", BAD, ids=range(len(BAD)))
def test_bad_queries_answer(engine, text):
    text = as_sent(engine, text)
    result = engine.search(SearchQuery(text=text, audience="ely"))
    assert result.total >= 0
    for hit in result.hits:
        assert "<script" not in hit.snippet_html
    assert isinstance(engine.suggest(prefix=text, audience="ely"), list)


@pytest.mark.parametrize(
    "text",
    [
        '"palkkatuki',
        "palkkatuki)",
        "palkkatuki~99",
        "(palkkatuki OR x)",
        "palkkatuki\x00",
        "\ud800palkkatuki",
        "palkkatuki " * 3000,
    ],
)
def test_the_words_still_count(engine, text):
    """Syntax characters are separators: the word inside them is still found."""
    query = SearchQuery(text=as_sent(engine, text), audience="ely")
    assert "instruction:1" in [h.key for h in engine.search(query).hits]


def test_stored_text_with_control_characters_and_surrogates(engine):
    engine.bulk(
        upserts=[
            SearchDocument(
                key="news:9",
                type="news",
                language="fi",
                title="Tiedote\x00\ud800",
                url="/n/9/",
                body="Lomautus\x1b ja \udfffpalkka",
            )
        ]
    )
    hits = engine.search(SearchQuery(text="lomautus", audience="ely")).hits
    assert [h.key for h in hits] == ["news:9"]
    hits[0].snippet_html.encode("utf-8")  # renderable: no surrogates left


@pytest.fixture
def web_engine(request, use_engine):
    """The app's engine (get_engine) points at a fresh index on each engine, with DOCS in it."""
    use_engine.bulk(upserts=DOCS)
    return use_engine


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text", ['"', "palkkatuki~99", "\x00", "x" * 5000, " ".join(["a"] * 3000), "((", "*:*"]
)
def test_search_page_and_autocomplete_never_fail(client, staff_user, web_engine, text):
    """Through the views, whatever the input."""
    client.force_login(staff_user)
    assert client.get("/haku/", {"q": text}).status_code in (200, 400)
    assert client.get(reverse("search:autocomplete"), {"q": text}).status_code in (200, 400)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "raw",
    [
        "q=%ED%A0%80",
        "q=%FF%FE",
        "q=%00",
        "q=a&q=b",
        "q=" + "%22" * 2000,
        "q=palkkatuki&page=-1",
        "q=palkkatuki&page=99999999999",
        "q=palkkatuki&type=%00",
        "q=&type=instruction",
        "type=instruction&topic=x",
    ],
)
def test_search_page_survives_broken_encodings(client, staff_user, web_engine, raw):
    """A lone surrogate or invalid UTF-8 can only arrive percent-encoded."""
    client.force_login(staff_user)
    assert client.get("/haku/", QUERY_STRING=raw).status_code in (200, 400)
    assert client.get(reverse("search:autocomplete"), QUERY_STRING=raw).status_code in (200, 400)


@pytest.mark.django_db
def test_long_query_is_answered_for_its_first_words(client, staff_user, web_engine):
    client.force_login(staff_user)
    response = client.get("/haku/", {"q": "palkkatuki " + "sana " * 3000})
    assert response.status_code == 200
    assert "/o/1/" in response.content.decode()
