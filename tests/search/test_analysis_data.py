"""The analysis data files load, and a bad line is refused with its file and line number."""

import pytest

from search.analysis import data
from search.analysis.elastic import analysis_settings


def test_every_file_loads_for_both_languages():
    for lang in ("fi", "sv"):
        assert data.load_compound_parts(lang)
        assert data.load_stem_overrides(lang)
        assert data.load_synonyms(lang)
        assert data.load_phrases(lang)
    overrides = data.load_stem_overrides("fi")
    assert overrides["palkkatuen"] == overrides["palkkatuki"] == "palkkatuki"  # the base maps to itself
    assert ("kulunvalvonta", "kulkukortti", "henkilökortti", "kulkulupa") in data.load_synonyms("fi")


def test_rewrite_phrases_adds_the_one_word_form():
    assert data.rewrite_phrases("matkustus lasku", "fi") == "matkustus lasku matkalasku"
    assert data.rewrite_phrases("Töitä kotoa?", "fi") == "Töitä kotoa? etätyö"
    assert data.rewrite_phrases("matkalasku", "fi") == "matkalasku"
    assert data.rewrite_phrases("arbeta hemifrån", "sv").endswith("distansarbete")


def test_a_bad_line_names_its_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "fi_stem_overrides.txt").write_text("# ok\npalkkatuen => \n", encoding="utf-8")
    (tmp_path / "fi_synonyms.txt").write_text("yksinäinen\n", encoding="utf-8")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    data.load_stem_overrides.cache_clear()
    data.load_synonyms.cache_clear()
    try:
        with pytest.raises(data.AnalysisDataError, match="fi_stem_overrides.txt:2"):
            data.load_stem_overrides("fi")
        with pytest.raises(data.AnalysisDataError, match="fi_synonyms.txt:1"):
            data.load_synonyms("fi")
    finally:
        data.load_stem_overrides.cache_clear()
        data.load_synonyms.cache_clear()


def test_index_settings_render_every_list_inline():
    analysis = analysis_settings()["analysis"]
    assert "tuen" in analysis["filter"]["fi_decompound"]["word_list"]
    assert "palkkatuen => palkkatuki" in analysis["filter"]["fi_overrides"]["rules"]
    chain = analysis["analyzer"]["fi_index"]["filter"]
    assert chain.index("fi_decompound") < chain.index("fi_overrides") < chain.index("fi_snowball")
    assert "fi_synonyms" in analysis["analyzer"]["fi_search"]["filter"]
