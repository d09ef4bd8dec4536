"""The news issue's browser test: a national article, a regional supplement, and who sees what.

The communication unit publishes an article in the Wagtail admin, a regional
editor of Pohjanmaan ELY-keskus adds a supplement to it from the article page,
a reader in that agency sees both, and a reader in another agency sees only the
national text. Everything goes through the real UI in Chromium.

The admin is in Finnish (the users' language). Labels of the news app are
matched in Finnish or as their English msgid, so a catalog change does not
break the test; the reader pages are found by the templates' CSS classes.
"""

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from demo.teams_data import DEMO_PASSWORD
from news.models import NewsArticlePage, NewsIndexPage, RegionalSupplement
from teams.models import Agency, Person
from tests.browser.conftest import log_in, watch_csp
from tests.browser.test_accessibility import violations

pytestmark = pytest.mark.browser

REGION_SLUG = "ely-pohjanmaa"  # the regional editor's (toimittaja) agency
TITLE = "Palkkatukien maksatus siirtyy uuteen järjestelmään kesäkuussa"
LEAD = "Palkkatukien maksatus siirtyy kesäkuussa uuteen asianhallintajärjestelmään."
BODY = "Siirtymän aikana hakemukset käsitellään entiseen tapaan."
SUPPLEMENT = "Pohjanmaalla siirtymästä kerrotaan lisää Vaasan virastotalon infossa."


def _either(*labels: str) -> re.Pattern:
    """Finnish or English (untranslated msgid) label, whole text, any case."""
    return re.compile(r"^\s*(" + "|".join(labels) + r")\s*\*?\s*$", re.IGNORECASE)


def _reader(*, in_region: bool) -> Person:
    """A demo person (not a demo login) in Pohjanmaan ELY-keskus, or in another ELY centre; known password."""
    people = (
        Person.objects.active()
        .select_related("user", "agency")
        .exclude(user__username__in=["toimittaja", "viestinta", "paakayttaja", "ohjeet", "henkilo"])
        .order_by("user__username")
    )
    if in_region:
        people = people.filter(agency__slug=REGION_SLUG)
    else:
        people = people.filter(agency__kind=Agency.Kind.ELY).exclude(agency__slug=REGION_SLUG)
    person = people.first()
    assert person is not None, f"the demo data has nobody {'in' if in_region else 'outside'} {REGION_SLUG}"
    person.user.set_password(DEMO_PASSWORD)
    person.user.save(update_fields=["password"])
    return person


