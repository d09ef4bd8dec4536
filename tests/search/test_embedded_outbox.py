"""The outbox, the worker's drain and the commands on the embedded engine.

A write that fails half-way (a worker crash, a full disk) leaves the outbox
rows and the last commit untouched; the next drain writes the change once.
Facet counts equal the database; ``search_reindex`` switches directories while
queries answer; ``search_status`` agrees.
"""

from __future__ import annotations

import datetime
import io
import threading

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import NewsIndexPage
from search.engines.base import SearchQuery
from search.engines.embedded import EmbeddedEngine
from search.indexing import drain
from search.models import IndexOutbox
from tests.news.conftest import publish_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get(locale__language_code="fi")


@pytest.fixture
def embedded(settings, tmp_path):
    from search.engines import _embedded

    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_EMBEDDED_DIR = str(tmp_path / "index")
    _embedded.cache_clear()
    engine = EmbeddedEngine(root=tmp_path / "index")
    engine.ensure_index()
    yield engine
    _embedded.cache_clear()


def found(engine, text, audience="keha"):
    query = SearchQuery(text=text, audience=audience, filters={"type": ("news",)})
    return [hit.key for hit in engine.search(query).hits]


class CrashingEngine(EmbeddedEngine):
    """Dies after handing the documents to tantivy, before the commit (as a killed worker would)."""

    def to_tantivy(self, doc):
        self.started = True
        raise KeyboardInterrupt("worker killed")


def test_a_write_that_dies_midway_keeps_the_rows_and_the_change_is_written_once(news_index, org, embedded):
    drain(engine=embedded)
    IndexOutbox.objects.all().delete()
    article = publish_article(news_index, title="Vuosilomaohje päivitetty", publisher=org.keha)
    crashing = CrashingEngine(root=embedded.store.root)
    with pytest.raises(KeyboardInterrupt):
        drain(engine=crashing)
    assert crashing.started
    assert list(IndexOutbox.objects.values_list("ref", flat=True)) == [f"news:{article.pk}"]
    assert found(embedded, "vuosilomaohje") == []  # nothing half-written is visible
    stats = drain(engine=embedded)  # the restarted worker
    assert stats["written"] == 1 and stats["left"] == 0
    assert found(embedded, "vuosilomaohje") == [f"news:{article.pk}"]
    assert embedded.keys() >= {f"news:{article.pk}"}
    assert drain(engine=embedded)["rounds"] == 0


def test_a_busy_writer_postpones_the_drain(news_index, org, embedded):
    drain(engine=embedded)
    article = publish_article(news_index, title="Etätyöohje", publisher=org.keha)
    with embedded.store.write_lock():  # a rebuild in another process holds the lock
        from search.engines import embedded_store

        original = embedded_store.LOCK_WAIT_SECONDS
        embedded_store.LOCK_WAIT_SECONDS = 0.1
        try:
            busy = EmbeddedEngine(root=embedded.store.root)
            stats = drain(engine=busy)
        finally:
            embedded_store.LOCK_WAIT_SECONDS = original
    assert stats["failed"] == 1
    row = IndexOutbox.objects.get(ref=f"news:{article.pk}")
    assert row.attempts == 1 and "writing" in row.last_error
    drain(engine=embedded, now=timezone.now() + datetime.timedelta(minutes=15))
    assert found(embedded, "etätyöohje") == [f"news:{article.pk}"]


def test_reindex_command_switches_while_queries_answer_and_status_agrees(news_index, org, embedded):
    for i in range(5):
        publish_article(news_index, title=f"Palkkatukiuutinen {i}", publisher=org.keha)
    drain(engine=embedded)
    before = embedded.current_index()
    reader = EmbeddedEngine(root=embedded.store.root)
    answers, errors, stop = [], [], threading.Event()

    def query_loop():
        while not stop.is_set():
            try:
                answers.append(
                    reader.search(
                        SearchQuery(text="palkkatuki", audience="keha", filters={"type": ("news",)})
                    ).total
                )
            except Exception as error:  # noqa: BLE001
                errors.append(error)

    thread = threading.Thread(target=query_loop)
    thread.start()
    out = io.StringIO()
    try:
        call_command("search_reindex", stdout=out)
    finally:
        stop.set()
        thread.join()
    assert embedded.current_index() != before
    assert not errors and answers and min(answers) == 5
    assert "Readers now use" in out.getvalue() and "100 %" in out.getvalue()
    out = io.StringIO()
    call_command("search_status", "--check", stdout=out)
    assert "in step" in out.getvalue()
