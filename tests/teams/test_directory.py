"""The people directory, profile, team and location pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MembershipFactory, PersonFactory, UserFactory


def names(response):
    return sorted(person.user.username for person in response.context["page"].object_list)


@pytest.mark.django_db
class TestDirectorySearch:
    def test_without_filters_lists_everyone_sorted_by_last_name(self, staff_client, org):
        response = staff_client.get(reverse("teams:directory"))
        people = [p.user.last_name for p in response.context["page"].object_list]
        # Ä and Ö come after Z, as in the Finnish alphabet.
        assert people == ["Lehtola", "Mäkelä", "Sjöberg", "Testinen", "Virtanen", "Äijälä", "Öhman"]

    def test_search_by_last_name(self, staff_client, org):
        response = staff_client.get(reverse("teams:directory"), {"q": "virtanen"})
        assert names(response) == ["aino.virtanen"]
        assert "Aino Virtanen" in response.content.decode()

    def test_search_folds_case_of_finnish_letters(self, staff_client, org):
        assert names(staff_client.get(reverse("teams:directory"), {"q": "äijälä"})) == ["matti.aijala"]
        assert names(staff_client.get(reverse("teams:directory"), {"q": "ÖHMAN"})) == ["pekka.ohman"]

    @pytest.mark.parametrize(
        ("text", "username"),
        [
            ("makela", "liisa.makela"),
            ("sjoberg", "erik.sjoberg"),
            ("OHMAN", "pekka.ohman"),
            ("aijala", "matti.aijala"),
            ("liisa makela", "liisa.makela"),
        ],
    )
    def test_search_ignores_diacritics(self, staff_client, org, text, username):
        """Typed on a foreign keyboard or a phone: "makela" is Mäkelä (issue 22)."""
        assert names(staff_client.get(reverse("teams:directory"), {"q": text})) == [username]

    def test_best_name_match_comes_first(self, staff_client, org):
        """A whole last name, then a name starting with the word, then a title or expertise match."""
        PersonFactory(
            user=UserFactory(username="a.makelainen", first_name="Aarne", last_name="Mäkeläinen"),
            agency=org.keha,
        )
        aalto = UserFactory(username="b.aalto", first_name="Bea", last_name="Aalto")
        PersonFactory(user=aalto, agency=org.keha, title="Mäkelä-projektin sihteeri")
        response = staff_client.get(reverse("teams:directory"), {"q": "makela"})
        order = [p.user.username for p in response.context["page"].object_list]
        assert order == ["liisa.makela", "a.makelainen", "b.aalto"]

    def test_search_by_expertise(self, staff_client, org):
        response = staff_client.get(reverse("teams:directory"), {"q": "palkkatuki"})
        assert names(response) == ["aino.virtanen", "pekka.ohman"]

    def test_every_word_must_match(self, staff_client, org):
        assert names(staff_client.get(reverse("teams:directory"), {"q": "aino palkkatuki"})) == [
            "aino.virtanen"
        ]
        assert names(staff_client.get(reverse("teams:directory"), {"q": "aino tietoturva"})) == []

    def test_search_by_title(self, staff_client, org):
        assert names(staff_client.get(reverse("teams:directory"), {"q": "tarkastaja"})) == ["matti.aijala"]

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"unit": "tivi"}, ["erik.sjoberg", "sanna.lehtola"]),
            ({"agency": "ely-pohjanmaa"}, ["liisa.makela"]),
            ({"location": "vaasa"}, ["aino.virtanen", "liisa.makela", "matti.aijala"]),
            ({"team": "palkkatuki"}, ["aino.virtanen", "matti.aijala", "pekka.ohman"]),
            ({"location": "vaasa", "unit": "maksatus"}, ["aino.virtanen", "matti.aijala"]),
            ({"q": "palkkatuki", "location": "mikkeli"}, ["pekka.ohman"]),
        ],
    )
    def test_filters(self, staff_client, org, params, expected):
        assert names(staff_client.get(reverse("teams:directory"), params)) == expected

    def test_unknown_filter_value_is_a_form_error_not_a_crash(self, staff_client, org):
        response = staff_client.get(reverse("teams:directory"), {"unit": "no-such-unit", "q": "virtanen"})
        assert response.status_code == 200
        assert response.context["form"].errors["unit"]
        assert names(response) == ["aino.virtanen"]  # the valid part of the query still applies

    def test_inactive_people_are_not_listed(self, staff_client, org):
        org.people["aino"].user.is_active = False
        org.people["aino"].user.save()
        assert names(staff_client.get(reverse("teams:directory"), {"q": "virtanen"})) == []

    def test_very_long_query_is_handled(self, staff_client, org):
        response = staff_client.get(reverse("teams:directory"), {"q": "a" * 5000})
        assert response.status_code == 200

    def test_pagination(self, staff_client, org):
        for index in range(60):
            PersonFactory(user=UserFactory(username=f"extra{index}", last_name=f"Zeta{index:02d}"))
        first = staff_client.get(reverse("teams:directory"))
        second = staff_client.get(reverse("teams:directory"), {"page": 2})
        assert len(first.context["page"].object_list) == 48
        assert len(second.context["page"].object_list) == 67 - 48  # 6 + 60 + the staff user
        assert 'rel="next"' in first.content.decode()


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _grow(org, count):
    """Add `count` people in Vaasa, in the payroll team, reporting to Pekka, with expertise."""
    for index in range(count):
        person = PersonFactory(
            user=UserFactory(username=f"grow{index}-{count}"),
            agency=org.keha,
            unit=org.payments,
            home_location=org.vaasa,
            manager=org.people["pekka"],
            expertise=["palkkatuki", f"aihe{index}"],
        )
        MembershipFactory(team=org.payroll_team, person=person)


@pytest.mark.django_db
class TestQueryCounts:
    """Page query counts must not grow with the number of people."""

    @pytest.mark.parametrize(
        "url",
        [
            "/ihmiset/",
            "/ihmiset/?q=palkkatuki&location=vaasa",
            "/ihmiset/pekka.ohman/",
            "/tiimit/",
            "/tiimit/palkkatuki/",
            "/toimipaikat/",
            "/toimipaikat/vaasa/",
            "/haku/?q=palkkatuki",
            "/",
        ],
    )
    def test_bounded(self, staff_client, org, url):
        _grow(org, 3)
        staff_client.get(url)  # warm per-process caches (content types, search backend)
        small = _queries(staff_client, url)
        _grow(org, 30)
        # New people renew the home page's cached figures (intranet.home): compare repeat visits, both
        # cached, and the first visits after a change, both rendered afresh.
        fresh = _queries(staff_client, url)
        large = _queries(staff_client, url)
        assert large == small, f"{url}: {small} queries with few people, {large} with more"
        _grow(org, 4)
        assert _queries(staff_client, url) == fresh, f"{url}: first visit after a change grew with people"


@pytest.mark.django_db
class TestPages:
    def test_profile_shows_what_colleagues_need(self, staff_client, org):
        aino = org.people["aino"]
        aino.phone = "+358 29 000 1234"
        aino.languages = ["fi", "sv"]
        aino.save()
        html = staff_client.get(reverse("teams:person", args=["aino.virtanen"])).content.decode()
        for text in [
            "Aino Virtanen",
            "Maksatusasiantuntija",
            "Maksatusyksikkö",
            "Vaasa",
            "+358 29 000 1234",
            "aino.virtanen@keha.example",
            "palkkatuki",
            "Pekka Öhman",
            "Maksatus – palkkatukitiimi",
        ]:
            assert text in html, text

    def test_manager_profile_lists_direct_reports(self, staff_client, org):
        html = staff_client.get(reverse("teams:person", args=["pekka.ohman"])).content.decode()
        assert "Aino Virtanen" in html

    def test_unknown_person_is_404(self, staff_client, org):
        assert staff_client.get(reverse("teams:person", args=["nobody"])).status_code == 404

    def test_team_page_lists_members_lead_first(self, staff_client, org):
        response = staff_client.get(reverse("teams:team", args=["palkkatuki"]))
        members = [m.person.user.username for m in response.context["team"].memberships.all()]
        assert members[0] == "pekka.ohman"
        assert set(members) == {"pekka.ohman", "aino.virtanen", "matti.aijala"}

    def test_location_page_lists_who_works_there(self, staff_client, org):
        response = staff_client.get(reverse("teams:location", args=["salla"]))
        assert names(response) == ["erik.sjoberg"]
        assert "Salla" in response.content.decode()

    def test_location_list_counts_people(self, staff_client, org):
        response = staff_client.get(reverse("teams:location_list"))
        counts = {location.slug: location.people_count for location in response.context["locations"]}
        assert counts["vaasa"] == 3 and counts["salla"] == 1

    def test_swedish_names_in_swedish_ui(self, staff_client, org):
        staff_client.cookies["django_language"] = "sv"
        html = staff_client.get(reverse("teams:person", args=["aino.virtanen"])).content.decode()
        assert "Utbetalningsenheten" in html and "Vasa" in html
        assert '<html lang="sv">' in html


@pytest.mark.django_db
class TestOwnProfile:
    def test_edit_contact_details_and_expertise(self, client, org):
        client.force_login(org.people["sanna"].user)
        response = client.post(
            reverse("teams:profile_edit"),
            {"phone": "+358 40 123 4567", "languages": ["fi", "en"], "expertise": "viestintä, Wagtail"},
        )
        assert response.status_code == 302
        sanna = org.people["sanna"]
        sanna.refresh_from_db()
        assert sanna.phone == "+358 40 123 4567"
        assert sanna.languages == ["fi", "en"]
        assert set(sanna.expertise.names()) >= {"viestintä", "Wagtail"}

    def test_bad_phone_is_an_error_and_nothing_changes(self, client, org):
        client.force_login(org.people["sanna"].user)
        response = client.post(reverse("teams:profile_edit"), {"phone": "call me maybe", "expertise": "x"})
        assert response.status_code == 200
        assert response.context["form"].errors["phone"]
        org.people["sanna"].refresh_from_db()
        assert org.people["sanna"].phone == ""

    def test_user_without_profile_gets_a_clear_404(self, client, db):
        client.force_login(UserFactory(username="noprofile"))
        assert client.get(reverse("teams:profile_edit")).status_code == 404
