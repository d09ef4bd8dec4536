"""The drain's requests: cut across types into full requests, sent in order from one sender thread, and a
failure in the middle of a round keeps every row of the round."""

from __future__ import annotations

import pytest

from search.indexing import _requests, drain, record
from search.models import IndexOutbox

pytestmark = pytest.mark.django_db


def test_requests_are_cut_across_types_in_order():
    batches = [([f"i{n}" for n in range(5)], ["gone1"]), (["n0", "n1"], []), ([], ["gone2"]), (["p0"], [])]
    requests = list(_requests(iter(batches), 4))
    assert [len(u) + len(d) for u, d in requests] == [4, 4, 2]
    assert [x for u, d in requests for x in d + u] == [
        "gone1",
        "i0",
        "i1",
        "i2",
        "i3",
        "i4",
        "n0",
        "n1",
        "gone2",
        "p0",
    ]


class FailingSecondRequest:
    """A real Elasticsearch engine whose second bulk request of a drain fails (a cluster dropping out
    mid-round cannot be arranged on demand; everything else is the real engine)."""

    def __init__(self, engine, chunk):
        self.engine, self.pipeline_chunk, self.calls = engine, chunk, 0

    def bulk(self, **changes):
        self.calls += 1
        if self.calls == 2:
            raise ConnectionError("cluster went away")
        return self.engine.bulk(**changes)


@pytest.mark.search_server
def test_a_failed_request_keeps_the_whole_round_then_all_is_written_once(org, elastic_engine):
    refs = [f"person:{p.pk}" for p in org.people.values()] + [f"team:{org.payroll_team.pk}"]
    IndexOutbox.objects.all().delete()
    record(refs=refs)
    stats = drain(engine=FailingSecondRequest(elastic_engine, chunk=2))
    assert stats["failed"] == len(refs) and IndexOutbox.objects.count() == len(refs)
    assert set(IndexOutbox.objects.values_list("attempts", flat=True)) == {1}
    IndexOutbox.objects.update(next_attempt_at=None)
    elastic_engine.pipeline_chunk = 2  # several requests per round, all succeed now
    stats = drain(engine=elastic_engine)
    assert stats["left"] == 0 and elastic_engine.keys() == set(refs) and elastic_engine.count() == len(refs)


@pytest.mark.search_server
def test_a_write_without_an_index_creates_ours_never_a_guessed_one(elastic_engine):
    from search.engines.base import SearchDocument

    elastic_engine.drop()
    elastic_engine.bulk(
        upserts=[
            SearchDocument(
                key="team:1", type="team", language="fi", title="Palkkatuki", url="/tiimit/palkkatuki/"
            )
        ]
    )
    index = elastic_engine.current_index()
    assert index and index.startswith(f"{elastic_engine.alias}-v")  # the alias over a versioned index
    mapping = elastic_engine.client.indices.get_mapping(index=index)[index]["mappings"]
    assert mapping.get("dynamic") == "strict" and elastic_engine.count() == 1


def test_a_failed_round_is_postponed_in_one_update_per_attempt_count(org, django_assert_max_num_queries):
    from search.engines.elastic import ElasticEngine

    IndexOutbox.objects.all().delete()
    record(refs=[f"person:{p.pk}" for p in org.people.values()])
    IndexOutbox.objects.filter(pk=IndexOutbox.objects.first().pk).update(attempts=3)
    dead = ElasticEngine(url="http://127.0.0.1:9", alias="nowhere")  # nothing listens: connection refused
    drain(engine=dead)  # reads the adapters' documents, fails at the first request
    IndexOutbox.objects.update(next_attempt_at=None)
    from django.utils import timezone

    from search.indexing import _postpone

    ids = list(IndexOutbox.objects.values_list("id", flat=True))
    with django_assert_max_num_queries(3):  # the distinct counts, then one UPDATE for each (1 and 4)
        _postpone(ids, RuntimeError("down"), timezone.now())
    assert sorted(set(IndexOutbox.objects.values_list("attempts", flat=True))) == [2, 5]