@contextmanager
def _signed_in(browser, base_url: str, username: str, width: int = 1280):
    """A fresh browser context with ``username`` logged in on the home page; no page it opens (reader pages, the
    Wagtail admin's editor and choosers) may violate its Content-Security-Policy."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        csp_violations = watch_csp(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        log_in(page, base_url, username)
        expect(page).to_have_url(f"{base_url}/")
        yield page
        assert csp_violations == []
    finally:
        context.close()


def _publish_national_article(page, base_url: str, keha: Agency) -> None:
    """The communication unit writes an article under Uutiset in the admin and publishes it."""
    news = NewsIndexPage.objects.get(locale__language_code="fi")
    page.goto(f"{base_url}/admin/pages/{news.pk}/")
    page.get_by_role("link", name=_either("Lisää alasivu", "Add child page")).click()
    # Only articles go under the news section, so Wagtail opens the article form at once.
    expect(page).to_have_url(re.compile(rf"/admin/pages/add/news/newsarticlepage/{news.pk}/$"))

    page.get_by_role("textbox", name=_either("Otsikko", "Title")).fill(TITLE)
    page.get_by_role("textbox", name=_either("Ingressi", "Lead")).fill(LEAD)
    body = page.get_by_role("region", name=_either("Sisältö", "Leipäteksti", "Body"))
    body.get_by_role("button", name=_either("Lisää lohko", "Insert a block")).first.click()
    page.get_by_role("option", name=re.compile(r"rich text|teksti", re.IGNORECASE)).first.click()
    paragraph = body.get_by_role("region", name=re.compile(r"rich text|teksti", re.IGNORECASE))
    editor = paragraph.get_by_role("textbox")
    editor.click()
    page.keyboard.type(BODY)
    expect(editor).to_have_text(BODY)
    # Draftail copies its content into the block's hidden input a moment after typing
    # stops (stateSaveInterval); publishing before that would save an empty paragraph.
    page.wait_for_function(
        "(text) => [...document.querySelectorAll('input[name^=\"body-\"]')].some((i) => i.value.includes(text))",
        arg=BODY,
    )

    # On the content tab, under the body: KEHA-keskus is the publisher by default for national editors.
    publisher = page.get_by_label(_either("Julkaisija", "Publisher"))
    expect(publisher).to_have_value(str(keha.pk))
    expect(publisher.locator("option:checked")).to_have_text(keha.name_fi)

    page.get_by_role("button", name=_either("Lisää toimintoja", "More actions")).click()
    page.get_by_role("button", name=_either("Julkaise", "Publish")).click()

    expect(page).to_have_url(f"{base_url}/admin/pages/{news.pk}/")
    expect(page.get_by_role("status")).to_contain_text(TITLE)


def test_national_article_with_a_regional_supplement(demo, browser):
    keha = Agency.objects.get(kind=Agency.Kind.KEHA)
    region = Agency.objects.get(slug=REGION_SLUG)
    local_reader = _reader(in_region=True)
    other_reader = _reader(in_region=False)

    # 1. The communication unit publishes a national article.
    with _signed_in(browser, demo, "viestinta") as page:
        _publish_national_article(page, demo, keha)
    article = NewsArticlePage.objects.get(title=TITLE)
    assert article.live and article.publisher == keha and article.for_everyone
    assert BODY in str(article.body)
    url = demo + article.url

    # 2. The regional editor adds her agency's supplement from the article page.
    with _signed_in(browser, demo, "toimittaja") as page:
        page.goto(url)
        editor_box = page.locator(".editor-box")
        expect(editor_box).to_be_visible()
        assert violations(page) == [], "article page with the editors' box"
        editor_box.get_by_role(
            "link", name=_either("Lisää alueellinen täydennys", "Add a regional supplement")
        ).click()

        expect(page).to_have_url(
            re.compile(rf"/admin/snippets/news/regionalsupplement/add/\?article={article.pk}$")
        )
        # The article she came from, and her own agency, are already chosen.
        expect(page.locator("#id_article"), "?article= did not preselect the article").to_have_value(
            str(article.pk)
        )
        expect(page.locator("#id_article-chooser")).to_contain_text(TITLE)
        expect(page.locator("#id_agency")).to_have_value(str(region.pk))
        expect(page.locator("#id_agency-chooser")).to_contain_text(region.name_fi)

        text = page.get_by_role(
            "region", name=_either(r"Teksti \(suomeksi\)", r"Text \(Finnish\)")
        ).get_by_role("textbox")
        text.click()
        page.keyboard.type(SUPPLEMENT)
        expect(text).to_have_text(SUPPLEMENT)
        # Draftail copies its content into the form field a moment after typing stops (stateSaveInterval).
        expect(page.locator("input[name=body]")).to_have_value(re.compile(re.escape(SUPPLEMENT)))
        page.get_by_role("navigation", name=re.compile("footer|alapalkki", re.IGNORECASE)).get_by_role(
            "button", name=_either("Tallenna", "Save")
        ).click()

        expect(page).to_have_url(re.compile(r"/admin/snippets/news/regionalsupplement/$"))
        expect(page.get_by_role("status")).to_contain_text(region.name_fi)
    supplement = RegionalSupplement.objects.get(article=article)
    assert supplement.agency == region
    assert SUPPLEMENT in supplement.body

    # 3. A reader in Pohjanmaan ELY-keskus: a new article in the feed, the national text and the supplement.
    with _signed_in(browser, demo, local_reader.user.username) as page:
        page.goto(f"{demo}/uutiset/")
        card = page.locator("main .news-card").filter(has=page.get_by_role("link", name=TITLE, exact=True))
        expect(card).to_have_count(1)
        expect(card.locator(".badge--new")).to_be_visible()
        card.get_by_role("link", name=TITLE, exact=True).click()

        expect(page).to_have_url(url)
        article_element = page.locator("main article.article")
        expect(article_element.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(article_element.locator(".lead")).to_have_text(LEAD)
        expect(article_element.locator(".article__body")).to_contain_text(BODY)
        supplement_box = article_element.locator(".supplement")
        expect(supplement_box).to_have_count(1)
        expect(supplement_box.get_by_role("heading", level=2)).to_contain_text(region.name_fi)
        expect(supplement_box).to_contain_text(SUPPLEMENT)
        expect(page.locator(".editor-box")).to_have_count(0)  # readers get no editors' box
        assert violations(page) == [], "article page with a regional supplement"

        # On a 360 px phone the article (with its supplement) fits the width.
        page.set_viewport_size({"width": 360, "height": 740})
        page.reload()
        expect(supplement_box).to_be_visible()
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 360, f"article page is {scroll_width} px wide at a 360 px viewport"

        # Opened: no longer marked new in the feed.
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{demo}/uutiset/")
        expect(card).to_have_count(1)
        expect(card.locator(".badge--new")).to_have_count(0)

    # 4. A reader in another agency: the national text, no supplement.
    with _signed_in(browser, demo, other_reader.user.username) as page:
        page.goto(f"{demo}/uutiset/")
        card = page.locator("main .news-card").filter(has=page.get_by_role("link", name=TITLE, exact=True))
        expect(card.locator(".badge--new")).to_be_visible()
        page.goto(url)
        article_element = page.locator("main article.article")
        expect(article_element.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(article_element.locator(".lead")).to_have_text(LEAD)
        expect(article_element.locator(".article__body")).to_contain_text(BODY)
        expect(page.locator(".supplement")).to_have_count(0)
        expect(page.locator("main")).not_to_contain_text(SUPPLEMENT)
        expect(page.locator("main")).not_to_contain_text(region.name_fi)
