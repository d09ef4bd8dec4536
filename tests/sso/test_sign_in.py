"""Sign-in with a work account against the local provider (a real process): linking, claims, mapping."""

import pytest
from django.contrib.auth import SESSION_KEY

from core import roles
from sso.models import Identity
from teams.models import Person, TeamMembership
from tests.sso.fixtures import GROUP_IDS, KEHA_TENANT, PILOT_TENANT, sign_in

pytestmark = pytest.mark.django_db


def role_names(user):
    return set(user.groups.values_list("name", flat=True))


def test_first_sign_in_links_the_existing_person_by_email_and_applies_the_mapping(
    client, sso_on, liisa, mapping
):
    response, _browser = sign_in(client, sso_on, "henkilo", next_url="/ihmiset/")
    assert response.status_code == 302 and response["Location"] == "/ihmiset/"
    assert client.session[SESSION_KEY] == str(liisa.pk)
    identity = Identity.objects.get(user=liisa)
    assert identity.tenant_id == KEHA_TENANT and len(identity.object_id) == 36
    liisa.refresh_from_db()
    assert (liisa.first_name, liisa.last_name, liisa.email) == ("Liisa", "Mäkelä", "henkilo@keha.example")
    person = Person.objects.get(user=liisa)
    assert (person.agency, person.unit, person.title, person.phone) == (
        mapping.keha,
        mapping.payments,
        "Maksatusasiantuntija",
        "+358 29 502 1004",
    )
    assert TeamMembership.objects.filter(person=person, team=mapping.payroll_team).exists()
    assert role_names(liisa) == {roles.STAFF}
    assert client.get("/ihmiset/").status_code == 200


def test_second_sign_in_updates_the_claims_and_keys_on_oid_not_on_the_user_name(
    client, sso_on, liisa, mapping
):
    sign_in(client, sso_on, "henkilo")
    client.logout()
    # The UPN and e-mail change (a new surname): the same oid still finds the same user.
    sso_on.set_user(
        "henkilo",
        family_name="Mäkelä-Koski",
        jobTitle="Maksatuspäällikkö",
        preferred_username="liisa.makela-koski@keha.example",
        email="liisa.makela-koski@keha.example",
    )
    response, _ = sign_in(client, sso_on, "henkilo")
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(liisa.pk)
    liisa.refresh_from_db()
    assert (liisa.last_name, liisa.email) == ("Mäkelä-Koski", "liisa.makela-koski@keha.example")
    assert Person.objects.get(user=liisa).title == "Maksatuspäällikkö"
    assert Identity.objects.count() == 1


def test_a_group_grants_a_role_and_the_role_goes_with_the_group(client, sso_on, liisa, mapping):
    groups = [
        GROUP_IDS["KEHA-henkilosto"],
        GROUP_IDS["Taimi-Viestinta"],
        GROUP_IDS["KEHA-Tietohallinto-ja-viestinta"],
    ]
    sso_on.set_user("henkilo", groups=groups)
    sign_in(client, sso_on, "henkilo")
    assert role_names(liisa) == {roles.STAFF, roles.COMMUNICATION}
    person = Person.objects.get(user=liisa)
    assert person.unit == mapping.ict
    client.logout()
    sso_on.set_user("henkilo", groups=[GROUP_IDS["KEHA-henkilosto"]])
    sign_in(client, sso_on, "henkilo")
    assert role_names(liisa) == {roles.STAFF}
    person.refresh_from_db()
    assert person.unit is None  # units are mapped, and no group gives one now
    # A role given by hand is not kept either: the groups decide (docs/sso.md).
    assert not TeamMembership.objects.filter(person=person, team=mapping.payroll_team).exists()


def test_a_new_person_gets_a_user_and_a_profile_from_the_mapping(client, sso_on, mapping):
    response, _ = sign_in(client, sso_on, "paakayttaja")
    assert response.status_code == 302
    identity = Identity.objects.get(username="paakayttaja@keha.example")
    user = identity.user
    assert user.username == "paakayttaja" and not user.has_usable_password()
    assert role_names(user) == {roles.STAFF, roles.ADMINISTRATORS}
    assert Person.objects.get(user=user).agency == mapping.keha


def test_a_second_tenant_signs_in_with_its_own_mapping(client, sso_on, mapping):
    response, _ = sign_in(client, sso_on, "kuntakokeilu")
    assert response.status_code == 302
    identity = Identity.objects.get(tenant_id=PILOT_TENANT)
    assert Person.objects.get(user=identity.user).agency == mapping.pilot


def test_the_same_group_id_in_another_tenant_gives_nothing(client, sso_on, mapping):
    """A tenant-bound row applies only to its tenant: KEHA's people with that id get nothing from it."""
    sso_on.set_user("henkilo", groups=[GROUP_IDS["Kuntakokeilu-Vaasa-henkilosto"]])
    sign_in(client, sso_on, "henkilo")
    user = Identity.objects.get(tenant_id=KEHA_TENANT).user
    assert not Person.objects.filter(user=user).exists()


def test_group_overage_without_graph_grants_nothing_from_groups(client, sso_on, liisa, mapping):
    sso_on.set_user(
        "henkilo", overage=True, groups=[GROUP_IDS["Taimi-Viestinta"], GROUP_IDS["KEHA-henkilosto"]]
    )
    liisa.groups.add(*liisa.groups.model.objects.filter(name=roles.COMMUNICATION))
    sign_in(client, sso_on, "henkilo")
    identity = Identity.objects.get(user=liisa)
    assert (identity.groups, identity.groups_source) == ([], "none")
    assert role_names(liisa) == {roles.STAFF}


def test_group_overage_with_graph_reads_the_groups(client, sso_on, settings, liisa, mapping):
    settings.SSO_GRAPH_GROUPS = True
    sso_on.set_user(
        "henkilo", overage=True, groups=[GROUP_IDS["Taimi-Viestinta"], GROUP_IDS["KEHA-henkilosto"]]
    )
    sign_in(client, sso_on, "henkilo")
    identity = Identity.objects.get(user=liisa)
    assert identity.groups_source == "graph"
    assert role_names(liisa) == {roles.STAFF, roles.COMMUNICATION}
