"""The header autocomplete (ARIA combobox) and /haku/ in a real browser, with axe, on a phone width.

Without ELASTICSEARCH_URL the suggestions come from the database fallback; the
combobox behaviour (keyboard, ARIA state, stale answers dropped) is the same.
"""

import re

import pytest

from tests.browser.test_accessibility import violations

pytestmark = pytest.mark.browser


def test_header_autocomplete_and_results_page(demo, page, login):
    login(page, demo, "henkilo")
    page.wait_for_url(demo + "/")
    box = page.locator("#site-search-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"

    # Typing quickly: only the last prefix's answer is shown (earlier requests are aborted or ignored).
    box.press_sequentially("matk", delay=20)
    box.fill("")
    box.press_sequentially("palkkatu", delay=20)
    options = page.locator("#site-search-suggestions [role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    titles = options.all_inner_texts()
    # (People are suggested by their expertise, so not every suggestion names the word.)
    assert any("palkkatu" in t.lower() for t in titles), titles
    assert not any("matk" in t.lower() and "palkkatu" not in t.lower() for t in titles), titles
    assert page.locator("[role=status]").filter(has_text=re.compile(r"^\d+ ")).count() == 1

    box.press("ArrowDown")
    first_id = options.first.get_attribute("id")
    assert box.get_attribute("aria-activedescendant") == first_id
    assert options.first.get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"

    box.press("ArrowDown")  # reopens with the same suggestions
    assert box.get_attribute("aria-expanded") == "true"
    assert violations(page) == []
    box.press("Enter")  # opens the active suggestion
    page.wait_for_load_state()
    assert "/haku/" not in page.url and page.url != demo + "/"

    # The results page, on a 360 px phone: no sideways scrolling, no axe violations.
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(demo + "/haku/?q=palkkatuki")
    assert page.locator("h1").inner_text().startswith(("Hakutulokset", "Search results"))
    assert page.locator(".result").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert violations(page) == []

    # Opening a result goes straight to it; results.js posts the click (with the CSRF token) to the log.
    from search.models import SearchLog

    link = page.locator(".result__title[data-click]").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(demo + href)
    for _ in range(50):
        if SearchLog.objects.filter(query="palkkatuki").exclude(clicked_key="").exists():
            break
        page.wait_for_timeout(100)
    assert SearchLog.objects.filter(query="palkkatuki").exclude(clicked_key="").count() == 1
