"""WCAG 2.1 A/AA checks with axe-core on the pages people use, in Finnish and on a phone."""

from datetime import timedelta
from unittest import mock

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from news.models import FeedToken, NewsArticlePage, NewsCategory, NewsIndexPage
from teams.models import Agency, Person, Team
from tests import html_checks
from tests.browser.conftest import watch_csp
from tests.html_checks import strict_csp_problems

pytestmark = pytest.mark.browser

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def publish_news_article() -> NewsArticlePage:
    """A pinned national article for everyone, with a category and the text blocks of the body.

    Publishing notifies everyone (the notification list has a row); the live
    push is left out, as no browser listens on a websocket in these tests.
    """
    news = NewsIndexPage.objects.get(locale__language_code="fi")
    article = NewsArticlePage(
        title="Palkkatuen maksatus siirtyy uuteen järjestelmään",
        lead="Palkkatukien maksatus siirtyy kesäkuussa uuteen asianhallintajärjestelmään.",
        publisher=Agency.objects.get(kind=Agency.Kind.KEHA),
        pinned_until=timezone.now() + timedelta(days=7),
        categories=list(NewsCategory.objects.order_by("pk")[:2]),
        body=[
            ("paragraph", RichText("<p>Siirtymän aikana hakemukset käsitellään <b>entiseen tapaan</b>.</p>")),
            ("heading", "Mikä muuttuu?"),
            ("quote", {"quote": "Hakijalle muutos ei näy.", "attribution": "Maksatusyksikön päällikkö"}),
            ("fact_box", {"title": "Aikataulu", "text": RichText("<ul><li>Kesäkuu: siirtymä</li></ul>")}),
        ],
    )
    news.add_child(instance=article)
    with mock.patch("realtime.actions.publish"):
        article.save_revision().publish()
    return article


def pages_to_check() -> list[str]:
    manager = Person.objects.filter(direct_reports__isnull=False).order_by("pk").first()
    team = Team.objects.filter(parent__isnull=False).order_by("pk").first()
    article = publish_news_article()
    # The feed page with an address to copy (the signed-in user is the staff demo login).
    FeedToken.objects.get_or_create(user=get_user_model().objects.get(username="henkilo"))
    return [
        "/",
        "/ihmiset/",
        "/ihmiset/?q=palkkatuki&unit=no-such-unit",  # with a form error
        manager.get_absolute_url(),
        "/ihmiset/oma-profiili/",
        "/tiimit/",
        team.get_absolute_url(),
        "/toimipaikat/",
        "/toimipaikat/vaasa/",
        "/haku/?q=maksatus",
        "/salasana/vaihda/",
        "/uutiset/",  # the article is new and pinned: both badges
        article.url,
        "/uutiset/syote/",
        "/ilmoitukset/",
    ]


