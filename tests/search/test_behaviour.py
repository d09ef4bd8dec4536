"""What a searcher notices, on every engine: Finnish and Swedish forms, compounds,
synonyms, typos, facets, safe snippets, access rules, best bets, did-you-mean,
autocomplete. The corpus is small on purpose (the test server rescans every
document per query)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from search.engines.base import SearchDocument, SearchQuery

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def doc(
    key,
    title,
    body="",
    *,
    lang="fi",
    type="instruction",
    lead="",
    audience=("everyone",),
    live=True,
    valid_until=None,
    published_at=None,
    **facets,
):
    return SearchDocument(
        key=key,
        type=type,
        language=lang,
        title=title,
        url=f"/{key.replace(':', '/')}/",
        lead=lead,
        body=body,
        audience=audience,
        live=live,
        valid_until=valid_until,
        published_at=published_at,
        facets={k: tuple(v) for k, v in facets.items()},
    )


CORPUS = [
    doc(
        "instruction:1",
        "Työohje palkkatuen maksatukseen",
        "Palkkatuki maksetaan työnantajalle jälkikäteen. Tarkista maksatuspäätös ennen maksua.",
        topic=["Maksatus"],
        owner_unit=["Maksatusyksikkö"],
        kind=["work_instruction"],
    ),
    doc(
        "instruction:2",
        "Tietoturvaohjeet etätyöhön",
        "Lukitse näyttö aina, kun poistut koneelta. Käytä VPN-yhteyttä.",
        topic=["Tietoturva"],
        owner_unit=["Tietohallinto"],
        kind=["work_instruction"],
    ),
    doc(
        "instruction:3",
        "Kulkukortin tilaaminen",
        "Uusi kulkukortti tilataan turvallisuuspalveluista.",
        topic=["Toimitilat"],
        owner_unit=["Hallintopalvelut"],
        kind=["administrative"],
    ),
    doc(
        "instruction:4",
        "Julkiset hankinnat",
        "Hankinnoissa noudatetaan hankintalakia ja sisäistä hankintaohjetta.",
        topic=["Talous"],
        owner_unit=["Talouspalvelut"],
        kind=["administrative"],
    ),
    doc(
        "instruction:5",
        "Anvisningar för reseräkningar",
        "Så fyller du i reseräkningen i resesystemet.",
        lang="sv",
        topic=["Talous"],
        owner_unit=["Talouspalvelut"],
        kind=["administrative"],
    ),
    doc(
        "instruction:6",
        "Matkalaskun tekeminen",
        "Matkalasku tehdään kahden kuukauden kuluessa matkasta.",
        topic=["Talous"],
        owner_unit=["Talouspalvelut"],
        kind=["administrative"],
    ),
    doc(
        "instruction:7",
        "TE-toimistojen asiakasohjeet",
        "Vain TE-toimistojen henkilöstölle tarkoitettu ohje.",
        audience=("te",),
        topic=["Asiakaspalvelu"],
        owner_unit=["Kehittämispalvelut"],
        kind=["work_instruction"],
    ),
    doc(
        "instruction:8",
        "Vanhentunut lomaohje",
        "Tämä vuosilomaohje ei ole enää voimassa.",
        valid_until=NOW - timedelta(days=1),
        topic=["Henkilöstö"],
        kind=["administrative"],
    ),
    doc(
        "instruction:9",
        "Luonnos: uusi perehdytysohje",
        "Keskeneräinen perehdytys.",
        live=False,
        topic=["Henkilöstö"],
        kind=["onboarding"],
    ),
    doc(
        "news:1",
        "Kulunvalvonta uudistuu Mikkelissä",
        "Toimipisteen ovet aukeavat uudella järjestelmällä.",
        type="news",
        published_at=NOW - timedelta(days=3),
        topic=["Toimitilat"],
        publisher=["KEHA-keskus"],
    ),
    doc(
        "news:2",
        "Varoitus: <script>alert('x')</script> tietojenkalastelu",
        "Viestissä oli <script>alert('x')</script> & muuta haitallista <b>koodia</b>.",
        type="news",
        published_at=NOW - timedelta(days=1),
        topic=["Tietoturva"],
        publisher=["KEHA-keskus"],
    ),
    doc(
        "person:1",
        "Aino Virtanen",
        "palkkatuki, takaisinperintä",
        type="person",
        lead="Maksatusasiantuntija, Maksatusyksikkö",
        owner_unit=["Maksatusyksikkö"],
    ),
]


@pytest.fixture
def loaded(engine):
    engine.bulk(upserts=CORPUS)
    return engine


def keys(engine, text, audience="keha", **kwargs):
    result = engine.search(SearchQuery(text=text, audience=audience, now=NOW, **kwargs))
    return [hit.key for hit in result.hits]


@pytest.mark.parametrize("text", ["työohjeet", "työohje", "työohjeita", "työohjeen"])
def test_inflected_forms_find_the_work_instruction(loaded, text):
    assert "instruction:1" in keys(loaded, text)


def test_a_compound_part_finds_the_compound(loaded):
    # "tietoturvaohjeet" is found by "ohje" (the decompounder) and by "ohjeita".
    assert "instruction:2" in keys(loaded, "ohje")
    assert "instruction:2" in keys(loaded, "ohjeita")


@pytest.mark.parametrize("text", ["palkkatuki", "palkkatuen", "palkkatukea"])
def test_consonant_gradation_joins_the_forms(loaded, text):
    assert keys(loaded, text)[:1] == ["instruction:1"] or "instruction:1" in keys(loaded, text)[:2]


def test_gradation_in_plural_locative(loaded):
    assert "instruction:4" in keys(loaded, "hankinta")


def test_swedish_stemming(loaded):
    assert "instruction:5" in keys(loaded, "reseräkning")
    assert "instruction:5" in keys(loaded, "anvisning", language="sv")


@pytest.mark.parametrize("text", ["kulkukortti", "henkilökortti", "kulunvalvonta"])
def test_synonyms_find_each_other(loaded, text):
    found = keys(loaded, text)
    assert "instruction:3" in found and "news:1" in found


def test_multi_word_synonym_is_rewritten(loaded):
    assert "instruction:6" in keys(loaded, "matkustus lasku")


@pytest.mark.parametrize("text", ["palkatuki", "matkalsku", "kulkukrotti"])
def test_typos_are_tolerated(loaded, text):
    assert keys(loaded, text), f"nothing found for {text!r}"


def test_snippet_escapes_everything_but_the_marks(loaded):
    result = loaded.search(SearchQuery(text="tietojenkalastelu haitallista", audience="keha", now=NOW))
    hit = next(h for h in result.hits if h.key == "news:2")
    assert "<script>" not in hit.snippet_html and "<b>" not in hit.snippet_html
    assert "&lt;script&gt;" in hit.snippet_html or "&lt;b&gt;" in hit.snippet_html
    assert "<mark>" in hit.snippet_html
    assert hit.snippet_html.replace("<mark>", "").replace("</mark>", "").count("<") == 0
    # Titles are plain text: the template escapes them.
    assert hit.title.startswith("Varoitus: <script>")


def test_audience_restricted_instruction_only_for_its_audience(loaded):
    assert "instruction:7" in keys(loaded, "asiakasohjeet", audience="te")
    assert "instruction:7" not in keys(loaded, "asiakasohjeet", audience="keha")
    assert "instruction:7" not in keys(loaded, "asiakasohjeet", audience="municipal_pilot")
    # Counts and facets do not leak it either.
    result = loaded.search(SearchQuery(text="asiakasohjeet", audience="ely", now=NOW))
    assert result.total == 0
    assert all(value != "Asiakaspalvelu" for value, _ in result.facets.get("topic", []))


def test_expired_and_unpublished_are_never_found(loaded):
    assert "instruction:8" not in keys(loaded, "vuosilomaohje")
    assert "instruction:9" not in keys(loaded, "perehdytysohje")
    earlier = loaded.search(SearchQuery(text="vuosilomaohje", audience="keha", now=NOW - timedelta(days=2)))
    assert "instruction:8" in [h.key for h in earlier.hits]


def test_facets_count_in_the_same_request_and_filters_narrow(loaded):
    result = loaded.search(SearchQuery(text="ohje", audience="keha", now=NOW))
    types = dict(result.facets["type"])
    assert types.get("instruction", 0) >= 2
    filtered = loaded.search(
        SearchQuery(
            text="talous hankinnat matkalasku reseräkning",
            audience="keha",
            now=NOW,
            filters={"language": ("sv",)},
        )
    )
    assert [h.key for h in filtered.hits] == ["instruction:5"]
    # The chosen facet still shows its sibling values (to switch to).
    assert dict(filtered.facets["language"]).get("fi", 0) >= 1


def test_best_bet_is_first_and_marked_even_without_matching_words(loaded):
    result = loaded.search(
        SearchQuery(text="matkalasku", audience="keha", now=NOW, pinned=("instruction:4",))
    )
    assert result.hits[0].key == "instruction:4" and result.hits[0].best_bet
    assert not any(h.best_bet for h in result.hits[1:])


def test_best_bet_respects_the_audience(loaded):
    result = loaded.search(
        SearchQuery(text="matkalasku", audience="keha", now=NOW, pinned=("instruction:7",))
    )
    assert "instruction:7" not in [h.key for h in result.hits]


def test_did_you_mean_on_zero_hits(loaded):
    result = loaded.search(SearchQuery(text="tietojenkalastleu", audience="keha", now=NOW))
    if result.total == 0:
        assert result.suggestion == "tietojenkalastelu"
    else:  # found by typo tolerance already: no suggestion needed
        assert "news:2" in [h.key for h in result.hits]
    nothing = loaded.search(SearchQuery(text="xyzzy", audience="keha", now=NOW))
    assert nothing.total == 0 and nothing.suggestion is None


def test_did_you_mean_never_reveals_restricted_words(loaded):
    result = loaded.search(SearchQuery(text="asiakasohjeeet", audience="keha", now=NOW))
    assert result.suggestion is None or "asiakasohjeet" not in result.suggestion


def test_autocomplete_prefixes_and_access(loaded):
    titles = [h.title for h in loaded.suggest(prefix="tietot", audience="keha")]
    assert "Tietoturvaohjeet etätyöhön" in titles
    assert [h.key for h in loaded.suggest(prefix="aino vir", audience="keha")] == ["person:1"]
    assert not loaded.suggest(prefix="te-toimistojen asiakas", audience="keha")
    assert loaded.suggest(prefix="te-toimistojen asiakas", audience="te")
    assert not loaded.suggest(prefix="vanhentunut", audience="keha")  # expired
    assert not loaded.suggest(prefix="t", audience="keha")  # one letter: nothing


def test_delete_removes_and_upsert_replaces(loaded):
    loaded.bulk(
        upserts=[doc("instruction:6", "Matkalaskun tekeminen M2", "Uusi teksti.")], deletes=["news:1"]
    )
    assert loaded.count() == len(CORPUS) - 1
    assert "news:1" not in loaded.keys()
    assert "instruction:6" in keys(loaded, "M2")
