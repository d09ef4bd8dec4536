"""The admin access walk's secrets, roles and walk (tests/intranet/test_admin_walk*.py, one file per group
of roles so that the xdist processes share them): a KEHA-only and a municipal-pilot instruction with
attachments, and an ELY supplement, each carrying a marker no role outside its audience may see.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from news.models import RegionalSupplement
from tests.factories import AgencyFactory
from tests.instructions.conftest import library, make_instruction  # noqa: F401 - the library fixture
from tests.intranet.admin_walk import Secrets, concrete_urls
from tests.news.conftest import publish_article

# Markers: plain ASCII, so they read the same in HTML, JSON and headers.
KEHA = ["ZQKEHATITLE", "ZQKEHABODY", "ZQKEHADOCTITLE", "zqkehafile", "ZQKEHABYTES", "ZQKEHALINK"]
PILOT = ["ZQPILOTTITLE", "ZQPILOTBODY", "ZQPILOTDOCTITLE", "zqpilotfile", "ZQPILOTBYTES", "ZQPILOTLINK"]
SUPPLEMENT = ["ZQSUPPLEMENTBODY"]

# What each role must not see: a KEHA-only instruction (every role here is outside KEHA but the payments
# unit's owner), an instruction for the municipal pilots owned by the HR unit (nobody here but the
# administrator), and a supplement of Pohjanmaan ELY (everyone but the national editors).
ROLES = {
    "staff_user": KEHA + PILOT + SUPPLEMENT,
    "communication_user": KEHA + PILOT,
    "communication_approver_user": KEHA + PILOT,
    "regional_editor_user": KEHA + PILOT + SUPPLEMENT,
    "instruction_owner_user": KEHA + PILOT + SUPPLEMENT,
    "payments_owner": PILOT + SUPPLEMENT,
    # Signed in with a work account (docs/sso.md): the regional editor role comes from an IdP group.
    "sso_regional_editor": KEHA + PILOT + SUPPLEMENT,
}


def _document(title: str, filename: str, content: bytes):
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def _instruction(library, *, marker: str, audience, unit):  # noqa: F811 - the fixture imported above
    document = _document(
        f"ZQ{marker}DOCTITLE liite", f"zq{marker.lower()}file.pdf", f"%PDF-1.4 ZQ{marker}BYTES".encode()
    )
    page = make_instruction(
        library,
        title=f"Salainen ohje ZQ{marker}TITLE",
        slug=f"salainen-{marker.lower()}",
        audience=audience,
        unit=unit,
        body=[
            ("paragraph", f"<p>ZQ{marker}BODY</p>"),
            ("attachment", {"document": document, "title": f"Lomake ZQ{marker}LINK"}),
        ],
    )
    page.save_revision()  # a draft on top of the live version, as an editor leaves it
    page.refresh_from_db()
    return page, document


@pytest.fixture
def secrets(org, library):  # noqa: F811
    keha, keha_doc = _instruction(library, marker="KEHA", audience=["keha"], unit="payments")
    pilot, pilot_doc = _instruction(library, marker="PILOT", audience=["municipal_pilot"], unit="hr")
    from news.models import NewsIndexPage

    index = NewsIndexPage.objects.get(locale__language_code="fi")
    national = publish_article(index, title="Valtakunnallinen uutinen", publisher=org.keha)
    supplement = RegionalSupplement.objects.create(
        article=national, agency=org.ely, body="<p>ZQSUPPLEMENTBODY</p>"
    )
    return Secrets(
        pages=[library.index.pk, keha.pk, pilot.pk],
        documents=[keha_doc.pk, pilot_doc.pk],
        supplements=[supplement.pk],
        revisions={keha.pk: keha.latest_revision_id, pilot.pk: pilot.latest_revision_id},
        groups={"KEHA": (keha.pk, keha_doc.pk), "PILOT": (pilot.pk, pilot_doc.pk)},
    )


@pytest.fixture
def sso_regional_editor(db):
    """A Lapland ELY editor whose role and agency come from the group mapping at a work-account sign-in."""
    from core import roles
    from sso import services
    from sso.models import GroupMapping

    lapland = AgencyFactory(slug="ely-lappi-sso", name_fi="Lapin ELY-keskus", short_name="Lapin ELY")
    role = roles.ensure_regional_editor_group(agency=lapland)
    GroupMapping.objects.create(group_id="lappi-toimittajat", role=role, agency=lapland)
    claims = {
        "tid": "0d5f3c6a-1e2b-4c3d-8e4f-5a6b7c8d9e01",
        "oid": "5b7e0c1a-0000-4000-8000-000000000042",
        "preferred_username": "sso.toimittaja@ely.example",
        "email": "sso.toimittaja@ely.example",
        "given_name": "Sso",
        "family_name": "Toimittaja",
    }
    user = services.sign_in(claims=claims, groups=["lappi-toimittajat"], groups_source="token")
    assert user.groups.filter(pk=role.pk).exists()
    return user


@pytest.fixture
def payments_owner(library):  # noqa: F811
    return library.owners["payments"]


def response_text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    headers = " ".join(f"{key}: {value}" for key, value in response.headers.items())
    return (body.decode("utf-8", "replace") + " " + headers).lower()


def _state(secrets: Secrets, role: str):
    """What the role may not see: a refused POST leaves it as it was (what it may edit may change)."""
    from wagtail.models import Page

    supplements = secrets.supplements if SUPPLEMENT[0] in ROLES[role] else []
    hidden = [ids for marker, ids in secrets.groups.items() if f"ZQ{marker}TITLE" in ROLES[role]]
    pages = sorted(
        Page.objects.filter(pk__in=[page for page, _document in hidden]).values_list(
            "pk", "title", "draft_title", "live", "path", "locked"
        )
    )
    documents = sorted(
        get_document_model()
        .objects.filter(pk__in=[document for _page, document in hidden])
        .values_list("pk", "title", "file")
    )
    supplements = sorted(
        RegionalSupplement.objects.filter(pk__in=supplements).values_list("pk", "body", "agency_id")
    )
    return pages, documents, supplements


def wagtail_server_error(name: str) -> bool:
    """Wagtail views that answer an empty, forged POST with 500 and no way for us to reach the cause; nothing
    is shown or changed (the walk checks that): its deliberate error view, the external-link chooser (its
    form reads ``None`` as a URL) and the snippet choosers' "create" where the chooser offers no creation
    form (``CreateViewMixin.post`` asks ``None`` whether it is valid). Every other 500 fails the walk."""
    return name in {"wagtailadmin_error_test", "wagtailadmin_choose_page_external_link"} or (
        name.startswith("wagtailsnippetchoosers_") and name.endswith(":create")
    )


def walk(client, user, secrets: Secrets, role: str) -> None:
    """Every admin URL with GET and POST as ``user``: no response names what ``role`` may not see, no POST
    changes it, and none answers a server error (but ``wagtail_server_error``'s)."""
    AgencyFactory(slug="kuntakokeilu-vaasa", kind="municipal_pilot")
    client.force_login(user)
    client.raise_request_exception = False
    forbidden = [marker.lower() for marker in ROLES[role]]
    before = _state(secrets, role)
    leaks, changes, errors = [], [], []
    urls = concrete_urls(secrets)
    assert len(urls) > 300  # the resolver gave the whole admin
    for _route, name, url in urls:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            text = response_text(response)
            if response.status_code >= 500 and not wagtail_server_error(name):
                errors.append(f"{method.upper()} {url} ({name}) {response.status_code}")
            seen = [marker for marker in forbidden if marker in text]
            if seen:
                leaks.append(f"{method.upper()} {url} ({name}) {response.status_code}: {seen}")
            if method == "post" and _state(secrets, role) != before:
                changes.append(f"POST {url} ({name}) {response.status_code}")
                before = _state(secrets, role)
    assert not leaks and not changes and not errors, "\n".join(
        ["leaks:", *leaks, "changes:", *changes, "server errors:", *errors]
    )
