"""Demo accessibility statement and privacy notice (Finnish), under the home page; idempotent."""

import datetime

from django.utils import timezone
from wagtail.models import Site

from privacy.models import AccessibilityStatementPage, PrivacyNoticePage

STATEMENT = {
    "service_description": (
        "<p>Tämä saavutettavuusseloste koskee KEHA-keskuksen ja sen palvelemien virastojen yhteistä "
        "intranetiä Taimia (uutiset, ohjekirjasto, henkilöhaku, chat ja läsnäolo).</p>"
    ),
    "non_compliant": (
        "<h3>Sisältö, joka ei ole saavutettavaa</h3><ul>"
        "<li>Osa vanhoista PDF-liitteistä ei ole saavutettavia (WCAG 1.3.1, 2.4.2). Liitteet korjataan "
        "niiden seuraavassa päivityksessä, viimeistään 31.12.2027.</li>"
        "<li>Chatin reaktioiden lukumäärät eivät aina päivity ruudunlukijalle heti (WCAG 4.1.3). "
        "Korjataan seuraavassa versiossa.</li></ul>"
    ),
    "assessment": "Itsearviointi ja ulkopuolisen asiantuntijan auditointi",
    "feedback_email": "saavutettavuus@keha.example",
}

NOTICE_INTRO = (
    "<p>Rekisterinpitäjä: KEHA-keskus (Elinkeino-, liikenne- ja ympäristökeskusten sekä työ- ja "
    "elinkeinotoimistojen kehittämis- ja hallintokeskus). Yhteyshenkilö: Taimi-toimitus, "
    "taimi@keha.example. Tietosuojavastaava: tietosuoja@keha.example.</p>"
)
NOTICE_BODY = (
    "<h2>Tietojen luovutukset ja siirrot</h2><p>Tietoja ei luovuteta eikä siirretä EU:n tai ETA:n "
    "ulkopuolelle. Palvelua ylläpitää KEHA-keskuksen tietohallinto.</p>"
    "<h2>Valvontaviranomainen</h2><p>Tietosuojavaltuutetun toimisto, tietosuoja.fi.</p>"
)


def load_privacy_pages() -> int:
    """Create the two pages when missing; returns how many were created."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    created = 0
    if not AccessibilityStatementPage.objects.exists():
        today = timezone.localdate()
        page = AccessibilityStatementPage(
            title="Saavutettavuusseloste",
            slug="saavutettavuusseloste",
            written_on=datetime.date(2025, 9, 23),
            reviewed_on=today - datetime.timedelta(days=30),
            compliance="partial",
            **STATEMENT,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    if not PrivacyNoticePage.objects.exists():
        page = PrivacyNoticePage(
            title="Tietosuojaseloste", slug="tietosuojaseloste", intro=NOTICE_INTRO, body=NOTICE_BODY
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    return created
