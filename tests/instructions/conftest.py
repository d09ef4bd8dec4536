"""Fixtures for the instruction library: the section, topics, users of each agency kind, and a maker."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from intranet import roles
from intranet.instructions.models import InstructionLibraryPage, InstructionPage, ProcessArea, Topic
from tests.factories import AgencyFactory, PersonFactory, UnitFactory, UserFactory


@dataclass
class Library:
    index: object
    topic: object
    other_topic: object
    area: object
    units: dict
    agencies: dict
    readers: dict  # agency kind -> user
    owners: dict  # unit key -> user


def _reader(username, agency, unit=None, groups=()):
    user = UserFactory(username=username, first_name=username.capitalize(), last_name="Lukija")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    PersonFactory(user=user, agency=agency, unit=unit)
    return user


@pytest.fixture
def library(db):
    index = InstructionLibraryPage.objects.get(locale__language_code="fi")
    keha = AgencyFactory(slug="keha-keskus", name_fi="KEHA-keskus", kind="keha", region="national")
    agencies = {
        "keha": keha,
        "ely": AgencyFactory(slug="ely-pohjanmaa", name_fi="Pohjanmaan ELY-keskus", kind="ely"),
        "te": AgencyFactory(slug="te-pohjanmaa", name_fi="Pohjanmaan TE-toimisto", kind="te"),
        "municipal_pilot": AgencyFactory(slug="kuntakokeilu-vaasa", name_fi="Vaasan seudun työllisyyden kuntakokeilu",
                                         kind="municipal_pilot"),
    }
    units = {
        "payments": UnitFactory(slug="maksatusyksikko", name_fi="Maksatusyksikkö", agency=keha),
        "hr": UnitFactory(slug="henkilosto", name_fi="Henkilöstö- ja lakipalvelut", agency=keha),
    }
    readers = {kind: _reader(f"lukija-{kind}".replace("_", "-"), agency, groups=[roles.STAFF])
               for kind, agency in agencies.items()}
    owners = {
        "payments": _reader("omistaja-maksatus", keha, units["payments"], [roles.INSTRUCTION_OWNERS]),
        "hr": _reader("omistaja-hr", keha, units["hr"], [roles.INSTRUCTION_OWNERS]),
    }
    topic = Topic.objects.create(slug="palkkatuki", name_fi="Palkkatuki", name_sv="Lönesubvention")
    other = Topic.objects.create(slug="matkustaminen", name_fi="Matkustaminen", name_sv="Resor")
    area = ProcessArea.objects.create(slug="maksatus", name_fi="Maksatus", name_sv="Utbetalning")
    return Library(index, topic, other, area, units, agencies, readers, owners)


def make_instruction(library, *, title, audience=(), unit="payments", topic=None, body=None, publish=True,
                     review_in_days=200, valid_until=None, slug=None, **fields) -> InstructionPage:
    """Create (and publish) an instruction the way the admin does: add_child, revision, publish."""
    page = InstructionPage(
        title=title, slug=slug or title.lower().replace(" ", "-")[:50],
        lead=f"{title}: mitä teet ja miksi.",
        topic=topic or library.topic, owner_unit=library.units[unit],
        next_review_date=timezone.localdate() + datetime.timedelta(days=review_in_days),
        valid_until=valid_until,
        body=body if body is not None else [("heading", "Aluksi"), ("paragraph", "<p>Tarkista työnhakijan tiedot.</p>")],
        **{f"audience_{kind}": True for kind in audience},
        **fields,
    )
    library.index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page
