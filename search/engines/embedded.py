"""The embedded search engine: tantivy in-process, an index directory under VAR_DIR.

Chosen by :func:`search.engines.get_engine` when ``ELASTICSEARCH_URL`` is
unset. One machine, one index: the worker writes (bulk from the outbox,
rebuilds), every web process reads the same directory and sees commits within
``embedded_store.CHECK_SECONDS``. Analysis: :mod:`search.engines.tantivy_analysis`;
queries, facets, snippets: :mod:`search.engines.embedded_query`; directories
and locks: :mod:`search.engines.embedded_store`. Design notes: docs/search.md.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import tantivy

from search.analysis.folding import fold
from search.engines import embedded_query, embedded_suggest
from search.engines.base import (
    FACETS,
    Hit,
    SearchDocument,
    SearchEngine,
    SearchQuery,
    SearchResult,
    SearchUnavailable,
)
from search.engines.embedded_store import Store
from search.engines.tantivy_analysis import Analysis, clean_text, default_analysis

# Text fields carry pre-analysed terms (see tantivy_analysis): split on spaces only.
PRE_ANALYSED = "preanalysed"
TEXT_FIELDS = ("title", "headings", "lead", "body")
# "Never expires", as seconds since the epoch (fits tantivy's u64 and range queries).
FOREVER = 2**62
# Writer memory: tantivy flushes a segment when this fills. 50 MB keeps the
# worker small; a rebuild gets more for fewer, larger segments.
BULK_HEAP = 50_000_000
REBUILD_HEAP = 200_000_000
# Documents between two progress callbacks during a rebuild.
PROGRESS_EVERY = 250


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("key", stored=True, tokenizer_name="raw", fast=True)
    for name in TEXT_FIELDS:
        sb.add_text_field(name, tokenizer_name=PRE_ANALYSED, index_option="position")
    # Lexicon parts of compound words, title apart (boosted higher).
    sb.add_text_field("title_parts", tokenizer_name=PRE_ANALYSED, index_option="freq")
    sb.add_text_field("parts", tokenizer_name=PRE_ANALYSED, index_option="freq")
    # Lowercased words, unstemmed: exact-match boost, typos, "did you mean", autocomplete.
    sb.add_text_field("exact", tokenizer_name=PRE_ANALYSED, index_option="freq")
    sb.add_text_field("title_exact", tokenizer_name=PRE_ANALYSED, index_option="position")
    # Title words folded (ä→a, ö→o, å→a) in order: the autocomplete's phrase prefix without diacritics.
    sb.add_text_field("title_folded", tokenizer_name=PRE_ANALYSED, index_option="position")
    # People's names only: each word as written and folded ("mäkelä makela"), for the name clause.
    sb.add_text_field("name", tokenizer_name=PRE_ANALYSED, index_option="freq")
    # The document's language, read when ranking the query's language first.
    sb.add_text_field("lang", stored=True, tokenizer_name="raw")
    for name in FACETS:
        sb.add_text_field(f"f_{name}", tokenizer_name="raw", fast=True)
    sb.add_text_field("audience", tokenizer_name="raw", fast=True)
    # Only documents with an expiry carry one (few do): the "expired" filter then
    # walks a handful of index terms instead of a column of every document.
    sb.add_unsigned_field("valid_until", indexed=True)
    # "draft" on documents that are not live (the adapters send few or none): the
    # filter is then a MUST_NOT on a short posting list.
    sb.add_text_field("state", tokenizer_name="raw")
    sb.add_unsigned_field("published", stored=True)  # read for the news recency decay
    sb.add_bytes_field("payload", stored=True)
    return sb.build()


def _epoch(value: datetime | None, default: int) -> int:
    if value is None:
        return default
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return max(0, int(value.timestamp()))


class EmbeddedEngine(SearchEngine):
    name = "embedded"

    def __init__(self, *, root: Path | str, analysis: Analysis | None = None):
        self.analysis = analysis or default_analysis()
        self.schema = build_schema()
        self.store = Store(Path(root), build_schema, self._register)

    @staticmethod
    def _register(index: tantivy.Index) -> None:
        index.register_tokenizer(
            PRE_ANALYSED, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        )

    # --- documents -----------------------------------------------------------
    def to_tantivy(self, doc: SearchDocument) -> tantivy.Document:
        chain = self.analysis.chain(doc.language)
        out = tantivy.Document()
        out.add_text("key", doc.key)
        out.add_text("lang", doc.language)
        texts = {name: clean_text(getattr(doc, name) or "") for name in TEXT_FIELDS}
        parts, exact = [], []
        for name, text in texts.items():
            stems, found, lowered = chain.field_terms(text)
            out.add_text(name, stems)
            exact.extend(lowered)
            if name == "title":
                out.add_text("title_parts", found)
                out.add_text("title_exact", " ".join(lowered))
                out.add_text("title_folded", " ".join(fold(w) for w in lowered))
                if doc.type == "person":
                    out.add_text("name", " ".join(dict.fromkeys([*lowered, *(fold(w) for w in lowered)])))
            else:
                parts.append(found)
        out.add_text("parts", " ".join(parts))
        out.add_text("exact", " ".join(exact))
        facets = dict(doc.facets)
        facets["type"] = (doc.type,)
        facets["language"] = (doc.language,)
        facets.setdefault("audience", doc.audience)
        for name in FACETS:
            for value in facets.get(name, ()):
                out.add_text(f"f_{name}", str(value))
        for value in doc.audience:
            out.add_text("audience", value)
        if not doc.live:
            out.add_text("state", "draft")
        if doc.valid_until is not None:
            out.add_unsigned("valid_until", _epoch(doc.valid_until, FOREVER))
        out.add_unsigned("published", _epoch(doc.published_at, 0))
        payload = {
            "type": doc.type,
            "language": doc.language,
            "title": texts["title"],
            "url": doc.url,
            "lead": texts["lead"],
            "body": texts["body"],
            "extra": dict(doc.extra),
        }
        out.add_bytes("payload", json.dumps(payload, ensure_ascii=False).encode())
        return out

    def current_index(self) -> str | None:
        """The version directory readers use now, or None before the first build."""
        return self.store.current_version()

    # --- writing (worker only) -----------------------------------------------
    def ensure_index(self) -> None:
        if self.store.current_version() is None:
            with self.store.write_lock():
                if self.store.current_version() is None:
                    version, _ = self.store.create_version()
                    self.store.switch(version)

    def bulk(self, *, upserts: Iterable[SearchDocument] = (), deletes: Iterable[str] = ()) -> None:
        upserts, deletes = list(upserts), list(deletes)
        if not upserts and not deletes:
            return
        with self.store.write_lock():
            _, index = self.store.open_for_writing()
            writer = index.writer(BULK_HEAP, 1)
            try:
                for key in deletes:
                    writer.delete_documents_by_term("key", key)
                for doc in upserts:
                    writer.delete_documents_by_term("key", doc.key)
                    writer.add_document(self.to_tantivy(doc))
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()  # gives tantivy's own directory lock back
        self.store.refresh()

    def rebuild(self, documents: Iterable[SearchDocument], *, total: int, progress=None) -> str:
        with self.store.write_lock():
            version, index = self.store.create_version()
            writer = index.writer(REBUILD_HEAP, 2)
            done = 0
            try:
                for doc in documents:
                    writer.add_document(self.to_tantivy(doc))
                    done += 1
                    if progress and done % PROGRESS_EVERY == 0:
                        progress(done, total)
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()
            if progress:
                progress(done, total)
            self.store.switch(version)
        return version

    # --- reading -------------------------------------------------------------
    def count(self) -> int:
        _, searcher = self.store.searcher()
        return searcher.num_docs if searcher else 0

    def keys(self) -> set[str]:
        _, searcher = self.store.searcher()
        if searcher is None or not searcher.num_docs:
            return set()
        result = searcher.search(tantivy.Query.all_query(), searcher.num_docs, count=False)
        return {searcher.doc(address)["key"][0] for _, address in result.hits}

    def _searcher(self):
        """A fresh searcher; SearchUnavailable (the site answers from the database) until the index is built."""
        try:
            _, searcher = self.store.searcher()
        except (ValueError, OSError) as error:
            raise SearchUnavailable(f"embedded index cannot be opened: {error}"[:500]) from error
        if searcher is None:
            raise SearchUnavailable(
                f"no embedded index yet under {self.store.root} (manage.py search_reindex builds it)"
            )
        return searcher

    def search(self, query: SearchQuery, *, pinned: tuple[str, ...] = ()) -> SearchResult:
        """``pinned``: editors' best bets for this query (keys), shown first on page 1 and marked."""
        started = time.perf_counter()
        searcher = self._searcher()
        pinned = tuple(pinned) or tuple(getattr(query, "pinned", ()) or ())
        try:
            result = embedded_query.run(
                self, searcher, query, pinned=pinned, did_you_mean=embedded_suggest.did_you_mean
            )
        except (ValueError, OSError) as error:  # tantivy reports its failures as these
            raise SearchUnavailable(f"embedded index: {error}"[:500]) from error
        return SearchResult(
            hits=result.hits,
            total=result.total,
            facets=result.facets,
            suggestion=result.suggestion,
            engine_ms=(time.perf_counter() - started) * 1000,
        )

    def suggest(
        self,
        *,
        prefix: str,
        audience: str,
        language: str = "fi",
        limit: int = 8,
        audiences: tuple[str, ...] = (),
    ) -> list[Hit]:
        searcher = self._searcher()
        return embedded_suggest.suggest(
            self,
            searcher,
            prefix=prefix,
            audience=audience,
            limit=max(1, min(limit, 50)),
            audiences=audiences,
        )
