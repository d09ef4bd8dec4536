"""The library and an instruction page make as many queries with 1,000 instructions as with 10."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from instructions.bulk import bulk_add_children
from instructions.models import ChangeLogEntry, InstructionPage
from tests.instructions.conftest import make_instruction


def _add(library, count: int, start: int) -> list:
    now = timezone.now()
    pages = [
        InstructionPage(
            title=f"Ohje {number:04d}",
            slug=f"ohje-{number:04d}",
            lead="Tiivistelmä.",
            kind="work_instruction",
            topic=library.topic if number % 2 else library.other_topic,
            process_area=library.area,
            owner_unit=library.units["payments"],
            next_review_date=timezone.localdate() + datetime.timedelta(days=30),
            audience_keha=number % 3 == 0,
            for_everyone=number % 3 != 0,
            body=[("heading", "Vaiheet"), ("paragraph", "<p>Teksti.</p>")],
            first_published_at=now,
            last_published_at=now,
        )
        for number in range(start, start + count)
    ]
    bulk_add_children(library.index, pages)
    ChangeLogEntry.objects.bulk_create(
        [
            ChangeLogEntry(
                translation_key=page.translation_key,
                page=page,
                published_at=now,
                note="Muutos",
                material=True,
            )
            for page in pages
        ]
    )
    return pages


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_constant_queries_from_10_to_1000(client, library, org):
    page = make_instruction(library, title="Mitattava ohje")
    page.contacts.add(org.people["aino"], org.people["pekka"])
    first = _add(library, 9, start=1)
    page.related.add(*first[:5])
    page.save_revision().publish()
    reader = library.readers["keha"]
    client.force_login(reader)
    urls = [
        "/ohjeet/",
        "/ohjeet/?topic=palkkatuki",
        "/ohjeet/?page=2&kind=work_instruction",
        page.url,
        "/ohjeet/muutokset/",
        "/ohjeet/perehdytys/",
    ]
    for url in urls:
        _count(client, url)  # warm up: the first visit writes the visit row
    small = _counts(client, urls)
    more = _add(library, 990, start=10)
    page.related.add(*more[:40])
    page.save_revision().publish()
    _count(client, page.url)
    large = _counts(client, urls)
    assert InstructionPage.objects.count() == 1000
    assert large == small
    # A repeat visit of the library takes its listing from the cache (instructions.library_cache).
    _count(client, "/ohjeet/")
    assert _count(client, "/ohjeet/") < large["/ohjeet/"]


def _counts(client, urls) -> dict:
    """Each URL's queries rendered afresh (a new generation of the library's cache before each)."""
    from instructions import library_cache

    counts = {}
    for url in urls:
        library_cache.forget()
        counts[url] = _count(client, url)
    return counts
