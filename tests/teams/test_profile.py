"""Editing one's own profile: the form shows the expertise tags as they are, and saving keeps them exactly."""

import html
import re

import pytest
from django.urls import reverse
from taggit.utils import parse_tags

from tests.factories import PersonFactory, UserFactory

# Capitals, å/ä/ö, spaces and a hyphen: what Finnish and Swedish expertise looks like.
TAGS = ["EU-tuet", "Äänestys ja vaalit", "sisäinen viestintä", "Åländska ärenden"]


def expertise(person) -> list[str]:
    return sorted(person.expertise.names())


def expertise_field(response) -> str:
    """What the expertise text box holds in the page, as the browser would send it back."""
    tag = re.search(r'<input[^>]*name="expertise"[^>]*>', response.content.decode())
    value = re.search(r'value="([^"]*)"', tag.group())
    return html.unescape(value.group(1)) if value else ""


@pytest.fixture
def person(db):
    return PersonFactory(
        user=UserFactory(username="tagged"), phone="+358 40 111 2222", languages=["fi"], expertise=TAGS
    )


@pytest.fixture
def person_client(client, person):
    client.force_login(person.user)
    return client


@pytest.mark.django_db
class TestProfileForm:
    def test_page_opens_for_someone_with_expertise(self, person_client):
        response = person_client.get(reverse("teams:profile_edit"))
        assert response.status_code == 200
        # The field holds every tag, multi-word ones quoted so that they stay one tag.
        assert '"Äänestys ja vaalit"' in expertise_field(response)
        assert sorted(parse_tags(expertise_field(response))) == sorted(TAGS)

    def test_page_opens_for_someone_without_expertise(self, client, db):
        person = PersonFactory(user=UserFactory(username="untagged"))
        client.force_login(person.user)
        response = client.get(reverse("teams:profile_edit"))
        assert response.status_code == 200
        assert expertise_field(response) == ""

    def test_saving_the_form_unchanged_keeps_every_tag_exactly(self, person_client, person):
        page = person_client.get(reverse("teams:profile_edit"))
        response = person_client.post(
            reverse("teams:profile_edit"),
            {"phone": "+358 40 111 2222", "languages": ["fi"], "expertise": expertise_field(page)},
        )
        assert response.status_code == 302
        person.refresh_from_db()
        assert expertise(person) == sorted(TAGS)
        assert person.phone == "+358 40 111 2222" and person.languages == ["fi"]

    def test_adding_and_removing_tags_keeps_the_rest_exactly(self, person_client, person):
        response = person_client.post(
            reverse("teams:profile_edit"),
            {"phone": "", "expertise": '"Äänestys ja vaalit", EU-tuet, "sisäinen viestintä", Wagtail'},
        )
        assert response.status_code == 302
        assert expertise(person) == sorted(["EU-tuet", "Äänestys ja vaalit", "sisäinen viestintä", "Wagtail"])

    def test_unquoted_multi_word_tags_separated_by_commas(self, person_client, person):
        person_client.post(
            reverse("teams:profile_edit"), {"expertise": "Äänestys ja vaalit, sisäinen viestintä"}
        )
        assert expertise(person) == sorted(["Äänestys ja vaalit", "sisäinen viestintä"])

    def test_tags_shared_with_someone_else_keep_their_spelling(self, person_client, person, db):
        other = PersonFactory(expertise=["EU-tuet"])
        person_client.post(reverse("teams:profile_edit"), {"expertise": "EU-tuet, Äänestys ja vaalit"})
        assert expertise(person) == ["EU-tuet", "Äänestys ja vaalit"]
        assert expertise(other) == ["EU-tuet"]

    def test_clearing_the_field_removes_every_tag(self, person_client, person):
        person_client.post(reverse("teams:profile_edit"), {"expertise": ""})
        assert expertise(person) == []

    def test_profile_page_shows_the_saved_tags(self, person_client, person):
        person_client.post(reverse("teams:profile_edit"), {"expertise": '"Äänestys ja vaalit", EU-tuet'})
        page = person_client.get(reverse("teams:person", args=["tagged"])).content.decode()
        assert "Äänestys ja vaalit" in page and "EU-tuet" in page
