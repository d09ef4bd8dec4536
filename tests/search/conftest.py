"""Fixtures for the search tests: the server, a fresh index per test, documents.

``engine`` is parametrised over the engines (the embedded engine adds its
param); the Elasticsearch param needs the ``search_server`` marker, so it
fails in CI and skips locally when no server can be started.
"""

from __future__ import annotations

import uuid

import pytest

from tests.search.server import Server


@pytest.fixture(scope="session")
def search_server_url():
    server = Server()
    try:
        yield server.start()
    finally:
        server.stop()


def make_elastic(url: str, *, prefix: str = "test"):
    from search.engines.elastic import ElasticEngine

    engine = ElasticEngine(url=url, alias=f"{prefix}-{uuid.uuid4().hex[:10]}")
    engine.ensure_index()
    return engine


@pytest.fixture
def elastic_engine(request, search_server_url):
    engine = make_elastic(search_server_url)
    yield engine
    engine.drop()


@pytest.fixture
def embedded_engine(tmp_path):
    from search.engines.embedded import EmbeddedEngine

    engine = EmbeddedEngine(root=tmp_path / "search-index")
    engine.ensure_index()
    return engine


@pytest.fixture(params=["embedded", pytest.param("elastic", marks=pytest.mark.search_server)])
def engine(request):
    """A fresh, empty index on each engine."""
    if request.param == "elastic":
        yield request.getfixturevalue("elastic_engine")
    else:
        yield request.getfixturevalue("embedded_engine")


@pytest.fixture
def use_engine(settings, engine):
    """Point the app (get_engine) at the test's engine, for view and outbox tests."""
    from search.engines import _elastic, _embedded

    if engine.name == "elastic":
        settings.ELASTICSEARCH_URL = engine.client.transport.node_pool.get().base_url
        settings.SEARCH_INDEX = engine.alias
    else:
        settings.ELASTICSEARCH_URL = ""
        settings.SEARCH_EMBEDDED_DIR = str(engine.store.root)
    _elastic.cache_clear()
    _embedded.cache_clear()
    yield engine
    _elastic.cache_clear()
    _embedded.cache_clear()


@pytest.fixture(autouse=True)
def fresh_best_bets():
    """The best bets map lives in the cache (search.best_bets), which a test's rolled-back transaction does
    not reset: each test starts without one."""
    from search import best_bets

    best_bets.forget()
    yield
    best_bets.forget()


@pytest.fixture(autouse=True)
def no_chat_rate_limit(monkeypatch):
    """Search tests post many chat messages as the same few people within seconds; the chat's per-person rate
    limit (counted in the cache, which outlives a test) is not what they test, and made them flaky."""
    from chat import messages

    monkeypatch.setattr(messages, "RATE_LIMIT_MESSAGES", 10_000)