def test_login_and_password_reset_pages(demo, page):
    csp_violations = watch_csp(page.context)
    for path in ["/kirjaudu/", "/salasana/unohtui/"]:
        page.goto(demo + path)
        assert violations(page) == [], path
    assert csp_violations == []
    # Guards the CSP check: an inline script and style attribute added to a page are blocked and reported.
    page.evaluate("""() => {
        const script = document.createElement('script'); script.textContent = 'window.ran = true';
        document.body.appendChild(script);
        document.querySelector('main').setAttribute('style', 'color: red');
    }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.ran") is None
    assert any("script-src" in v for v in csp_violations) and any("style-src" in v for v in csp_violations)


# Reader pages checked for Content-Security-Policy violations only (besides pages_to_check).
CSP_ONLY_PATHS = ["/chat/", "/ohjeet/", "/ihmiset/oma-tila/", "/ohjeet/muutokset/"]


@pytest.mark.parametrize("width", [1280, 360])
def test_signed_in_pages(demo, browser, login, width, client):
    """No axe violations, a strict Content-Security-Policy and nothing on the page that it blocks; on a phone
    also the menu, and every page the crawl reaches fits 360 px.

    One test per width, so that the demo data is loaded no more often than before.
    """
    paths = pages_to_check()  # writes news first: no request of the browser's is under way yet (SQLite locks)
    context = browser.new_context(viewport={"width": width, "height": 800})
    csp_violations = watch_csp(context)
    page = context.new_page()
    try:
        login(page, demo, "henkilo")
        page.wait_for_url(demo + "/")
        found = {}
        for path in paths + (CSP_ONLY_PATHS if width == 1280 else []):
            response = page.goto(demo + path)
            problems = strict_csp_problems(response.headers.get("content-security-policy"))
            if path not in CSP_ONLY_PATHS:
                problems += violations(page)
            if problems:
                found[path] = problems
        assert found == {}
        assert csp_violations == []
        if width == 360:
            _check_the_phone_menu(page, demo)
            _check_every_crawled_page_fits(page, demo, client)
    finally:
        context.close()


def _check_the_phone_menu(page, demo):
    """GOV.UK's pattern: a menu button (aria-expanded, aria-controls) opens every section, chat badge too."""
    page.goto(demo + "/")
    nav = page.get_by_role("navigation", name="Päävalikko")
    button = nav.get_by_role("button", name="Valikko")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", "main-nav-list")
    expect(nav.get_by_role("link", name="Toimipaikat")).to_be_hidden()
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    # Every section is reachable with the Tab key, in order, and fits the screen.
    names = [
        "Etusivu",
        "Uutiset",
        "Tapahtumat",
        "Ohjeet",
        "Strategia",
        "Ihmiset",
        "Tiimit",
        "Toimipaikat",
        "Chat",
    ]
    for name in names:
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused.startswith(name), f"Tab reached {focused!r}, expected {name!r}"
        box = page.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect(); "
            "return [r.left, r.right]; })()"
        )
        assert box[0] >= 0 and box[1] <= 360, f"{name} is outside the screen: {box}"
    chat = nav.get_by_role("link", name="Chat")
    expect(chat.locator("[data-chat-unread]")).to_have_count(1)  # the unread badge lives in the link
    assert violations(page) == []
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(nav.get_by_role("link", name="Chat")).to_be_hidden()


def _check_every_crawled_page_fits(page, demo, client):
    """Every page the staff crawl reaches (tests/intranet/test_crawl.py) is no wider than a 360 px phone."""
    from tests.intranet.crawl import crawl

    client.force_login(get_user_model().objects.get(username="henkilo"))
    # Widths depend on the template and on what a page holds: one path of each URL pattern, three pages of
    # a section (long titles, wide tables) instead of the staff crawl's four and ten; every URL pattern the
    # staff crawl reaches is still reached.
    visited = crawl(client, per_route=1, per_section=3).visited
    urls = [url for url, status in visited.items() if status == 200 and not url.startswith("/admin/")]
    assert len(urls) >= 20
    too_wide, dates = {}, {}
    for url in urls:
        try:
            response = page.goto(demo + url)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                continue  # a file the crawl reached (an event's .ics, a CSV), not a page
            raise
        html = response is not None and "html" in response.headers.get("content-type", "")
        if not html or response.status != 200:
            continue
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide[url] = (width, page.evaluate(WIDEST))
        if problems := html_checks.date_problems(page.inner_text("body")):  # dates the scripts write too
            dates[url] = problems
    assert too_wide == {}, "pages wider than a 360 px phone (page width, widest elements)"
    assert dates == {}


# The elements reaching furthest right, to say what makes a page too wide.
WIDEST = """() => [...document.querySelectorAll('body *')]
    .map(e => [Math.round(e.getBoundingClientRect().right),
               e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')])
    .filter(([right]) => right > 360).sort((a, b) => b[0] - a[0]).slice(0, 3)"""


def test_the_checker_finds_real_problems(demo, page):
    """Guards the tests above: a page with known faults must produce violations."""
    page.goto(demo + "/kirjaudu/")
    page.evaluate(
        """() => {
            document.querySelector('label[for=id_username]').remove();
            const img = document.createElement('img'); img.src = '/static/intranet/img/favicon.svg';
            document.querySelector('main').appendChild(img);
        }"""
    )
    ids = {problem.split(" ")[0] for problem in violations(page)}
    assert {"label", "image-alt"} <= ids
