"""The engagement issue's browser test: a must-read from publishing to the follow-up report.

The communication unit publishes a must-read in the Wagtail admin; a staff member
sees the banner on every page and acknowledges it from the banner; the editor's
follow-up report and its CSV show the change. Everything goes through the UI.
"""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from news.models import Acknowledgement, NewsArticlePage, NewsIndexPage
from teams.models import Person
from tests.browser.test_accessibility import violations
from tests.browser.test_news import _either, _signed_in

pytestmark = pytest.mark.browser

TITLE = "Kulkukortit vaihtuvat tammikuussa"
LEAD = "Jokainen hakee uuden henkilökortin omasta toimipisteestään tammikuun aikana."


def _report_numbers(page) -> tuple[int, int]:
    figures = page.locator(".stats strong")
    return int(figures.nth(0).inner_text()), int(figures.nth(1).inner_text())


def _pending_csv(page, base_url, article) -> str:
    response = page.request.get(f"{base_url}/uutiset/seuranta/{article.pk}/csv/")
    assert response.ok
    return response.body().decode("utf-8-sig")


def test_must_read_banner_acknowledgement_and_report(demo, browser):
    news = NewsIndexPage.objects.get(locale__language_code="fi")
    staff = Person.objects.select_related("user").get(user__username="henkilo")

    with _signed_in(browser, demo, "viestinta") as page:
        page.goto(f"{demo}/admin/pages/add/news/newsarticlepage/{news.pk}/")
        page.get_by_role("textbox", name=_either("Otsikko", "Title")).fill(TITLE)
        page.get_by_role("textbox", name=_either("Ingressi", "Lead")).fill(LEAD)
        page.get_by_label(_either("Pakollinen luettava", "Must read", "Luettava", "Must-read")).check()
        page.locator("#id_must_read_deadline").fill("2099-12-31 12:00")
        page.get_by_role("button", name=_either("Lisää toimintoja", "More actions")).click()
        page.get_by_role("button", name=_either("Julkaise", "Publish")).click()
        expect(page.get_by_role("status")).to_contain_text(TITLE)
    article = NewsArticlePage.objects.get(title=TITLE)
    assert article.live and article.must_read

    with _signed_in(browser, demo, "viestinta") as page:
        page.goto(f"{demo}/uutiset/seuranta/{article.pk}/")
        done_before, pending_before = _report_numbers(page)
        assert done_before == 0 and pending_before >= 500  # everyone: the whole demo organisation
        assert staff.full_name in _pending_csv(page, demo, article)
        assert violations(page) == [], "follow-up report"

    with _signed_in(browser, demo, "henkilo", width=360) as page:
        banner = page.locator(".must-read-banner")
        expect(banner).to_contain_text(TITLE)  # on the home page ...
        page.goto(f"{demo}/ihmiset/")
        expect(banner).to_contain_text(TITLE)  # ... and on every other page
        assert violations(page) == [], "page with the must-read banner at 360 px"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        banner.get_by_role("button", name=re.compile(r"luin|lukenut|read it", re.IGNORECASE)).click()
        expect(page).to_have_url(f"{demo}/ihmiset/")  # stays where she was
        expect(page.locator(".must-read-banner")).to_have_count(0)
    assert Acknowledgement.objects.filter(user=staff.user, article=article, round=1).exists()

    with _signed_in(browser, demo, "viestinta") as page:
        page.goto(f"{demo}/uutiset/seuranta/{article.pk}/")
        assert _report_numbers(page) == (done_before + 1, pending_before - 1)
        rows = list(csv.reader(io.StringIO(_pending_csv(page, demo, article)), delimiter=";"))
        assert staff.full_name not in {row[0] for row in rows}
        assert len(rows) - 1 == pending_before - 1
