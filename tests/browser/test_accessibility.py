"""WCAG 2.1 A/AA checks with axe-core on the pages people use, in Finnish and on a phone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from teams.models import Person, Team

pytestmark = pytest.mark.browser

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def pages_to_check() -> list[str]:
    manager = Person.objects.filter(direct_reports__isnull=False).order_by("pk").first()
    team = Team.objects.filter(parent__isnull=False).order_by("pk").first()
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
    ]


def test_login_and_password_reset_pages(demo, page):
    for path in ["/kirjaudu/", "/salasana/unohtui/"]:
        page.goto(demo + path)
        assert violations(page) == [], path


@pytest.mark.parametrize("width", [1280, 360])
def test_signed_in_pages(demo, browser, login, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        login(page, demo, "henkilo")
        page.wait_for_url(demo + "/")
        found = {}
        for path in pages_to_check():
            page.goto(demo + path)
            if problems := violations(page):
                found[path] = problems
        assert found == {}
    finally:
        context.close()


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
