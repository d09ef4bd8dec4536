"""The demo-data command: the right organisation, and a second run changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page

from core import roles
from teams.models import Agency, ExpertiseTag, Location, Person, TaggedExpertise, Team, TeamMembership, Unit

MODELS = [Agency, Unit, Location, Team, TeamMembership, Person, ExpertiseTag, TaggedExpertise, Group, Page]


def snapshot():
    return {
        "counts": {model.__name__: model.objects.count() for model in MODELS},
        "people": list(
            Person.objects.order_by("user__username").values_list(
                "user__username", "title", "unit__slug", "home_location__slug", "manager__user__username"
            )
        ),
        "memberships": sorted(
            TeamMembership.objects.values_list("team__slug", "person__user__username", "role")
        ),
        "groups": sorted(
            get_user_model().objects.values_list("username", "groups__name").exclude(groups__name=None)
        ),
    }


@pytest.fixture
def demo(demo_loaded, db):
    """The demo data (loaded once for this module) and the command's output."""
    return demo_loaded


@pytest.mark.django_db
class TestDemoData:
    def test_counts(self, demo):
        assert Location.objects.count() == 34
        assert Unit.objects.count() == 8
        assert Agency.objects.count() >= 31
        assert Agency.objects.filter(kind="ely").count() == 15
        assert Agency.objects.filter(kind="te").count() == 15
        assert Person.objects.count() == 550
        assert 25 <= Team.objects.count() <= 40

    def test_towns_from_the_documents_are_there(self, demo):
        names = set(Location.objects.values_list("name_fi", flat=True))
        assert {
            "Kantvik",
            "Salla",
            "Vaasa",
            "Lahti",
            "Lappeenranta",
            "Pori",
            "Joensuu",
            "Seinäjoki",
            "Mikkeli",
            "Helsinki",
        } <= names

    def test_units_have_three_languages(self, demo):
        unit = Unit.objects.get(slug="maksatusyksikko")
        assert (unit.name_fi, unit.name_sv, unit.name_en) == (
            "Maksatusyksikkö",
            "Utbetalningsenheten",
            "Payments Unit",
        )

    def test_no_real_officials_from_the_documents(self, demo):
        real = {"Heikkilä", "Hyyryläinen", "Korhonen", "Nieminen", "Pihlman"}
        assert not Person.objects.filter(user__last_name__in=real).exists()

    def test_finnish_and_swedish_names(self, demo):
        last_names = set(Person.objects.values_list("user__last_name", flat=True))
        assert {"Virtanen", "Mäkinen"} & last_names and {"Lindqvist", "Sjöberg", "Åström"} & last_names

    def test_everyone_at_keha_has_a_team_or_a_manager(self, demo):
        keha = Person.objects.filter(agency__slug="keha-keskus")
        assert keha.filter(manager__isnull=True).count() == 1  # the director
        assert not keha.filter(memberships__isnull=True, manager__isnull=True).exists()

    def test_prints_the_logins(self, demo):
        for username in ["paakayttaja", "viestinta", "toimittaja", "henkilo"]:
            assert username in demo
        assert "Taimi-demo-2026" in demo

    def test_demo_logins_have_their_roles(self, demo, client):
        User = get_user_model()
        assert User.objects.get(username="paakayttaja").is_superuser
        assert User.objects.filter(username="viestinta", groups__name=roles.COMMUNICATION).exists()
        assert (
            User.objects.get(username="toimittaja")
            .groups.filter(editing_agency__slug="ely-pohjanmaa")
            .exists()
        )
        assert User.objects.get(username="henkilo").groups.filter(name=roles.STAFF).exists()
        response = client.post("/kirjaudu/", {"username": "henkilo", "password": "Taimi-demo-2026"})
        assert response.status_code == 302 and response["Location"] == "/"

    def test_content_pages_exist(self, demo):
        titles = set(Page.objects.live().values_list("title", flat=True))
        assert {"Etusivu", "Tietoa KEHA-keskuksesta", "Monipaikkainen työ"} <= titles

    def test_second_run_changes_nothing(self, demo):
        before = snapshot()
        out = io.StringIO()
        call_command("demo_data", stdout=out)
        assert snapshot() == before
        assert "nothing (already loaded)" in out.getvalue()

    def test_home_page_shows_the_demo_organisation(self, demo, client):
        client.force_login(get_user_model().objects.get(username="henkilo"))
        html = client.get("/").content.decode()
        assert "550" in html and "34" in html and "Maksatusyksikkö" in html
