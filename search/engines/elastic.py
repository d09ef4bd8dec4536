"""The Elasticsearch 8 engine (elasticsearch-dsl over the official client).

Readers and writers use an alias (``settings.SEARCH_INDEX``, "taimi-search");
behind it is one versioned index ``<alias>-v<timestamp>``. A full rebuild
writes a new version and moves the alias in one ``_aliases`` call, so queries
never see a half-built index. Only this module (and its helpers in
``search/engines/``) imports the client.
"""

from __future__ import annotations

import html
import time
from collections.abc import Iterable

from django.utils import timezone
from elasticsearch import ApiError, Elasticsearch, TransportError, dsl, helpers

from search.engines import elastic_query
from search.engines.base import (  # noqa: F401 - SearchUnavailable is re-exported
    TYPES,
    Hit,
    SearchDocument,
    SearchEngine,
    SearchQuery,
    SearchResult,
    SearchUnavailable,
)
from search.engines.elastic_mapping import index_body, to_source

# A web request should fall back to the database rather than hang: a healthy
# cluster answers in milliseconds, so 3 s means it is in trouble.
WEB_TIMEOUT = 3
# The worker and reindex can wait longer (big bulk requests, busy cluster).
BULK_TIMEOUT = 60
# Documents per bulk request: a few hundred kB of text; bigger batches gain
# little throughput and cost memory on both sides.
BULK_CHUNK = 200
SUGGEST_TYPES = ("instruction", "news", "event", "person")
# "Did you mean" is offered below this many hits (and then only a spelling
# that finds more than the query did).
FEW_HITS = 3


class AliasMissing(SearchUnavailable):
    """A write found no index behind the alias (never created, or dropped)."""


def _snippet(fragment: str) -> str:
    escaped = html.escape(fragment, quote=True)
    return escaped.replace(elastic_query.MARK_OPEN, "<mark>").replace(elastic_query.MARK_CLOSE, "</mark>")


