"""The instruction library's browser test: a material change reaches a reader, and the audience is a wall.

An instruction owner (demo login ``ohjeet``, Toiminnan kehittäminen) publishes
a material change with a note in the Wagtail admin; a municipal-pilot reader
(``kuntakokeilu``) who had read the instruction before sees the change
highlighted; the same reader cannot open a KEHA-only instruction. Pages are
checked with axe, the library also at 360 px.
"""

import re

import pytest
from playwright.sync_api import expect

from instructions import access
from instructions.models import ChangeLogEntry, InstructionPage
from tests.browser.test_accessibility import violations
from tests.browser.test_news import _either, _signed_in

pytestmark = pytest.mark.browser

NOTE = "Alkuhaastattelu pidetään nyt viiden arkipäivän kuluessa."


def test_owner_publishes_material_change_reader_sees_it_pilot_is_kept_out(demo, browser):
    instruction = (
        access.originals()
        .filter(
            owner_unit__slug="toiminnan-kehittaminen", audience_municipal_pilot=True, valid_until__isnull=True
        )
        .order_by("title")
        .first()
    )
    keha_only = (
        access.originals()
        .filter(
            audience_keha=True,
            audience_ely=False,
            audience_te=False,
            audience_municipal_pilot=False,
            valid_until__isnull=True,
        )
        .first()
    )
    assert instruction is not None and keha_only is not None

    with _signed_in(browser, demo, "kuntakokeilu", width=360) as page:
        page.goto(f"{demo}/ohjeet/")
        expect(page.locator(".instruction-item").first).to_be_visible()
        assert violations(page) == [], "library at 360 px"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.goto(f"{demo}{instruction.url}")  # read once: the visit is remembered
        expect(page.get_by_role("heading", level=1)).to_have_text(instruction.title)
        expect(page.locator(".notice--changed")).to_have_count(0)

    with _signed_in(browser, demo, "ohjeet") as page:
        page.goto(f"{demo}/admin/pages/{instruction.pk}/edit/")
        page.locator("#id_material_change").check()
        page.locator("#id_change_note").fill(NOTE)
        page.get_by_role("button", name=_either("Lisää toimintoja", "More actions")).click()
        page.get_by_role("button", name=_either("Julkaise", "Publish")).click()
        expect(page.get_by_role("status")).to_contain_text(instruction.title)
    entry = ChangeLogEntry.objects.get(note=NOTE)
    assert entry.material and entry.translation_key == instruction.translation_key

    with _signed_in(browser, demo, "kuntakokeilu") as page:
        page.goto(f"{demo}{instruction.url}")
        highlight = page.locator(".notice--changed")
        expect(highlight).to_contain_text(NOTE)
        expect(page.locator(".change-log__new")).to_contain_text(NOTE)
        assert violations(page) == [], "instruction page with the highlight"
        response = page.goto(f"{demo}{keha_only.url}")
        assert response.status == 403
        expect(page.get_by_role("heading", level=1)).not_to_have_text(re.compile(re.escape(keha_only.title)))
        assert keha_only.title not in page.content()
        assert violations(page) == [], "not available page"
    assert InstructionPage.objects.get(pk=instruction.pk).live
