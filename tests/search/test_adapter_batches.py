"""Adapters read a batch of objects in a fixed number of queries, whatever its size, and compute page URLs once
per batch exactly as Wagtail's ``page.url`` does."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from chat import messages
from chat.models import Room
from intranet.models import HomePage, StandardPage
from news.models import NewsIndexPage
from search.adapters import registry
from search.adapters.urls import page_urls
from tests.instructions.conftest import library, make_instruction  # noqa: F401 - the fixture
from tests.news.conftest import publish_article, translate

pytestmark = pytest.mark.django_db


def publish_page(title, slug, parent=None):
    page = StandardPage(title=title, slug=slug, intro=f"{title}.", body=[("paragraph", f"<p>{title}</p>")])
    (parent or HomePage.objects.first()).add_child(instance=page)
    page.save_revision().publish()
    return page


def rich_body(title: str, document):
    from wagtail.rich_text import RichText

    return [
        ("heading", f"{title}: aluksi"),
        ("paragraph", RichText("<p>Tarkista <b>tiedot</b> &amp; liitteet.</p>")),
        (
            "steps",
            {
                "steps": [
                    {"title": "Avaa lomake", "text": RichText("<p>Täytä <i>kaikki</i> kentät.</p>")},
                    {"title": "Lähetä", "text": RichText("")},
                ]
            },
        ),
        ("notice", {"kind": "warning", "text": RichText("<p>Älä lähetä henkilötunnusta.</p>")}),
        ("table", {"data": [["Vaihe", "Aika"], ["Käsittely", None]], "first_row_is_table_header": True}),
        ("attachment", {"document": document, "title": ""}),
        (
            "legal_reference",
            {"statute": "Laki julkisesta työvoimapalvelusta", "section": "7 luku", "url": ""},
        ),
    ]


def make_objects(org, n: int, library=None):
    """n more of every kind: news (with a Swedish version each), content pages, chat messages, instructions."""
    news_index = NewsIndexPage.objects.get(locale__language_code="fi")
    room = Room.objects.get(team=org.payroll_team)
    aino = org.people["aino"].user
    start = Page.objects.count()
    for i in range(n):
        article = publish_article(news_index, title=f"Uutinen {start}-{i}", publisher=org.keha)
        translate(article, title=f"Nyhet {start}-{i}")
        publish_page(f"Sivu {start}-{i}", f"sivu-{start}-{i}")
        messages.post_message(user=aino, room_id=room.pk, body=f"Viesti {start}-{i}")
        if library is not None:
            make_instruction(
                library, title=f"Ohje {start}-{i}", body=rich_body(f"Ohje {start}-{i}", attachment())
            )


def attachment():
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    return get_document_model().objects.create(
        title="Matkalaskulomake", file=ContentFile(b"%PDF-1.4", name="l.pdf")
    )


def queries_for(kind: str) -> tuple[int, int]:
    adapter = registry()[kind]
    pks = list(adapter.queryset().values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as captured:
        documents, _gone = adapter.documents_for(pks)
    return len(captured.captured_queries), len(documents)


@pytest.mark.parametrize("kind", ["news", "page", "person", "team", "location", "chat", "instruction"])
def test_a_batch_costs_the_same_queries_whatever_its_size(org, library, kind):  # noqa: F811
    make_objects(org, 2, library)
    queries_for(kind)  # process-wide caches (default locale, site root paths) filled once, not per batch
    small, small_docs = queries_for(kind)
    make_objects(org, 6, library)
    large, large_docs = queries_for(kind)
    if kind in ("news", "page", "chat", "instruction"):
        assert large_docs > small_docs
    assert large == small, f"{kind}: {small} queries for {small_docs} documents, {large} for {large_docs}"


def test_batch_page_urls_equal_wagtails(org):
    news_index = NewsIndexPage.objects.get(locale__language_code="fi")
    article = publish_article(news_index, title="Ääkköset osoitteessa", publisher=org.keha)
    Page.objects.filter(pk=article.pk).update(slug="ääkköset-ja-välit")
    translate(article, title="Nyhet på svenska")
    parent = publish_page("Yläsivu", "yläsivu")
    publish_page("Alasivu", "alasivu", parent=parent)
    pages = list(Page.objects.all())
    for page in pages:
        page.refresh_from_db()  # url_path after the slug change
    urls = page_urls(pages)
    assert any(
        "%C3%A4" in url for url in urls.values()
    )  # the unicode slug is quoted like reverse() quotes it
    assert Locale.objects.filter(language_code="sv").exists()
    assert {page.pk: page.url for page in pages if page.url is not None} == urls


def test_instruction_batch_text_equals_the_librarys_own(org, library):  # noqa: F811
    """The adapter reads headings and body from the stored JSON for a whole batch; the library's own methods
    (page.headings(), page.body_text()) must give the same text for every block type."""
    from instructions.search_source import search_document

    make_objects(org, 3, library)
    adapter = registry()["instruction"]
    pages = list(adapter.queryset())
    adapter.prepare(pages)
    for page in pages:
        document = adapter.to_documents(page)[0]
        own = search_document(page)
        assert (document.headings, document.body, document.url) == (
            " · ".join(own["headings"]),
            own["body"],
            own["url"],
        )
    assert "Matkalaskulomake" in document.body and "Älä lähetä henkilötunnusta." in document.body
