"""The library's cached listing (instructions.library_cache) follows every change a reader would notice."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from tests.instructions.conftest import make_instruction

URL = "/ohjeet/"


def library_html(client, url=URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def keha_client(client, library):
    client.force_login(library.readers["keha"])
    return client


@pytest.mark.django_db
class TestLibraryCache:
    def test_publish_edit_and_unpublish_show_at_once(self, keha_client, library):
        assert "Uusi ohje" not in library_html(keha_client)
        page = make_instruction(library, title="Uusi ohje", audience=["keha"])
        assert "Uusi ohje" in library_html(keha_client)
        page.title = "Muutettu ohje"
        page.save_revision().publish()
        html = library_html(keha_client)
        assert ">Muutettu ohje</a>" in html and ">Uusi ohje</a>" not in html
        Page.objects.get(pk=page.pk).specific.unpublish()
        assert "Muutettu ohje" not in library_html(keha_client)

    def test_deleting_an_instruction(self, keha_client, library):
        page = make_instruction(library, title="Poistuva ohje", audience=["keha"])
        assert "Poistuva ohje" in library_html(keha_client)
        Page.objects.get(pk=page.pk).delete()
        assert "Poistuva ohje" not in library_html(keha_client)

    def test_each_audience_sees_its_own_listing(self, client, library):
        make_instruction(library, title="Vain KEHAlle", audience=["keha"])
        make_instruction(library, title="Vain ELYille", audience=["ely"])
        client.force_login(library.readers["keha"])
        html = library_html(client)
        assert "Vain KEHAlle" in html and "Vain ELYille" not in html
        client.force_login(library.readers["ely"])
        html = library_html(client)
        assert "Vain ELYille" in html and "Vain KEHAlle" not in html

    def test_topic_and_unit_names_and_filters(self, keha_client, library):
        make_instruction(library, title="Nimetty ohje", audience=["keha"])
        make_instruction(library, title="Toinen aihe", audience=["keha"], topic=library.other_topic)
        assert "Palkkatuki" in library_html(keha_client)
        library.topic.name_fi = "Palkkatuki ja starttiraha"
        library.topic.save()
        assert "Palkkatuki ja starttiraha" in library_html(keha_client)
        library.units["payments"].name_fi = "Maksatuspalvelut"
        library.units["payments"].save()
        assert "Maksatuspalvelut" in library_html(keha_client)
        filtered = library_html(keha_client, f"{URL}?topic={library.other_topic.slug}")
        assert "Toinen aihe" in filtered and "Nimetty ohje" not in filtered

    def test_validity_follows_the_date(self, keha_client, library, monkeypatch):
        make_instruction(
            library,
            title="Päättyvä ohje",
            audience=["keha"],
            valid_until=timezone.localdate() + datetime.timedelta(days=1),
        )
        assert "Päättyvä ohje" in library_html(keha_client)
        later = timezone.localdate() + datetime.timedelta(days=2)
        monkeypatch.setattr(
            timezone, "localdate", lambda *args, **kwargs: later
        )  # two days on (the session stays)
        assert "Päättyvä ohje" not in library_html(keha_client)

    def test_language_is_part_of_the_key(self, keha_client, library):
        make_instruction(library, title="Kielitesti", audience=["keha"])
        assert "Palkkatuki" in library_html(keha_client)
        keha_client.post("/i18n/setlang/", {"language": "sv", "next": URL})
        assert "Lönesubvention" in library_html(keha_client)


@pytest.mark.django_db
def test_a_library_administrator_gets_the_listing_and_an_instruction_with_its_related_list(
    client, library, administrator_user
):
    """Administrators may edit every unit's instructions (no unit list): their key must still be made."""
    page = make_instruction(library, title="Kaikille näkyvä", audience=["keha"])
    client.force_login(administrator_user)
    assert "Kaikille näkyvä" in library_html(client)
    assert client.get(page.url).status_code == 200
