"""Search engines behind one interface (see :mod:`search.engines.base`).

``get_engine()`` picks Elasticsearch when ``ELASTICSEARCH_URL`` is set and the
embedded engine (tantivy, an index directory under ``VAR_DIR/search/embedded``)
otherwise. Views, adapters, the outbox and the worker only ever talk to the
returned object.
"""

from __future__ import annotations

import functools
from pathlib import Path

from django.conf import settings


@functools.cache
def _elastic(url: str, alias: str, replicas: int, timeout: float):
    from search.engines.elastic import ElasticEngine

    return ElasticEngine(url=url, alias=alias, replicas=replicas, timeout=timeout)


def embedded_root() -> Path | None:
    """Where the embedded engine keeps its index directories; None switches search engines off (tests)."""
    root = getattr(settings, "SEARCH_EMBEDDED_DIR", None)
    if root is None:
        return Path(settings.VAR_DIR) / "search" / "embedded"
    return Path(root) if root else None


@functools.cache
def _embedded(root: str):
    from search.engines.embedded import EmbeddedEngine

    return EmbeddedEngine(root=root)


def get_engine():
    """The configured engine, one instance per process (readers and caches are reused)."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if url:
        return _elastic(url, settings.SEARCH_INDEX, settings.SEARCH_REPLICAS, settings.SEARCH_TIMEOUT)
    root = embedded_root()
    return _embedded(str(root)) if root else None
