"""The analysis chains rendered as Elasticsearch 8 index settings.

Per language (``fi``, ``sv``), index time::

    standard tokenizer → lowercase → stop words → dictionary_decompounder
    (curated parts) → stemmer_override (gradation) → Snowball → remove_duplicates

and at search time the same without the decompounder (a query for a compound
matches the compound itself; a query for a part matches the part the index
split out) and with one-word synonyms (synonym_graph, after stemming, so
inflected query words expand too). Exact and prefix subfields have their own
analyzers. Everything is inline (no files on the cluster), so a new index
built by ``search_reindex`` always carries the current data files.
"""

from __future__ import annotations

from search.analysis.data import load_compound_parts, load_stem_overrides, load_synonyms

STOPWORDS = {"fi": "_finnish_", "sv": "_swedish_"}
SNOWBALL = {"fi": "Finnish", "sv": "Swedish"}
BUILTIN = {"fi": "finnish", "sv": "swedish"}
# Prefixes for search-as-you-type: two letters before suggestions start (one
# letter matches half the index), up to 20 (longer words are rare; each extra
# length costs index size).
EDGE_MIN, EDGE_MAX = 2, 20
# Compound parts shorter than this are not split out (Lucene default is 2:
# too many accidental matches such as "ti" inside every word).
MIN_SUBWORD = 3


def override_rules(lang: str) -> list[str]:
    return [f"{form} => {base}" for form, base in load_stem_overrides(lang).items()]


def synonym_rules(lang: str) -> list[str]:
    return [", ".join(words) for words in load_synonyms(lang)]


def analysis_settings() -> dict:
    filters: dict[str, dict] = {
        "prefix_edge": {"type": "edge_ngram", "min_gram": EDGE_MIN, "max_gram": EDGE_MAX},
    }
    analyzers: dict[str, dict] = {
        # Unstemmed words: exact-match boosts, did-you-mean, the autocomplete's search side.
        "taimi_exact": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding_keep"],
        },
        # Names (people): folded and original words, unstemmed ("makela" finds "Mäkelä").
        "taimi_name": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding_keep"],
        },
        "taimi_prefix": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding_keep", "prefix_edge"],
        },
    }
    filters["asciifolding_keep"] = {"type": "asciifolding", "preserve_original": True}
    for lang in ("fi", "sv"):
        filters[f"{lang}_stop"] = {"type": "stop", "stopwords": STOPWORDS[lang]}
        filters[f"{lang}_decompound"] = {
            "type": "dictionary_decompounder",
            "word_list": list(load_compound_parts(lang)),
            "min_subword_size": MIN_SUBWORD,
            "only_longest_match": False,
        }
        filters[f"{lang}_overrides"] = {"type": "stemmer_override", "rules": override_rules(lang)}
        filters[f"{lang}_snowball"] = {"type": "snowball", "language": SNOWBALL[lang]}
        filters[f"{lang}_synonyms"] = {
            "type": "synonym_graph",
            "synonyms": synonym_rules(lang),
            "lenient": True,
        }
        analyzers[f"{lang}_index"] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                f"{lang}_stop",
                f"{lang}_decompound",
                f"{lang}_overrides",
                f"{lang}_snowball",
                "remove_duplicates",
            ],
        }
        analyzers[f"{lang}_search"] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                f"{lang}_stop",
                f"{lang}_overrides",
                f"{lang}_snowball",
                f"{lang}_synonyms",
            ],
        }
    return {"analysis": {"filter": filters, "analyzer": analyzers}}
