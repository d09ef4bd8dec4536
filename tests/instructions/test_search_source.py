"""The plain data the search index gets: what a document for an instruction holds."""

import pytest

from instructions.search_source import search_document, versions_to_index
from tests.instructions.conftest import make_instruction


@pytest.mark.django_db
def test_search_document(library):
    page = make_instruction(
        library,
        title="Palkkatuen takaisinperintä",
        audience=["te", "municipal_pilot"],
        process_area=library.area,
        body=[
            ("heading", "Milloin perintä alkaa"),
            ("paragraph", "<p>Kun palkkatukea on maksettu <b>liikaa</b>.</p>"),
            ("steps", {"steps": [{"title": "Laske määrä", "text": ""}]}),
            ("legal_reference", {"statute": "Laki 916/2012", "section": "11 luku", "url": ""}),
        ],
    )
    document = search_document(page)
    assert document["title"] == "Palkkatuen takaisinperintä" and document["language"] == "fi"
    assert document["audience"] == ["te", "municipal_pilot"]
    assert document["headings"] == ["Milloin perintä alkaa"]
    assert (
        "maksettu liikaa" in document["body"]
        and "Laske määrä" in document["body"]
        and "916/2012" in document["body"]
    )
    assert "<b>" not in document["body"]
    assert document["topic"] == "palkkatuki" and document["process_area"] == "maksatus"
    assert document["owner_unit"] == "maksatusyksikko" and document["url"] == page.url
    assert [version.pk for version in versions_to_index(page)] == [page.pk]
    everyone = make_instruction(library, title="Kaikille")
    assert search_document(everyone)["audience"] == ["everyone"]
