"""The library's reader pages pass the markup checks (one h1, no skipped levels, unique ids, valid HTML)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from instructions.models import OnboardingPath, OnboardingStep
from tests import html_checks
from tests.instructions.conftest import make_document, make_instruction


@pytest.fixture
def pages(library, org):
    document = make_document()
    replacement = make_instruction(library, title="Uusi matkustusohje")
    full = make_instruction(
        library,
        title="Palkkatuen maksatushakemuksen käsittely",
        review_in_days=-2,
        replacement=None,
        body=[
            ("paragraph", "<p>Ohje käsittelijälle.</p>"),
            ("heading", "Ennen kuin aloitat"),
            (
                "steps",
                {"steps": [{"title": "Tarkista liitteet", "text": ""}, {"title": "Laske tuki", "text": ""}]},
            ),
            ("notice", {"kind": "warning", "text": "<p>Älä hyväksy ilman päätöstä.</p>"}),
            ("heading", "Määräajat"),
            (
                "table",
                {
                    "data": [["Jakso", "Viimeistään"], ["Tammi–helmi", "30.4."]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Aikataulu",
                },
            ),
            ("notice", {"kind": "tip", "text": "<p>Sähköinen asiointi on nopeinta.</p>"}),
            ("attachment", {"document": document, "title": "Maksatushakemus"}),
            (
                "legal_reference",
                {"statute": "Laki 916/2012", "section": "7 luku", "url": "https://www.finlex.fi/"},
            ),
        ],
    )
    full.contacts.add(org.people["pekka"])
    full.related.add(replacement)
    full.pending_change_note, full.pending_material = "Määräaika muuttui", True
    full.save_revision().publish()
    expired = make_instruction(
        library,
        title="Vanha matkustusohje",
        replacement=replacement,
        valid_until=timezone.localdate() - datetime.timedelta(days=3),
    )
    keha_only = make_instruction(library, title="Vain KEHA", audience=["keha"])
    path = OnboardingPath.objects.create(slug="polku", name_fi="Uuden työntekijän perehdytys")
    OnboardingStep.objects.create(path=path, instruction=full, sort_order=0)
    OnboardingStep.objects.create(path=path, instruction=replacement, sort_order=1)
    return {"full": full, "expired": expired, "keha_only": keha_only, "path": path}


@pytest.mark.django_db
def test_reader_pages_markup(client, library, pages):
    client.force_login(library.readers["te"])
    client.get(pages["full"].url)  # a visit, so the second view has a visit to compare with
    urls = {
        "library": ("/ohjeet/", 200),
        "library, filtered": ("/ohjeet/?topic=palkkatuki&kind=work_instruction&q=palkkatuen", 200),
        "library, nothing found": ("/ohjeet/?q=zzzz", 200),
        "instruction": (pages["full"].url, 200),
        "no longer valid": (pages["expired"].url, 410),
        "not available": (pages["keha_only"].url, 403),
        "onboarding": (reverse("instructions:onboarding"), 200),
        "onboarding path": (reverse("instructions:onboarding_path", args=["polku"]), 200),
        "direct reports": (reverse("instructions:onboarding_reports"), 200),
        "recent changes": (reverse("instructions:changes"), 200),
    }
    problems = {}
    for name, (url, status) in urls.items():
        response = client.get(url)
        assert response.status_code == status, (name, response.status_code)
        html = response.content.decode()
        found = (
            html_checks.heading_problems(html)
            + html_checks.duplicate_ids(html)
            + html_checks.parse_errors(html)
        )
        if found:
            problems[name] = found
    assert problems == {}


@pytest.mark.django_db
def test_instruction_page_shows_every_field(client, library, pages):
    client.force_login(library.owners["payments"])
    html = client.get(pages["full"].url).content.decode()
    for text in [
        "Maksatusyksikkö",
        "Pekka Öhman",
        "Ennen kuin aloitat",
        'href="#ennen-kuin-aloitat"',
        "Tarkista liitteet",
        "notice--warning",
        "notice--tip",
        "<caption>Aikataulu</caption>",
        "Maksatushakemus",
        "Laki 916/2012, 7 luku",
        "Uusi matkustusohje",
        "Määräaika muuttui",
        "notice--review",
        "editor-box",
        "instructions.css",
    ]:
        assert text in html, text
