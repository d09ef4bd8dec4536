"""Fixtures of every test package (a plugin of tests/conftest.py): a small organisation with known names,
one user per role, and the check that every frame an app publishes matches its declared schema."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group

from core import roles
from tests.factories import (
    AgencyFactory,
    LocationFactory,
    MembershipFactory,
    PersonFactory,
    TeamFactory,
    UnitFactory,
    UserFactory,
)

# --- The organisation -------------------------------------------------------


@dataclass
class Organisation:
    keha: object
    ely: object
    payments: object
    ict: object
    vaasa: object
    mikkeli: object
    salla: object
    payroll_team: object
    taimi_team: object
    people: dict


@pytest.fixture(autouse=True)
def _frames_match_their_schemas(monkeypatch):
    """Every frame an app publishes matches the schema it declared (realtime.frames, Zulip style)."""
    import json

    from realtime import actions, frames

    publish, publish_text = actions.publish, actions.publish_text

    def checked(topics, frame):
        frames.check(frame)
        publish(topics, frame)

    def checked_text(topic, text):
        frames.check(json.loads(text))
        publish_text(topic, text)

    monkeypatch.setattr(actions, "publish", checked)
    monkeypatch.setattr(actions, "publish_text", checked_text)


@pytest.fixture
def org(db):
    """A small organisation: 2 agencies, 2 units, 3 towns, 2 teams, 6 people with known names."""
    keha = AgencyFactory(slug="keha-keskus", name_fi="KEHA-keskus", kind="keha", region="national")
    ely = AgencyFactory(
        slug="ely-pohjanmaa", name_fi="Pohjanmaan ELY-keskus", name_sv="NTM-centralen i Österbotten"
    )
    payments = UnitFactory(
        slug="maksatus",
        name_fi="Maksatusyksikkö",
        name_sv="Utbetalningsenheten",
        name_en="Payments Unit",
        agency=keha,
    )
    ict = UnitFactory(
        slug="tivi",
        name_fi="Tietohallinto ja viestintä",
        name_sv="Dataförvaltning och kommunikation",
        name_en="ICT and Communications",
        agency=keha,
    )
    vaasa = LocationFactory(slug="vaasa", name_fi="Vaasa", name_sv="Vasa")
    mikkeli = LocationFactory(slug="mikkeli", name_fi="Mikkeli", name_sv="S:t Michel")
    salla = LocationFactory(slug="salla", name_fi="Salla", region="lappi")
    payroll = TeamFactory(slug="palkkatuki", name="Maksatus – palkkatukitiimi", unit=payments)
    taimi = TeamFactory(slug="taimi-toimitus", name="Taimi-toimitus", unit=ict)

    def person(username, first, last, unit, location, title, expertise=(), agency=keha):
        user = UserFactory(username=username, first_name=first, last_name=last)
        return PersonFactory(
            user=user,
            agency=agency,
            unit=unit,
            home_location=location,
            title=title,
            expertise=list(expertise),
        )

    people = {
        "aino": person(
            "aino.virtanen",
            "Aino",
            "Virtanen",
            payments,
            vaasa,
            "Maksatusasiantuntija",
            ["palkkatuki", "takaisinperintä"],
        ),
        "matti": person("matti.aijala", "Matti", "Äijälä", payments, vaasa, "Tarkastaja", ["EU-tuet"]),
        "sanna": person(
            "sanna.lehtola",
            "Sanna",
            "Lehtola",
            ict,
            mikkeli,
            "Viestinnän asiantuntija",
            ["sisäinen viestintä", "saavutettavuus"],
        ),
        "erik": person(
            "erik.sjoberg", "Erik", "Sjöberg", ict, salla, "Tietoturva-asiantuntija", ["tietoturva"]
        ),
        "liisa": person(
            "liisa.makela",
            "Liisa",
            "Mäkelä",
            None,
            vaasa,
            "Viestintäsuunnittelija",
            ["alueellinen viestintä"],
            agency=ely,
        ),
        "pekka": person(
            "pekka.ohman", "Pekka", "Öhman", payments, mikkeli, "Maksatuspäällikkö", ["palkkatuki"]
        ),
    }
    MembershipFactory(team=payroll, person=people["pekka"], role="lead")
    MembershipFactory(team=payroll, person=people["aino"])
    MembershipFactory(team=payroll, person=people["matti"])
    MembershipFactory(team=taimi, person=people["sanna"], role="lead")
    people["aino"].manager = people["pekka"]
    people["aino"].save()
    return Organisation(keha, ely, payments, ict, vaasa, mikkeli, salla, payroll, taimi, people)


# --- One user per role ------------------------------------------------------


def _user_in(group_name: str, username: str, **person_fields):
    user = UserFactory(username=username, first_name=username.capitalize(), last_name="Testinen")
    user.groups.add(Group.objects.get(name=group_name))
    PersonFactory(user=user, **person_fields)
    return user


@pytest.fixture
def staff_user(db):
    return _user_in(roles.STAFF, "staff")


@pytest.fixture
def communication_user(db):
    return _user_in(roles.COMMUNICATION, "viestinta")


@pytest.fixture
def communication_approver_user(db):
    """A communication-unit approver: publishes national news (and approves it in the workflow)."""
    user = _user_in(roles.COMMUNICATION, "hyvaksyja")
    user.groups.add(Group.objects.get(name=roles.COMMUNICATION_APPROVERS))
    return user


@pytest.fixture
def instruction_owner_user(db):
    return _user_in(roles.INSTRUCTION_OWNERS, "ohjeet")


@pytest.fixture
def administrator_user(db):
    """An administrator by group membership only (not a Django superuser)."""
    return _user_in(roles.ADMINISTRATORS, "yllapito")


@pytest.fixture
def regional_editor_user(db):
    agency = AgencyFactory(
        slug="ely-lappi", name_fi="Lapin ELY-keskus", short_name="Lapin ELY", region="lappi"
    )
    group = roles.ensure_regional_editor_group(agency=agency)
    user = UserFactory(username="toimittaja", first_name="Toimi", last_name="Alueellinen")
    user.groups.add(group)
    PersonFactory(user=user, agency=agency)
    return user


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client