def _plain_snippet(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > elastic_query.SNIPPET_CHARS:
        text = text[: elastic_query.SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(text, quote=True)


class ElasticEngine(SearchEngine):
    name = "elastic"
    # The outbox drain sends this many objects per bulk call from a sender
    # thread while it reads the next ones (search.indexing._write).
    pipeline_chunk = BULK_CHUNK

    def __init__(
        self, *, url: str, alias: str = "taimi-search", replicas: int = 0, timeout: float = WEB_TIMEOUT
    ):
        self.alias = alias
        self.replicas = replicas
        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)

    # --- errors ---------------------------------------------------------------

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (TransportError, ApiError, helpers.BulkIndexError) as error:
            raise SearchUnavailable(str(error)[:500]) from error

    # --- index management -----------------------------------------------------

    def _new_index_name(self) -> str:
        return f"{self.alias}-v{timezone.now():%Y%m%d%H%M%S%f}"

    def _create(self, name: str) -> None:
        self._call(self.client.indices.create, index=name, **index_body(replicas=self.replicas))

    def current_index(self) -> str | None:
        try:
            names = list(self.client.indices.get_alias(name=self.alias))
        except ApiError as error:
            if (
                getattr(error, "status_code", None) == 404
                or getattr(error, "meta", None)
                and error.meta.status == 404
            ):
                return None
            raise SearchUnavailable(str(error)) from error
        except TransportError as error:
            raise SearchUnavailable(str(error)) from error
        return sorted(names)[-1] if names else None

    def ensure_index(self) -> None:
        if self.current_index() is None:
            name = self._new_index_name()
            self._create(name)
            self._call(self.client.indices.put_alias, index=name, name=self.alias)

    def drop(self) -> None:
        """Delete the alias and every version behind it (tests, and ``search_reindex --drop``)."""
        # By name: Elasticsearch 8 refuses wildcard deletes (action.destructive_requires_name).
        for index in self.versions():
            self._call(self.client.indices.delete, index=index, ignore_unavailable=True)

    def versions(self) -> list[str]:
        found = self._call(
            self.client.indices.get, index=f"{self.alias}-v*", allow_no_indices=True, ignore_unavailable=True
        )
        return sorted(found)

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except Exception:  # noqa: BLE001 - any failure means "not reachable"
            return False

    # --- writing --------------------------------------------------------------

    def _actions(self, index: str, upserts: Iterable[SearchDocument], deletes: Iterable[str]):
        for key in deletes:
            yield {"_op_type": "delete", "_index": index, "_id": key}
        for document in upserts:
            yield {"_op_type": "index", "_index": index, "_id": document.key, "_source": to_source(document)}

    def _bulk(self, index: str, actions, *, refresh, require_alias: bool = False) -> int:
        client = self.client.options(request_timeout=BULK_TIMEOUT)
        extra = {"require_alias": True} if require_alias else {}
        ok, errors = self._call(
            helpers.bulk,
            client,
            actions,
            chunk_size=BULK_CHUNK,
            refresh=refresh,
            raise_on_error=False,
            raise_on_exception=True,
            stats_only=False,
            **extra,
        )
        real = [e for e in errors if not (e.get("delete", {}).get("status") == 404)]
        if real and all("index_not_found" in str(e) for e in real):
            raise AliasMissing(f"no index behind the alias {self.alias!r}")
        if real:
            raise SearchUnavailable(f"{len(real)} document(s) refused: {str(real[:3])[:500]}")
        return ok

    def bulk(self, *, upserts: Iterable[SearchDocument] = (), deletes: Iterable[str] = ()) -> None:
        """Write through the alias with ``require_alias`` (a missing alias is an error, never an index that
        Elasticsearch creates with a guessed mapping); create the index only then, instead of asking for
        the alias before every request (the outbox drain sends many)."""
        upserts, deletes = list(upserts), list(deletes)
        try:
            self._bulk(
                self.alias, self._actions(self.alias, upserts, deletes), refresh=True, require_alias=True
            )
        except AliasMissing:
            self.ensure_index()
            self._bulk(
                self.alias, self._actions(self.alias, upserts, deletes), refresh=True, require_alias=True
            )

    def rebuild(self, documents: Iterable[SearchDocument], *, total: int, progress=None) -> str:
        name = self._new_index_name()
        self._create(name)
        done = 0

        def counted():
            nonlocal done
            for document in documents:
                yield from self._actions(name, [document], [])
                done += 1
                if progress and done % BULK_CHUNK == 0:
                    progress(done, total)

        self._bulk(name, counted(), refresh=False)
        self._call(self.client.indices.refresh, index=name)
        if progress:
            progress(done, total)
        old = [index for index in self.versions() if index != name]
        actions = [{"add": {"index": name, "alias": self.alias}}]
        actions += [
            {"remove": {"index": index, "alias": self.alias}} for index in old if self._has_alias(index)
        ]
        self._call(self.client.indices.update_aliases, actions=actions)
        for index in old:
            self._call(self.client.indices.delete, index=index, ignore_unavailable=True)
        return name

    def _has_alias(self, index: str) -> bool:
        try:
            return self.alias in self.client.indices.get_alias(index=index).get(index, {}).get("aliases", {})
        except ApiError:
            return False

    # --- reading --------------------------------------------------------------

    def _search(self) -> dsl.Search:
        return dsl.Search(using=self.client, index=self.alias)

    def search(
        self, query: SearchQuery, *, pinned: tuple[str, ...] = (), baseline: bool = False
    ) -> SearchResult:
        pinned = tuple(pinned) or query.pinned
        request = elastic_query.build(self._search(), query, pinned=pinned, baseline=baseline)
        started = time.perf_counter()
        response = self._call(request.execute)
        hits = [self._hit(h, pinned) for h in response.hits]
        facets = {}
        aggregations = response.aggregations.to_dict() if "aggregations" in response else {}
        for name in query.facets:
            buckets = aggregations.get(f"facet_{name}", {}).get("values", {}).get("buckets", [])
            facets[name] = [(b["key"], b["doc_count"]) for b in buckets]
        total = (
            response.hits.total.value if hasattr(response.hits.total, "value") else int(response.hits.total)
        )
        suggestion = None
        if not baseline and total < FEW_HITS:
            suggestion = self._suggestion(query.text, response)
            # Only a spelling that finds more, counted under the same access
            # filter: the term suggester itself sees every document's words.
            if suggestion and self._total(query, suggestion) <= total:
                suggestion = None
        engine_ms = (time.perf_counter() - started) * 1000
        return SearchResult(hits=hits, total=total, facets=facets, suggestion=suggestion, engine_ms=engine_ms)

    def _total(self, query: SearchQuery, text: str) -> int:
        q = elastic_query.build(
            self._search(),
            SearchQuery(
                text=text,
                audience=query.audience,
                audiences=query.audiences,
                language=query.language,
                now=query.now,
                facets=(),
                highlight=False,
            ),
            baseline=False,
        )
        return self._call(q.extra(size=0, track_total_hits=True).execute).hits.total.value

    def _hit(self, raw, pinned) -> Hit:
        source = raw.to_dict()
        lang = source.get("language", "fi")
        highlight = raw.meta.to_dict().get("highlight", {})
        fragment = next(
            (
                highlight[f"{n}_{lang}"][0]
                for n in ("body", "lead", "headings")
                if highlight.get(f"{n}_{lang}")
            ),
            None,
        )
        if fragment and elastic_query.MARK_OPEN in fragment:
            snippet = _snippet(fragment)
        else:
            snippet = _plain_snippet(source.get(f"lead_{lang}") or source.get(f"body_{lang}") or "")
        return Hit(
            key=raw.meta.id,
            type=source["type"],
            title=source.get(f"title_{lang}", ""),
            url=source["url"],
            snippet_html=snippet,
            score=raw.meta.score or 0.0,
            best_bet=raw.meta.id in pinned,
            extra=source.get("extra") or {},
        )

    @staticmethod
    def _suggestion(text: str, response) -> str | None:
        """Replace each misspelt word by the most frequent close word the index knows; None when nothing changes."""
        suggest = response.to_dict().get("suggest", {})
        words = text.split()
        replacements: dict[str, tuple[int, str]] = {}
        for entries in suggest.values():
            for entry in entries:
                for option in entry.get("options", []):
                    best = replacements.get(entry["text"])
                    if best is None or option.get("freq", 0) > best[0]:
                        replacements[entry["text"]] = (option.get("freq", 0), option["text"])
        if not replacements:
            return None
        corrected = [replacements.get(word.lower(), (0, word))[1] for word in words]
        suggestion = " ".join(corrected)
        return suggestion if suggestion.lower() != text.lower() else None

    def suggest(
        self,
        *,
        prefix: str,
        audience: str,
        language: str = "fi",
        limit: int = 8,
        audiences: tuple[str, ...] = (),
    ) -> list[Hit]:
        prefix = " ".join(prefix.split())[:100]
        if len(prefix) < 2:
            return []
        text_query = dsl.Q(
            "multi_match",
            query=prefix,
            operator="and",
            fields=["title_fi.prefix^2", "title_sv.prefix^2", "lead_fi.exact", "lead_sv.exact"],
        )
        query = dsl.Q(
            "bool",
            must=[text_query],
            filter=[
                *elastic_query.access_filter(audiences=(audience, *audiences), now=None),
                dsl.Q("terms", type=list(SUGGEST_TYPES)),
            ],
        )
        s = (
            self._search()
            .query(query)
            .source(["type", "language", "url", "extra", "title_fi", "title_sv"])[:limit]
        )
        response = self._call(s.execute)
        hits = []
        for raw in response.hits:
            source = raw.to_dict()
            lang = source.get("language", "fi")
            hits.append(
                Hit(
                    key=raw.meta.id,
                    type=source["type"],
                    title=source.get(f"title_{lang}", ""),
                    url=source["url"],
                    snippet_html="",
                    score=raw.meta.score or 0.0,
                    extra=source.get("extra") or {},
                )
            )
        order = {t: i for i, t in enumerate(TYPES)}
        return sorted(hits, key=lambda h: (order.get(h.type, 99), -h.score))

    def count(self) -> int:
        return self._call(self.client.count, index=self.alias)["count"]

    def keys(self) -> set[str]:
        self.ensure_index()
        scan = self._call(
            lambda: list(
                helpers.scan(
                    self.client,
                    index=self.alias,
                    query={"query": {"match_all": {}}},
                    _source=False,
                    size=1000,
                )
            )
        )
        return {hit["_id"] for hit in scan}
