"""The Wagtail admin's screens and e-mails in the editor's language, where Wagtail's catalogs leave gaps.

The project's catalogs (LOCALE_PATHS) come before Wagtail's, so the strings
Wagtail leaves untranslated in Finnish and Swedish are translated in locale/.
"""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext, override

from intranet.models import HomePage

# Seen in English in the Finnish admin before (issue: "Every screen in the user's language").
SEEN_IN_ENGLISH = {
    "Saved": ("Tallennettu", "Sparad"),
    "Autosave is paused": ("Automaattinen tallennus on keskeytetty", "Automatisk sparning har pausats"),
    "The page could not be created due to validation errors.": (
        "Sivua ei voitu luoda, koska lomakkeessa on virheitä.",
        "Sidan kunde inte skapas eftersom formuläret innehåller fel.",
    ),
    "Task submitted by": ("Tehtävän lähettäjä", "Uppgiften skickades av"),
}


@pytest.mark.parametrize("index,language", [(0, "fi"), (1, "sv")])
def test_admin_strings_wagtail_leaves_in_english_are_translated(index, language):
    with override(language):
        translated = {msgid: gettext(msgid) for msgid in SEEN_IN_ENGLISH}
    assert [msgid for msgid, text in translated.items() if text == msgid] == []
    if language == "fi":  # ours, not Wagtail's (Wagtail's Swedish has some of them)
        assert translated == {msgid: pair[index] for msgid, pair in SEEN_IN_ENGLISH.items()}


@pytest.mark.django_db
def test_a_page_with_errors_is_explained_in_finnish(client, administrator_user):
    client.force_login(administrator_user)
    home = HomePage.objects.first()
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["intranet", "standardpage", home.pk]),
        {"title": "", "slug": "", "intro": "", "body-count": "0"},
    )
    assert response.status_code == 200
    assert "Sivua ei voitu luoda, koska lomakkeessa on virheitä." in response.content.decode()


@override_settings(WAGTAILADMIN_BASE_URL="https://taimi.keha.example")
@pytest.mark.django_db
def test_the_workflow_e_mail_is_in_finnish_and_links_to_the_site():
    page = HomePage.objects.first()
    context = {
        "page": page,
        "task": SimpleNamespace(name="Viestinnän tarkistus", id=1),
        "user": SimpleNamespace(get_short_name=lambda: "Liisa", get_username=lambda: "henkilo"),
    }
    with override("fi"):
        body = render_to_string("wagtailadmin/notifications/task_state_submitted.txt", context)
    assert 'on lähetetty hyväksyttäväksi tarkistusvaiheeseen "Viestinnän tarkistus"' in body
    assert f"https://taimi.keha.example/admin/pages/{page.pk}/edit/" in body
    assert ":8000" not in body


@pytest.fixture
def swedish_home(db):
    from wagtail.models import Locale

    from intranet.models import StandardPage

    home = HomePage.objects.first()
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    if home.get_translation_or_none(swedish) is None:
        home_sv = home.copy_for_translation(swedish)
        home_sv.title = home_sv.draft_title = "Startsida"
        home_sv.save_revision().publish()
    translated = home.add_child(
        instance=StandardPage(
            title="Monipaikkainen työ", slug="monipaikkainen-tyo", intro="Työ ei ole paikka."
        )
    )
    translated.save_revision().publish()
    swedish_version = translated.copy_for_translation(swedish)
    swedish_version.title = swedish_version.draft_title = "Arbete på många orter"
    swedish_version.intro = "Arbete är inte en plats."
    swedish_version.save_revision().publish()
    finnish_only = home.add_child(
        instance=StandardPage(
            title="Viestinnän työnjako",
            slug="viestinnan-tyonjako",
            intro="Valtakunnallinen viestintä kerran.",
        )
    )
    finnish_only.save_revision().publish()
    return home


def _cards(html: str) -> list[str]:
    import re

    section = html.split('id="sections-heading"', 1)[1].split("</section>", 1)[0]
    return [re.sub(r"<[^>]+>", "", card).strip() for card in re.findall(r"<h3>(.*?)</h3>", section)]


@pytest.mark.django_db
def test_the_swedish_home_page_shows_every_card_in_swedish_where_there_is_a_version(
    client, staff_user, swedish_home
):
    """Before, the Swedish home page listed only the sections that had a Swedish version (one of four)."""
    client.force_login(staff_user)
    client.cookies["django_language"] = "sv"
    html = client.get("/").content.decode()
    cards = _cards(html)
    # A section with no Swedish version is a card too, in Finnish.
    assert "Arbete på många orter" in cards and "Viestinnän työnjako" in cards
    assert "Monipaikkainen työ" not in cards and "Ohjeet" not in cards and "Anvisningar" in cards
    assert "Arbete är inte en plats." in html and "Työ ei ole paikka." not in html


@pytest.mark.django_db
def test_the_english_interface_names_sections_in_english(client, staff_user, swedish_home):
    client.force_login(staff_user)
    client.cookies["django_language"] = "en"
    html = client.get("/").content.decode()
    assert "<h1>Home</h1>" in html and "<title>Home – Taimi</title>" in html
    assert "Instructions" in _cards(html) and "Ohjeet" not in _cards(html)
    client.cookies["django_language"] = "fi"
    html = client.get("/").content.decode()
    assert f"<h1>{swedish_home.title}</h1>" in html
    assert {"Ohjeet", "Monipaikkainen työ", "Viestinnän työnjako"} <= set(_cards(html))
