"""The audience is access control: each agency kind against each audience, on every path to the content."""

import re

import pytest
from django.urls import reverse

from instructions import access
from instructions.models import InstructionPage
from tests.feed_checks import summaries
from tests.instructions.conftest import make_document, make_instruction

KINDS = ["keha", "ely", "te", "municipal_pilot"]
AUDIENCES = [["keha"], ["ely"], ["te"], ["municipal_pilot"], [], ["te", "municipal_pilot"]]


def _allowed(kind, audience):
    return not audience or kind in audience


@pytest.fixture
def instructions(library):
    """One instruction per audience, each with its own attachment."""
    made = {}
    for audience in AUDIENCES:
        label = "-".join(audience) or "everyone"
        document = make_document(title=f"liite-{label}.pdf")
        made[label] = make_instruction(
            library,
            title=f"Ohje {label} loppu",
            slug=f"ohje-{label}",
            audience=audience,
            body=[("heading", "Liite"), ("attachment", {"document": document, "title": "Lomake"})],
        )
        made[label].document = document
    return made


@pytest.mark.django_db
class TestAudienceMatrix:
    @pytest.mark.parametrize("kind", KINDS)
    def test_pages(self, client, library, instructions, kind):
        client.force_login(library.readers[kind])
        for label, page in instructions.items():
            audience = [] if label == "everyone" else label.split("-")
            response = client.get(page.url)
            expected = 200 if _allowed(kind, audience) else 403
            assert response.status_code == expected, (kind, label)
            if expected == 403:
                assert page.title not in response.content.decode()  # the refusal does not name it

    @pytest.mark.parametrize("kind", KINDS)
    def test_attachments(self, client, library, instructions, kind):
        client.force_login(library.readers[kind])
        for label, page in instructions.items():
            audience = [] if label == "everyone" else label.split("-")
            document = page.document
            response = client.get(document.url)
            # Outside the audience: the 404 of a missing document (a guessed name is not confirmed).
            assert response.status_code == (200 if _allowed(kind, audience) else 404), (kind, label)
            # The stored file itself is never served from /media/.
            assert client.get(f"/media/{document.file.name}").status_code == 404

    @pytest.mark.parametrize("kind", KINDS)
    def test_listing_and_counts(self, client, library, instructions, kind):
        client.force_login(library.readers[kind])
        html = client.get("/ohjeet/").content.decode()
        for label, page in instructions.items():
            audience = [] if label == "everyone" else label.split("-")
            assert (page.title in html) == _allowed(kind, audience), (kind, label)
        visible = sum(
            _allowed(kind, [] if label == "everyone" else label.split("-")) for label in instructions
        )
        assert re.search(r'role="status">(\d+) ', html).group(1) == str(visible)  # the count shows no more

    @pytest.mark.parametrize("kind", KINDS)
    def test_service_functions(self, library, instructions, kind):
        user = library.readers[kind]
        assert access.audience_kinds_for(user) == [kind]
        titles = set(access.visible_instructions(user=user).values_list("title", flat=True))
        expected = {
            page.title
            for label, page in instructions.items()
            if _allowed(kind, [] if label == "everyone" else label.split("-"))
        }
        assert titles == expected

    def test_related_lists_leave_out_what_the_reader_may_not_see(self, client, library, instructions):
        page = instructions["everyone"]
        page.related.add(instructions["keha"], instructions["te"])
        page.save_revision().publish()
        client.force_login(library.readers["te"])
        html = client.get(page.url).content.decode()
        assert "Ohje te loppu" in html and "Ohje keha loppu" not in html

    def test_recent_changes_and_atom_feed(self, client, library, instructions):
        from news.services import renew_feed_token

        for page in instructions.values():
            page.pending_change_note = "Päivitetty määräajat"
            page.save_revision().publish()
        client.force_login(library.readers["municipal_pilot"])
        html = client.get(reverse("instructions:changes")).content.decode()
        assert "Ohje municipal_pilot loppu" in html and "Ohje keha loppu" not in html
        token = renew_feed_token(user=library.readers["municipal_pilot"])
        client.logout()
        feed = client.get(reverse("instructions:atom", args=[token.token])).content.decode()
        assert "Ohje te-municipal_pilot loppu" in feed and "Ohje keha loppu" not in feed
        assert client.get(reverse("instructions:atom", args=["väärä"])).status_code == 404

    def test_a_feed_reader_gets_no_markup_from_a_change_note(self, client, library):
        from news.services import renew_feed_token

        note = '<script>alert(1)</script> <img src=x onerror="alert(2)"> & &amp;'
        page = make_instruction(library, title="Merkintöjä muutoksessa")
        page.pending_change_note = note
        page.save_revision().publish()
        token = renew_feed_token(user=library.readers["keha"])
        response = client.get(reverse("instructions:atom", args=[token.token]))
        assert summaries(response.content) == [note]

    def test_swedish_version_follows_the_original_audience(self, client, library, instructions):
        from wagtail.models import Locale

        original = instructions["keha"]
        swedish = original.copy_for_translation(Locale.objects.get(language_code="sv"))
        swedish.title = "Anvisning keha"
        swedish.save_revision().publish()
        # The editor widens the Swedish copy; the original's audience still rules once it is republished.
        InstructionPage.objects.filter(pk=swedish.pk).update(for_everyone=True, audience_keha=False)
        original.save_revision().publish()
        client.force_login(library.readers["te"])
        client.cookies["django_language"] = "sv"
        assert client.get(original.url).status_code == 403
        assert not InstructionPage.objects.get(pk=swedish.pk).for_everyone

    def test_anonymous_visitors_get_the_login_page(self, client, instructions):
        response = client.get(instructions["everyone"].url)
        assert response.status_code == 302 and "/kirjaudu/" in response["Location"]
        assert client.get(instructions["everyone"].document.url).status_code == 302

    def test_documents_outside_instructions_are_served_as_before(self, client, library):
        document = make_document(title="uutisen-liite.pdf")
        client.force_login(library.readers["municipal_pilot"])
        assert client.get(document.url).status_code == 200

    def test_draft_attachment_is_for_editors_only(self, client, library):
        document = make_document(title="luonnos.pdf")
        page = make_instruction(
            library,
            title="Luonnos",
            publish=False,
            body=[("attachment", {"document": document, "title": ""})],
        )
        client.force_login(library.readers["keha"])
        assert client.get(document.url).status_code == 404
        client.force_login(library.owners["payments"])
        assert client.get(document.url).status_code == 200
        assert page.pk


