"""Search engines behind one interface (see :mod:`search.engines.base`).

``get_engine()`` picks Elasticsearch when ``ELASTICSEARCH_URL`` is set and the
embedded engine otherwise. Views, adapters, the outbox and the worker only ever
talk to the returned object.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.conf import settings

from search.engines.base import SearchEngine


def embedded_root() -> Path:
    """Where the embedded engine keeps its index directories."""
    return Path(settings.VAR_DIR) / "search" / "embedded"


@lru_cache(maxsize=1)
def _engine(url: str, root: str) -> SearchEngine:
    if url:
        from search.engines.elastic import ElasticEngine  # the Elasticsearch half (search issue)

        return ElasticEngine(url=url)
    from search.engines.embedded import EmbeddedEngine

    return EmbeddedEngine(root=root)


def get_engine() -> SearchEngine:
    """The configured engine, one instance per process (readers and caches are reused)."""
    return _engine(getattr(settings, "ELASTICSEARCH_URL", "") or "", str(embedded_root()))
