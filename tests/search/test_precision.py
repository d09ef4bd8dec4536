"""Precision without losing recall (issue 22), on every engine: the reader's language first unless the
query is in the other one, typo tolerance only where it pays, colloquial synonyms, Swedish words as
written."""

from __future__ import annotations

import pytest

from search.engines.base import SearchQuery
from tests.search.test_behaviour import NOW, doc

CORPUS = [
    doc("instruction:fi-teams", "Teams-kokoukset", "Näin järjestät Teams-kokouksen ja kutsut ulkopuoliset."),
    doc(
        "instruction:sv-teams",
        "Teams-möten",
        "Så ordnar du ett Teams-möte och bjuder in externa deltagare.",
        lang="sv",
    ),
    doc("instruction:fi-loma", "Vuosiloma ja lomarahat", "Vuosiloman pituus ja lomarahan maksaminen."),
    doc(
        "instruction:sv-semester",
        "Semester och semesterpenning",
        "Semesterns längd och när semesterpenningen betalas.",
        lang="sv",
    ),
    doc(
        "instruction:sick-1",
        "Sairauspoissaolon ilmoittaminen",
        "Sairauspoissaolosta ilmoitetaan esihenkilölle.",
    ),
    doc("instruction:sick-2", "Sairausloma ja palkka", "Sairausloman ajalta maksetaan palkkaa."),
    doc(
        "news:sv-jobb",
        "Jobbmarknad Finland har öppnat",
        "Den arbetssökande ser lediga jobb på ett ställe. Infot är avsett för alla anställda vid UF-centret.",
        lang="sv",
        type="news",
        published_at=NOW,
    ),
    doc("instruction:matka", "Matkalaskun tekeminen", "Matkalasku tehdään kahden kuukauden kuluessa."),
    doc("person:1", "Pekka Kela", "", type="person", lead="Asiantuntija"),
    doc("instruction:kala", "Kalastusluvat", "Kala ja kalastus virkamatkalla."),
]


@pytest.fixture
def loaded(engine):
    engine.bulk(upserts=CORPUS)
    return engine


def keys(engine, text, language="fi"):
    return [
        h.key for h in engine.search(SearchQuery(text=text, audience="keha", now=NOW, language=language)).hits
    ]


def test_a_name_in_both_languages_ranks_the_readers_language_first(loaded):
    assert keys(loaded, "teams")[0] == "instruction:fi-teams"
    assert keys(loaded, "teams", language="sv")[0] == "instruction:sv-teams"


def test_a_query_in_the_other_language_ranks_that_language_first(loaded):
    assert keys(loaded, "semester och semesterpenning")[0] == "instruction:sv-semester"


@pytest.mark.parametrize("text", ["sairasloma", "saikku", "sairaslomalla", "saikulla"])
def test_colloquial_words_find_the_formal_term(loaded, text):
    assert {"instruction:sick-1", "instruction:sick-2"} <= set(keys(loaded, text)[:5])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("lediga jobb", "news:sv-jobb"), ("anställda", "news:sv-jobb"), ("jobb", "news:sv-jobb")],
)
def test_swedish_words_as_written_find_swedish_content_in_either_ui(loaded, text, expected):
    assert keys(loaded, text, language="sv")[:1] == [expected]
    assert expected in keys(loaded, text, language="fi")[:3]


def test_typos_are_forgiven_only_where_it_pays(loaded):
    assert keys(loaded, "matkalsku")[:1] == ["instruction:matka"]  # one letter off in a long word
    assert "instruction:matka" not in keys(loaded, "aatkalasku")  # the first letters must be right
    assert keys(loaded, "kela")[:1] == ["person:1"]
    assert "instruction:kala" not in keys(loaded, "kela")  # short words: no typo tolerance
    assert "person:1" not in keys(loaded, "kala")  # and never a name one letter away
