"""Search engines behind one interface (see :mod:`search.engines.base`).

``get_engine()`` picks Elasticsearch when ``ELASTICSEARCH_URL`` is set and the
embedded engine otherwise. Views, adapters, the outbox and the worker only ever
talk to the returned object.
"""
