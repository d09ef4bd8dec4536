"""Instructions in search: the library's audience rule inside the engine query, expiry, unpublishing,
facet counts equal to the database, and the same rules in the database fallback."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from instructions.access import visible_instructions
from instructions.models import InstructionPage
from search.indexing import drain
from tests.instructions.conftest import library, make_instruction  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
KINDS = ("keha", "ely", "te", "municipal_pilot")


@pytest.fixture
def instructions(library):  # noqa: F811
    made = {
        "everyone": make_instruction(library, title="Palkkatuen maksatus kaikille", slug="kaikille"),
        "te": make_instruction(
            library, title="Palkkatuen maksatus TE-toimistoille", audience=("te",), slug="te"
        ),
        "keha_ely": make_instruction(
            library, title="Palkkatuen maksatus virastoille", audience=("keha", "ely"), slug="virastot"
        ),
        "pilot": make_instruction(
            library,
            title="Palkkatuen maksatus kuntakokeiluille",
            audience=("municipal_pilot",),
            slug="kokeilu",
        ),
        "expired": make_instruction(
            library,
            title="Palkkatuen maksatus vanha",
            slug="vanha",
            valid_until=timezone.localdate() - datetime.timedelta(days=1),
        ),
        "draft": make_instruction(
            library, title="Palkkatuen maksatus luonnos", slug="luonnos", publish=False
        ),
    }
    return made


def result_titles(client, user, text="palkkatuki", **params):
    client.force_login(user)
    html = client.get(reverse("search:search"), {"q": text, "type": "instruction", **params}).content.decode()
    return {
        title for title in InstructionPage.objects.values_list("title", flat=True) if f">{title}<" in html
    }


def expected_titles(user):
    return set(visible_instructions(user=user).values_list("title", flat=True))


@pytest.mark.search_server
def test_audience_matrix_in_the_engine(client, library, instructions, use_engine):  # noqa: F811
    drain(engine=use_engine)
    for kind in KINDS:
        reader = library.readers[kind]
        found = result_titles(client, reader)
        assert found == expected_titles(reader), kind
        assert "Palkkatuen maksatus vanha" not in found and "Palkkatuen maksatus luonnos" not in found
    assert result_titles(client, library.readers["te"]) == {
        "Palkkatuen maksatus kaikille",
        "Palkkatuen maksatus TE-toimistoille",
    }


@pytest.mark.search_server
def test_autocomplete_keeps_the_audience(client, library, instructions, use_engine):  # noqa: F811
    drain(engine=use_engine)
    client.force_login(library.readers["municipal_pilot"])
    titles = [
        r["title"]
        for r in client.get(reverse("search:autocomplete"), {"q": "palkkatuen maks"}).json()["results"]
    ]
    assert set(titles) == {"Palkkatuen maksatus kaikille", "Palkkatuen maksatus kuntakokeiluille"}


@pytest.mark.search_server
def test_unpublish_removes_and_republish_restores(client, library, instructions, use_engine):  # noqa: F811
    drain(engine=use_engine)
    page = instructions["everyone"]
    page.unpublish()
    drain(engine=use_engine)
    assert "Palkkatuen maksatus kaikille" not in result_titles(client, library.readers["keha"])
    page.save_revision().publish()
    drain(engine=use_engine)
    assert "Palkkatuen maksatus kaikille" in result_titles(client, library.readers["keha"])


@pytest.mark.search_server
def test_instruction_facets_equal_the_database(library, instructions, use_engine):  # noqa: F811
    from search.engines.base import SearchQuery

    make_instruction(library, title="Matkalaskuohje", topic=library.other_topic, slug="matka", kind="form")
    drain(engine=use_engine)
    result = use_engine.search(
        SearchQuery(text="palkkatuki matkalasku", audience="keha", filters={"type": ("instruction",)})
    )
    readable = visible_instructions(user=library.readers["keha"])
    truth_topics = {}
    for page in readable.select_related("topic"):
        truth_topics[page.topic.name_fi] = truth_topics.get(page.topic.name_fi, 0) + 1
    assert dict(result.facets["topic"]) == truth_topics
    truth_kinds = {}
    for kind in readable.values_list("kind", flat=True):
        truth_kinds[kind] = truth_kinds.get(kind, 0) + 1
    assert dict(result.facets["kind"]) == truth_kinds
    assert result.total == readable.count()


def test_fallback_keeps_the_audience(client, library, instructions, settings):  # noqa: F811
    from search.engines import _elastic

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # configured, down
    _elastic.cache_clear()
    try:
        for kind in KINDS:
            reader = library.readers[kind]
            found = result_titles(client, reader, text="Palkkatuen maksatus")
            assert found <= expected_titles(reader), kind
            assert found, kind
    finally:
        _elastic.cache_clear()
