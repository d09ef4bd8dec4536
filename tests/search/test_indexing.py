"""Indexing loses nothing: the outbox, the worker's drain, the engine going down and coming back,
full rebuilds with an alias swap while queries run, and the status report."""

from __future__ import annotations

import datetime
import io
import threading

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from search.engines.base import SearchQuery
from search.engines.elastic import ElasticEngine
from search.indexing import drain, engine_back
from search.models import IndexOutbox
from tests.news.conftest import publish_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get(locale__language_code="fi")


@pytest.fixture
def dead_engine():
    # Nothing listens on the discard port: every call is a connection error.
    return ElasticEngine(url="http://127.0.0.1:9", alias="nowhere")


def found(engine, text, audience="keha"):
    return [hit.key for hit in engine.search(SearchQuery(text=text, audience=audience)).hits]


def later(minutes=15):
    return timezone.now() + datetime.timedelta(minutes=minutes)


def test_publishing_writes_one_outbox_row_in_its_transaction(news_index, org):
    IndexOutbox.objects.all().delete()
    with transaction.atomic():
        article = publish_article(news_index, title="Kulunvalvonta uudistuu", publisher=org.keha)
        transaction.set_rollback(True)
    assert not IndexOutbox.objects.exists()  # rolled back with the publish
    article = publish_article(news_index, title="Kulunvalvonta uudistuu", publisher=org.keha)
    assert list(IndexOutbox.objects.values_list("ref", flat=True)) == [f"news:{article.pk}"]


@pytest.mark.search_server
def test_engine_down_then_back_indexes_exactly_once(news_index, org, dead_engine, elastic_engine):
    IndexOutbox.objects.all().delete()
    article = publish_article(news_index, title="Matkalaskuohje uudistui", publisher=org.keha)
    revision = article.save_revision()
    article.title = "Matkalaskuohje uudistui taas"
    revision = article.save_revision()
    revision.publish()  # a second publish while the engine is down
    assert NewsArticlePage.objects.get(pk=article.pk).live  # publishing itself worked

    stats = drain(engine=dead_engine)
    assert stats["failed"] == 2 and stats["written"] == 0
    row = IndexOutbox.objects.first()
    assert row.attempts == 1 and row.next_attempt_at > timezone.now()
    assert row.last_error.startswith("unreachable: ")
    assert drain(engine=dead_engine)["rounds"] == 0  # still down: the rows wait out their backoff

    # The engine answers again: the waiting rows do not wait out their backoff (the next drain writes them).
    stats = drain(engine=elastic_engine)
    assert stats["written"] == 1 and stats["left"] == 0  # two changes, one write
    assert elastic_engine.keys() == {f"news:{article.pk}"}
    assert found(elastic_engine, "matkalaskuohje") == [f"news:{article.pk}"]
    assert (
        elastic_engine.search(SearchQuery(text="matkalaskuohje", audience="keha"))
        .hits[0]
        .title.endswith("taas")
    )
    assert drain(engine=elastic_engine)["rounds"] == 0  # nothing left to do: written once


class RefusingEngine:
    """Answers a ping but refuses every write (a document the cluster will not take)."""

    def __init__(self):
        self.calls = 0

    def ping(self):
        return True

    def bulk(self, *, upserts, deletes):
        self.calls += 1
        raise RuntimeError("mapper_parsing_exception")


def test_a_write_refused_by_an_answering_engine_waits_out_its_backoff(news_index, org):
    """Only an engine that did not answer makes rows skip their backoff when it is back: a refused
    document must not be sent again on every drain."""
    IndexOutbox.objects.all().delete()
    publish_article(news_index, title="Hylätty asiakirja", publisher=org.keha)
    engine = RefusingEngine()
    assert drain(engine=engine)["failed"] == 1
    row = IndexOutbox.objects.get()
    assert row.last_error == "mapper_parsing_exception" and row.next_attempt_at > timezone.now()
    assert drain(engine=engine)["rounds"] == 0
    assert engine.calls == 1
    assert drain(engine=engine, now=later())["failed"] == 1  # due again after the backoff
    assert engine.calls == 2


class DownEngine:
    """Does not answer at all (the server stopped)."""

    def ping(self):
        return False

    def bulk(self, *, upserts, deletes):
        raise ConnectionError("Connection refused")


def test_the_worker_is_asked_to_drain_as_soon_as_the_engine_answers_again(news_index, org, monkeypatch):
    """The worker asks ``engine_back`` at every tick (core.jobs, the search drain's ``sooner``): yes only while
    changes wait because the engine did not answer and it answers now, so the index catches up within a tick
    of the engine's return instead of at the next periodic drain."""
    IndexOutbox.objects.all().delete()
    publish_article(news_index, title="Katkon jälkeen", publisher=org.keha)
    engine = DownEngine()
    monkeypatch.setattr("search.engines.get_engine", lambda: engine)
    assert not engine_back()  # nothing waits for the engine yet
    assert drain(engine=engine)["failed"] == 1
    assert not engine_back()  # the change waits, but the engine is still down
    engine = RefusingEngine()  # answers a ping again
    assert engine_back()
    assert drain(engine=engine)["failed"] == 1  # this time the engine answered and refused the document
    assert not engine_back()  # a refused document waits out its backoff


