"""Fixtures for the instruction library: the section, topics, users of each agency kind, and a maker."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from core import roles
from instructions.models import InstructionLibraryPage, InstructionPage, ProcessArea, Topic
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
        "municipal_pilot": AgencyFactory(
            slug="kuntakokeilu-vaasa",
            name_fi="Vaasan seudun työllisyyden kuntakokeilu",
            kind="municipal_pilot",
        ),
    }
    units = {
        "payments": UnitFactory(slug="maksatusyksikko", name_fi="Maksatusyksikkö", agency=keha),
        "hr": UnitFactory(slug="henkilosto", name_fi="Henkilöstö- ja lakipalvelut", agency=keha),
    }
    readers = {
        kind: _reader(f"lukija-{kind}".replace("_", "-"), agency, groups=[roles.STAFF])
        for kind, agency in agencies.items()
    }
    owners = {
        "payments": _reader("omistaja-maksatus", keha, units["payments"], [roles.INSTRUCTION_OWNERS]),
        "hr": _reader("omistaja-hr", keha, units["hr"], [roles.INSTRUCTION_OWNERS]),
    }
    topic = Topic.objects.create(slug="palkkatuki", name_fi="Palkkatuki", name_sv="Lönesubvention")
    other = Topic.objects.create(slug="matkustaminen", name_fi="Matkustaminen", name_sv="Resor")
    area = ProcessArea.objects.create(slug="maksatus", name_fi="Maksatus", name_sv="Utbetalning")
    return Library(index, topic, other, area, units, agencies, readers, owners)


def make_instruction(
    library,
    *,
    title,
    audience=(),
    unit="payments",
    topic=None,
    body=None,
    publish=True,
    review_in_days=200,
    valid_until=None,
    slug=None,
    **fields,
) -> InstructionPage:
    """Create (and publish) an instruction the way the admin does: add_child, revision, publish."""
    page = InstructionPage(
        title=title,
        slug=slug or title.lower().replace(" ", "-")[:50],
        lead=f"{title}: mitä teet ja miksi.",
        topic=topic or library.topic,
        owner_unit=library.units[unit],
        next_review_date=timezone.localdate() + datetime.timedelta(days=review_in_days),
        valid_until=valid_until,
        live=publish,
        body=body
        if body is not None
        else [("heading", "Aluksi"), ("paragraph", "<p>Tarkista työnhakijan tiedot.</p>")],
        **{f"audience_{kind}": True for kind in audience},
        **fields,
    )
    library.index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def make_document(title="Palkkatuen maksatushakemus.pdf", content=b"%PDF-1.4 demo"):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title=title)
    document.file.save(title.replace(" ", "_"), ContentFile(content), save=False)
    document.save()
    return document


def edit_form_data(page, *, publish=True, **overrides) -> dict:
    """What the admin's edit form posts for an instruction, with ``overrides`` applied."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = {
        "title": page.title,
        "slug": page.slug,
        "lead": page.lead,
        "body": streamfield([("heading", "Aluksi"), ("paragraph", rich_text("<p>Tarkista tiedot.</p>"))]),
        "kind": page.kind,
        "topic": page.topic_id,
        "process_area": page.process_area_id or "",
        "owner_unit": page.owner_unit_id,
        "next_review_date": page.next_review_date.isoformat(),
        "review_interval_months": page.review_interval_months,
        "valid_from": "",
        "valid_until": "",
        "comments": inline_formset([]),
        "change_note": "",
    }
    for kind in ("keha", "ely", "te", "municipal_pilot"):
        if getattr(page, f"audience_{kind}"):
            data[f"audience_{kind}"] = "on"
    data.update(overrides)
    data = nested_form_data(data)
    if publish:
        data["action-publish"] = "action-publish"
    return data
