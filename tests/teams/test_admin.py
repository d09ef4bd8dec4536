"""The organisation is editable in the Wagtail admin, with search and filters."""

import pytest

from teams.models import Agency, Location, Team, Unit


@pytest.fixture
def admin_client(client, administrator_user, org):
    client.force_login(administrator_user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "query", "found", "not_found"),
    [
        ("person", "Sjöberg", "Erik Sjöberg", "Aino Virtanen"),
        ("team", "palkkatuki", "Maksatus – palkkatukitiimi", "Taimi-toimitus"),
        ("unit", "Utbetalning", "Maksatusyksikkö", "Tietohallinto ja viestintä"),
        ("agency", "Österbotten", "Pohjanmaan ELY-keskus", "Lapin ELY-keskus"),
        ("location", "Vasa", "Vaasa", "Mikkeli"),
    ],
)
def test_search_in_each_listing(admin_client, model, query, found, not_found):
    from tests.factories import AgencyFactory

    AgencyFactory(slug="ely-lappi", name_fi="Lapin ELY-keskus", name_sv="NTM-centralen i Lappland")
    response = admin_client.get(f"/admin/snippets/teams/{model}/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert found in html and not_found not in html


@pytest.mark.django_db
def test_filters(admin_client, org):
    teams = admin_client.get("/admin/snippets/teams/team/", {"unit": org.ict.pk}).content.decode()
    assert "Taimi-toimitus" in teams and "palkkatukitiimi" not in teams
    agencies = admin_client.get("/admin/snippets/teams/agency/", {"kind": "keha"}).content.decode()
    assert "KEHA-keskus" in agencies and "Pohjanmaan ELY-keskus" not in agencies
    people = admin_client.get("/admin/snippets/teams/person/", {"unit": org.payments.pk}).content.decode()
    assert "Pekka Öhman" in people and "Sanna Lehtola" not in people


@pytest.mark.django_db
def test_create_a_location(admin_client):
    response = admin_client.post(
        "/admin/snippets/teams/location/add/",
        {"name_fi": "Inari", "name_sv": "Enare", "slug": "inari", "region": "lappi", "postal_code": "99870"},
    )
    assert response.status_code == 302
    assert Location.objects.get(slug="inari").name_sv == "Enare"


@pytest.mark.django_db
def test_invalid_postal_code_is_refused(admin_client):
    response = admin_client.post(
        "/admin/snippets/teams/location/add/",
        {"name_fi": "Inari", "slug": "inari", "region": "lappi", "postal_code": "99 87"},
    )
    assert response.status_code == 200
    assert "postal_code" in response.context["form"].errors
    assert not Location.objects.filter(slug="inari").exists()


@pytest.mark.django_db
def test_add_a_member_to_a_team_inline(admin_client, org):
    team = org.taimi_team
    erik = org.people["erik"]
    sanna_membership = team.memberships.get()
    response = admin_client.post(
        f"/admin/snippets/teams/team/edit/{team.pk}/",
        {
            "name": team.name,
            "slug": team.slug,
            "unit": org.ict.pk,
            "parent": "",
            "description": "",
            "memberships-TOTAL_FORMS": "2",
            "memberships-INITIAL_FORMS": "1",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-id": sanna_membership.pk,
            "memberships-0-person": sanna_membership.person_id,
            "memberships-0-role": "lead",
            "memberships-0-ORDER": "1",
            "memberships-0-DELETE": "",
            "memberships-1-id": "",
            "memberships-1-person": erik.pk,
            "memberships-1-role": "member",
            "memberships-1-ORDER": "2",
            "memberships-1-DELETE": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    assert set(Team.objects.get(pk=team.pk).people.values_list("user__username", flat=True)) == {
        "sanna.lehtola",
        "erik.sjoberg",
    }


@pytest.mark.django_db
def test_unit_and_agency_names_follow_the_language(org):
    from django.utils import translation

    with translation.override("sv"):
        assert str(Unit.objects.get(slug="maksatus")) == "Utbetalningsenheten"
        assert str(Agency.objects.get(slug="ely-pohjanmaa")) == "NTM-centralen i Österbotten"
    with translation.override("en"):
        assert str(Agency.objects.get(slug="keha-keskus")) == "KEHA-keskus"  # no English name: Finnish


@pytest.mark.django_db
def test_dashboard_charts_people_by_unit_and_location(admin_client, org):
    html = admin_client.get("/admin/").content.decode()
    assert 'id="organisation' in html
    assert "teams/admin/organisation.css" in html
    assert "gravatar.com" not in html  # no requests to outside services
    # Maksatusyksikkö has three people, the most of any unit: its bar is full width.
    assert (
        '<a href="/ihmiset/?unit=maksatus">Maksatusyksikkö</a><span class="track" aria-hidden="true">'
        '<span class="fill" style="width: 100%"></span></span><span class="value">3</span>' in html
    )
    assert '<a href="/toimipaikat/salla/">Salla</a>' in html


@pytest.mark.django_db
def test_new_client_agency_gets_a_regional_editor_group(admin_client):
    response = admin_client.post(
        "/admin/snippets/teams/agency/add/",
        {
            "name_fi": "Kainuun ELY-keskus",
            "short_name": "Kainuun ELY",
            "slug": "ely-kainuu",
            "kind": "ely",
            "region": "kainuu",
            "editor_group": "",
        },
    )
    assert response.status_code == 302
    agency = Agency.objects.get(slug="ely-kainuu")
    assert agency.editor_group.name == "Alueellinen toimittaja – Kainuun ELY"
    assert agency.editor_group.permissions.filter(codename="access_admin").exists()