@pytest.mark.search_server
def test_unpublish_and_delete_leave_the_index(news_index, org, elastic_engine):
    first = publish_article(news_index, title="Etätyöohje julkaistu", publisher=org.keha)
    second = publish_article(news_index, title="Etätyöpäivät lisääntyvät", publisher=org.keha)
    drain(engine=elastic_engine)
    assert set(found(elastic_engine, "etätyö")) == {f"news:{first.pk}", f"news:{second.pk}"}
    first.unpublish()
    NewsArticlePage.objects.get(pk=second.pk).delete()
    drain(engine=elastic_engine)
    assert found(elastic_engine, "etätyö") == []
    assert not [key for key in elastic_engine.keys() if key.startswith("news:")]


@pytest.mark.search_server
def test_people_changes_follow(org, elastic_engine):
    drain(engine=elastic_engine)
    aino = org.people["aino"]
    assert f"person:{aino.pk}" in found(elastic_engine, "takaisinperintä")
    aino.title = "Ryhmäpäällikkö"
    aino.save()
    drain(engine=elastic_engine)
    assert found(elastic_engine, "ryhmäpäällikkö") == [f"person:{aino.pk}"]
    aino.user.is_active = False
    aino.user.save()
    drain(engine=elastic_engine)
    assert f"person:{aino.pk}" not in elastic_engine.keys()


@pytest.mark.search_server
def test_facet_counts_equal_the_database(news_index, org, engine):
    categories = list(NewsCategory.objects.all()[:3])
    for i in range(7):
        publish_article(
            news_index,
            title=f"Tiedote numero {i}",
            publisher=org.keha if i % 3 else org.ely,
            categories=categories[: 1 + i % 3],
        )
    drain(engine=engine)
    result = engine.search(SearchQuery(text="tiedote", audience="keha"))
    articles = NewsArticlePage.objects.live().filter(title__startswith="Tiedote")
    truth_topics = {c.name_fi: articles.filter(categories=c).count() for c in categories}
    assert dict(result.facets["topic"]) == {k: v for k, v in truth_topics.items() if v}
    truth_publishers = {a.name_fi: articles.filter(publisher=a).count() for a in (org.keha, org.ely)}
    assert dict(result.facets["publisher"]) == truth_publishers
    assert result.total == articles.count() == 7
    narrowed = engine.search(
        SearchQuery(text="tiedote", audience="keha", filters={"publisher": (org.ely.name_fi,)})
    )
    assert narrowed.total == articles.filter(publisher=org.ely).count()
    assert dict(narrowed.facets["publisher"]) == truth_publishers  # its own facet keeps the siblings


@pytest.mark.search_server
def test_reindex_swaps_the_alias_while_queries_keep_answering(news_index, org, elastic_engine, settings):
    from search.engines import _elastic

    for i in range(5):
        publish_article(news_index, title=f"Palkkatukiuutinen {i}", publisher=org.keha)
    drain(engine=elastic_engine)
    before = elastic_engine.current_index()
    answers, errors, stop = [], [], threading.Event()

    def query_loop():
        engine = ElasticEngine(url=settings_url, alias=elastic_engine.alias)
        while not stop.is_set():
            try:
                answers.append(
                    engine.search(
                        SearchQuery(text="palkkatuki", audience="keha", filters={"type": ("news",)})
                    ).total
                )
            except Exception as error:  # noqa: BLE001
                errors.append(error)

    settings_url = elastic_engine.client.transport.node_pool.get().base_url
    settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX = settings_url, elastic_engine.alias
    _elastic.cache_clear()
    thread = threading.Thread(target=query_loop)
    thread.start()
    out = io.StringIO()
    try:
        call_command("search_reindex", stdout=out)
    finally:
        stop.set()
        thread.join()
        _elastic.cache_clear()
    assert elastic_engine.current_index() != before
    assert before not in elastic_engine.versions()  # the old version is gone
    assert not errors and answers and min(answers) == 5  # every query during the swap saw all five
    assert "Readers now use" in out.getvalue() and "] " in out.getvalue()  # the progress bar
    assert found(elastic_engine, "palkkatuki")


@pytest.mark.search_server
def test_status_lists_what_is_missing(news_index, org, elastic_engine, settings):
    from search.engines import _elastic

    article = publish_article(news_index, title="Hankintaohje", publisher=org.keha)
    drain(engine=elastic_engine)
    elastic_engine.bulk(deletes=[f"news:{article.pk}"])
    settings.ELASTICSEARCH_URL = elastic_engine.client.transport.node_pool.get().base_url
    settings.SEARCH_INDEX = elastic_engine.alias
    _elastic.cache_clear()
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("search_status", "--check", stdout=out)
    assert f"news:{article.pk}" in out.getvalue() and "differ" in out.getvalue()
    drain(engine=elastic_engine)  # nothing in the outbox: the reindex repairs it
    call_command("search_reindex", stdout=io.StringIO())
    out = io.StringIO()
    call_command("search_status", "--check", stdout=out)
    assert "in step" in out.getvalue()
    _elastic.cache_clear()