@pytest.mark.django_db
def test_site_search_lists_only_readable_instructions(client, library):
    from wagtail.search.backends import get_search_backend

    keha = make_instruction(library, title="Kulunvalvonnan lokitiedot keha", audience=["keha"])
    everyone = make_instruction(library, title="Kulunvalvonnan lokitiedot kaikille")
    backend = get_search_backend()
    for page in (keha, everyone):
        backend.add(page)
    client.force_login(library.readers["municipal_pilot"])
    html = client.get("/haku/", {"q": "kulunvalvonnan"}).content.decode()
    assert "lokitiedot kaikille" in html and "lokitiedot keha" not in html
    client.force_login(library.readers["keha"])
    html = client.get("/haku/", {"q": "kulunvalvonnan"}).content.decode()
    assert "lokitiedot kaikille" in html and "lokitiedot keha" in html


@pytest.mark.django_db
def test_a_draft_preview_shows_its_own_related_instructions_and_leaves_the_live_page_alone(
    client, library, instructions, django_user_model
):
    """The draft's relations are in memory (modelcluster) while it is previewed: the preview answered 500
    ("InstructionPage has no field named 'pk'"), and its list must not be cached as the live page's."""
    page = instructions["everyone"]
    page.related.add(instructions["te"])
    page.save_revision().publish()
    draft = InstructionPage.objects.get(pk=page.pk)
    draft.related.add(instructions["keha"])
    draft.save_revision()  # the new relation is in the draft only
    client.force_login(django_user_model.objects.create_superuser("esikatselija", "e@example.fi", "x"))
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ohje keha loppu" in html and "Ohje te loppu" in html
    html = client.get(page.url).content.decode()
    assert "Ohje te loppu" in html and "Ohje keha loppu" not in html
