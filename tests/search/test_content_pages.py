"""Content pages (intranet StandardPage) in /haku/ on both engines: published pages are found with their own
type, restricted and unpublished ones are not, and the database fallback finds them too."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from intranet.models import HomePage, StandardPage
from search.indexing import drain
from search.models import IndexOutbox

pytestmark = pytest.mark.django_db


def publish_page(*, title, intro="", body=(), slug=None, parent=None):
    parent = parent or HomePage.objects.first()
    page = StandardPage(
        title=title, slug=slug or title.lower().replace(" ", "-"), intro=intro, body=list(body)
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def reader(client, org):
    client.force_login(org.people["aino"].user)
    return client


@pytest.fixture
def pages(org):
    return {
        "privacy": publish_page(
            title="Tietosuoja intranetissä",
            slug="tietosuoja",
            intro="Miten käsittelemme henkilötietojasi.",
            body=[
                ("heading", "Rekisterinpitäjä"),
                ("paragraph", "<p>Henkilötietojen <b>käsittelyn</b> perusteet.</p>"),
            ],
        ),
        "ways": publish_page(
            title="Työskentelytavat",
            slug="tyoskentelytavat",
            intro="Etätyö ja monipaikkainen työ virastossa.",
        ),
    }


def test_published_content_pages_are_found_with_their_type(reader, use_engine, pages):
    drain(engine=use_engine)
    html = reader.get(reverse("search:search"), {"q": "henkilötietojen käsittely"}).content.decode()
    assert pages["privacy"].url in html and "Tietosuoja intranetissä" in html
    # The type is labelled in the reader's language, in the facet and on the hit.
    assert "Sisältösivut" in html
    with translation.override("sv"):
        html = reader.get(
            reverse("search:search"), {"q": "etätyö"}, HTTP_ACCEPT_LANGUAGE="sv"
        ).content.decode()
    assert pages["ways"].url in html
    filtered = reader.get(reverse("search:search"), {"q": "etätyö", "type": "page"}).content.decode()
    assert pages["ways"].url in filtered


def test_unpublished_and_restricted_pages_leave_the_index(use_engine, pages):
    drain(engine=use_engine)
    assert {"page:%d" % p.pk for p in pages.values()} <= use_engine.keys()
    pages["ways"].unpublish()
    restriction = PageViewRestriction.objects.create(
        page=pages["privacy"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Tietosuojatiimi")])
    assert set(IndexOutbox.objects.values_list("ref", flat=True)) >= {
        f"page:{pages['ways'].pk}",
        f"page:{pages['privacy'].pk}",
    }
    drain(engine=use_engine)
    assert not {k for k in use_engine.keys() if k.startswith("page:")}
    restriction.delete()  # lifted: searchable again
    drain(engine=use_engine)
    assert f"page:{pages['privacy'].pk}" in use_engine.keys()


def test_degraded_search_finds_content_pages(reader, pages, settings):
    from search.engines import _elastic

    settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX, settings.SEARCH_TIMEOUT = (
        "http://127.0.0.1:9",
        "nowhere",
        1,
    )
    _elastic.cache_clear()
    try:
        html = reader.get(reverse("search:search"), {"q": "Työskentelytavat"}).content.decode()
    finally:
        _elastic.cache_clear()
    assert "notice--warning" in html
    assert pages["ways"].url in html


def test_status_and_reindex_know_content_pages(use_engine, pages):
    from search import reindex

    reindex.rebuild(engine=use_engine)
    report = reindex.status(engine=use_engine)
    row = next(r for r in report["rows"] if r["type"] == "page")
    assert row["database"] == row["index"] == 2 and report["in_step"]
