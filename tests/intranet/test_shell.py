"""The site shell: navigation, languages, landmarks, local assets."""

import re

import pytest
from django.contrib.staticfiles import finders


@pytest.mark.django_db
class TestShell:
    def test_navigation_in_finnish(self, staff_client):
        html = staff_client.get("/").content.decode()
        for label in ["Etusivu", "Uutiset", "Ohjeet", "Ihmiset", "Tiimit", "Toimipaikat", "Chat"]:
            assert f">{label}" in html, label

    def test_every_section_is_a_real_link(self, staff_client):
        html = staff_client.get("/").content.decode()
        assert "main-nav__soon" not in html  # every feature is built now
        for url, label in [("/uutiset/", "Uutiset"), ("/ohjeet/", "Ohjeet"), ("/chat/", "Chat")]:
            assert re.search(rf'<a href="{url}"[^>]*>{label}', html), label

    def test_current_section_is_marked(self, staff_client):
        html = staff_client.get("/ihmiset/").content.decode()
        assert re.search(r'href="/ihmiset/" aria-current="page"', html)

    @pytest.mark.parametrize(("language", "label"), [("sv", "Personer"), ("en", "People"), ("fi", "Ihmiset")])
    def test_language_switch(self, staff_client, language, label):
        response = staff_client.post("/i18n/setlang/", {"language": language, "next": "/ihmiset/"})
        assert response.status_code == 302 and response["Location"] == "/ihmiset/"
        html = staff_client.get("/ihmiset/").content.decode()
        assert f'<html lang="{language}">' in html
        assert f">{label}<" in html

    def test_browser_language_does_not_override_finnish(self, staff_client):
        html = staff_client.get("/", HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9").content.decode()
        assert '<html lang="fi">' in html

    def test_landmarks_and_skip_link(self, staff_client):
        html = staff_client.get("/").content.decode()
        assert '<a class="skip-link" href="#main">' in html
        assert '<main id="main"' in html and "<header" in html and "<footer" in html
        assert 'role="search"' in html and '<nav class="main-nav" aria-label=' in html

    def test_no_external_assets(self, staff_client):
        html = staff_client.get("/").content.decode()
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not url.startswith(("http://", "https://", "//")), url

    def test_user_menu_shows_the_person(self, client, org):
        client.force_login(org.people["sanna"].user)
        html = client.get("/").content.decode()
        assert "Sanna Lehtola" in html and "/ihmiset/sanna.lehtola/" in html

    def test_static_files_are_local(self):
        assert finders.find("intranet/css/site.css")

    def test_unknown_page_is_a_friendly_404(self, staff_client):
        response = staff_client.get("/ei-ole-olemassa/")
        assert response.status_code == 404
        assert "<h1>Sivua ei löytynyt</h1>" in response.content.decode()

    def test_error_pages_leave_out_the_editing_bar(self, client, communication_user):
        """An error page has nothing to edit: an editor's 404 is as cheap as a reader's (the userbar was half
        of its cost, and the admin access walk meets hundreds of them)."""
        client.force_login(communication_user)
        assert "wagtail-userbar" in client.get("/").content.decode()
        response = client.get("/ei-ole-olemassa/")
        assert response.status_code == 404 and "wagtail-userbar" not in response.content.decode()


@pytest.mark.django_db
def test_site_search_finds_people(staff_client, org):
    # Instructions, news, teams and locations are covered in tests/search (both engines and the database fallback).
    html = staff_client.get("/haku/", {"q": "Lehtola"}).content.decode()
    assert "Sanna Lehtola" in html


@pytest.mark.django_db
def test_site_search_with_odd_input(staff_client, org):
    for query in ["", "   ", "%", "_", "'; DROP TABLE", "a" * 1000, "\u0000x", "((("]:
        assert staff_client.get("/haku/", {"q": query}).status_code == 200, query
