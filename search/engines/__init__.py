"""Search engines behind one interface (see :mod:`search.engines.base`).

``get_engine()`` picks Elasticsearch when ``ELASTICSEARCH_URL`` is set and the
embedded engine otherwise. Views, adapters, the outbox and the worker only ever
talk to the returned object.
"""

from __future__ import annotations

import functools

from django.conf import settings


@functools.cache
def _elastic(url: str, alias: str, replicas: int, timeout: float):
    from search.engines.elastic import ElasticEngine

    return ElasticEngine(url=url, alias=alias, replicas=replicas, timeout=timeout)


def get_engine():
    """The configured engine, or None when no engine is configured (search answers from the database)."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if url:
        return _elastic(url, settings.SEARCH_INDEX, settings.SEARCH_REPLICAS, settings.SEARCH_TIMEOUT)
    # SEARCH-EMBEDDED: the embedded engine (VAR_DIR/search) goes here.
    return None
