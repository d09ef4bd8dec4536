"""The directory's cached person cards and filter form (teams.cards) follow every change a reader would notice."""

import re

import pytest
from django.urls import reverse

from presence import worklocation
from tests.factories import LocationFactory, TeamFactory, UnitFactory

URL = "/ihmiset/"


def card_of(html: str, name: str) -> str:
    """The card (<li class="card person-card">…</li>) with ``name`` in it."""
    for card in re.findall(
        r'<li class="card person-card">.*?</li>\s*(?=<li class="card person-card">|</ul>)', html, re.S
    ):
        if name in card:
            return card
    raise AssertionError(f"no card for {name}")


def directory(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
class TestCardsFollowChanges:
    def test_title_unit_and_location_names(self, staff_client, org):
        assert "Maksatusasiantuntija" in card_of(directory(staff_client), "Aino Virtanen")
        aino = org.people["aino"]
        aino.title = "Johtava asiantuntija"
        aino.save()
        assert "Johtava asiantuntija" in card_of(directory(staff_client), "Aino Virtanen")
        org.payments.name_fi = "Maksuyksikkö"
        org.payments.save()
        assert "Maksuyksikkö" in card_of(directory(staff_client), "Aino Virtanen")
        org.vaasa.name_fi = "Vaasan toimipiste"
        org.vaasa.save()
        assert "Vaasan toimipiste" in card_of(directory(staff_client), "Aino Virtanen")

    def test_name_and_expertise(self, staff_client, org):
        directory(staff_client)
        user = org.people["matti"].user
        user.first_name = "Mathias"
        user.save()
        assert "Mathias Äijälä" in directory(staff_client)
        org.people["matti"].expertise.add("hankinnat")
        assert "hankinnat" in card_of(directory(staff_client), "Mathias Äijälä")
        org.people["matti"].expertise.remove("hankinnat")
        assert "hankinnat" not in card_of(directory(staff_client), "Mathias Äijälä")

    def test_work_location_today_is_live(self, staff_client, org):
        assert "Remote" not in card_of(directory(staff_client), "Sanna Lehtola")
        worklocation.set_today(person=org.people["sanna"], kind="remote")
        staff_client.cookies["django_language"] = "en"
        assert 'class="where"' in card_of(directory(staff_client), "Sanna Lehtola")

    def test_language_is_part_of_the_card(self, staff_client, org):
        assert "Maksatusyksikkö" in card_of(directory(staff_client), "Aino Virtanen")
        response = staff_client.post(reverse("set_language"), {"language": "sv", "next": URL})
        assert response.status_code == 302
        assert "Utbetalningsenheten" in card_of(directory(staff_client), "Aino Virtanen")

    def test_message_button_has_this_requests_csrf_token_and_not_on_own_card(
        self, staff_client, staff_user, org
    ):
        html = directory(staff_client)
        assert 'name="csrfmiddlewaretoken"' in card_of(html, "Aino Virtanen")
        assert "<!--slot:" not in html
        own = card_of(html, staff_user.get_full_name())
        assert "message-action" not in own
        response = staff_client.post(reverse("chat:direct", args=[org.people["aino"].user.username]))
        assert response.status_code in (302, 303)


@pytest.mark.django_db
class TestFilterFormFollowsChanges:
    def test_new_choices_show(self, staff_client, org):
        html = directory(staff_client)
        assert "Kajaani" not in html and "Hankintatiimi" not in html and "Uusi yksikkö" not in html
        LocationFactory(slug="kajaani", name_fi="Kajaani")
        TeamFactory(slug="hankinnat", name="Hankintatiimi", unit=org.payments)
        UnitFactory(slug="uusi", name_fi="Uusi yksikkö", agency=org.keha)
        html = directory(staff_client)
        assert "Kajaani" in html and "Hankintatiimi" in html and "Uusi yksikkö" in html

    def test_bound_form_keeps_the_choice(self, staff_client, org):
        directory(staff_client)
        html = staff_client.get(URL, {"location": "vaasa"}).content.decode()
        assert re.search(r'<option value="vaasa" selected>', html)
