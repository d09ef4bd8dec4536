"""The Elasticsearch 8 mapping of :class:`search.engines.base.SearchDocument`.

Text is stored per language (``title_fi`` / ``title_sv`` ...), so each
language gets its own analysis chain (search/analysis/elastic.py). Every text
field has multi-fields (no ``copy_to``):

* ``<field>``          our chain (decompounder, gradation overrides, Snowball; synonyms at search time)
* ``<field>.exact``    lowercased words only: exact-match boost, did-you-mean
* ``<field>.builtin``  Elasticsearch's own ``finnish``/``swedish`` analyzer: the
                        relevance command's baseline, measured on the same index
* ``title_<l>.prefix`` edge n-grams with an unstemmed search analyzer: search-as-you-type
* ``name``             people's names only: lowercased words, ASCII-folded with the original kept
                        (``taimi_name``), and ``name.prefix`` (folded edge n-grams) for the autocomplete

Facets and filters are ``keyword`` fields (never terms aggregations on text).
"""

from __future__ import annotations

from elasticsearch import dsl

from search.analysis.elastic import BUILTIN, analysis_settings
from search.engines.base import FACETS

TEXT_FIELDS = ("title", "headings", "lead", "body")
# Production: one primary shard holds an intranet's ~20,000 documents many
# times over (a shard is comfortable up to tens of GB); one replica per extra
# node keeps search up while a node restarts. See docs/search.md.
SHARDS = 1
REPLICAS = 0  # overridden by SEARCH_REPLICAS in production settings


def text_field(lang: str, *, prefix: bool = False) -> dsl.Text:
    fields = {
        "exact": dsl.Text(analyzer="taimi_exact"),
        "builtin": dsl.Text(analyzer=BUILTIN[lang]),
    }
    if prefix:
        fields["prefix"] = dsl.Text(analyzer="taimi_prefix", search_analyzer="taimi_exact")
    return dsl.Text(analyzer=f"{lang}_index", search_analyzer=f"{lang}_search", fields=fields)


def mapping() -> dsl.Mapping:
    m = dsl.Mapping()
    m.meta("dynamic", "strict")
    m.field("key", dsl.Keyword())
    for name in FACETS:  # type, topic, owner_unit, audience, kind, language, publisher
        m.field(name, dsl.Keyword())
    m.field("url", dsl.Keyword(index=False))
    m.field("live", dsl.Boolean())
    m.field("published_at", dsl.Date())
    m.field("valid_until", dsl.Date())
    m.field("extra", dsl.Object(enabled=False))
    m.field(
        "name",
        dsl.Text(
            analyzer="taimi_name",
            fields={"prefix": dsl.Text(analyzer="taimi_prefix", search_analyzer="taimi_exact")},
        ),
    )
    for lang in ("fi", "sv"):
        for name in TEXT_FIELDS:
            m.field(f"{name}_{lang}", text_field(lang, prefix=name == "title"))
    return m


def index_body(*, replicas: int = REPLICAS) -> dict:
    settings = {"number_of_shards": SHARDS, "number_of_replicas": replicas, **analysis_settings()}
    return {"settings": settings, "mappings": mapping().to_dict()}


def to_source(document) -> dict:
    """The stored form of a SearchDocument (only its own language's text fields are filled)."""
    source = {
        "key": document.key,
        "type": document.type,
        "language": document.language,
        "url": document.url,
        "live": document.live,
        "audience": list(document.audience),
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "valid_until": document.valid_until.isoformat() if document.valid_until else None,
        "extra": dict(document.extra),
    }
    for name in FACETS:
        if name not in ("type", "language", "audience"):
            source[name] = list(document.facets.get(name, ()))
    if document.type == "person":
        source["name"] = document.title
    lang = document.language if document.language in ("fi", "sv") else "fi"
    source["title_" + lang] = document.title
    source["headings_" + lang] = document.headings
    source["lead_" + lang] = document.lead
    source["body_" + lang] = document.body
    return source
