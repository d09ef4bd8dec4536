"""Smoke tests in a real browser against the demo organisation: what a user sees and does.

Each test loads the demo data (550 people, 34 locations) into a fresh database
and drives Debian Chromium through Playwright against pytest-django's live server.
"""

import re

import pytest
from django.db.models import Count
from playwright.sync_api import expect

from demo.teams_data import DEMO_PASSWORD
from teams import services
from teams.models import Person

pytestmark = pytest.mark.browser

HOME_NAV_FI = ["Etusivu", "Ihmiset", "Tiimit", "Toimipaikat"]


def _main_nav(page, name="Päävalikko"):
    return page.get_by_role("navigation", name=name)


def _expect_figure(page, href, text):
    """The home page's organisation figure that links to ``href`` reads ``text``, e.g. "550 henkilöä"."""
    figure = page.locator("main .stats li", has=page.locator(f"a[href='{href}']"))
    expect(figure).to_have_text(re.compile(r"^\s*" + r"\s+".join(map(re.escape, text.split())) + r"\s*$"))


def test_staff_member_logs_in_and_sees_the_finnish_home_page(demo, page, login):
    login(page, demo, "henkilo")

    expect(page).to_have_url(f"{demo}/")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    nav = _main_nav(page)
    for label in HOME_NAV_FI:
        expect(nav.get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="Etusivu", exact=True)).to_have_attribute("aria-current", "page")
    # The demo login's own name in the user menu, and the Finnish welcome.
    expect(page.locator(".user-menu summary")).to_contain_text("Liisa Mäkelä")
    expect(page.locator("main")).to_contain_text("Tervetuloa, Liisa!")
    # The organisation figures.
    _expect_figure(page, "/ihmiset/", "550 henkilöä")
    _expect_figure(page, "/toimipaikat/", "34 toimipaikkaa")


def test_language_switch_turns_the_interface_swedish(demo, page, login):
    login(page, demo, "henkilo")
    expect(page.locator("html")).to_have_attribute("lang", "fi")

    page.locator("header form.language-switch").get_by_role("button", name="SV", exact=True).click()

    expect(page).to_have_url(f"{demo}/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("main")).to_contain_text("Välkommen, Liisa!")
    nav = _main_nav(page, "Huvudmeny")
    for label in ["Startsida", "Personer", "Team", "Verksamhetsorter"]:
        expect(nav.get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="Ihmiset", exact=True)).to_have_count(0)
    expect(page.locator("header form.language-switch button[value=sv]")).to_have_attribute(
        "aria-current", "true"
    )
    _expect_figure(page, "/ihmiset/", "550 personer")
    _expect_figure(page, "/toimipaikat/", "34 verksamhetsorter")


def test_language_choice_sticks_on_the_next_page(demo, page, login):
    login(page, demo, "henkilo")
    page.locator("header form.language-switch button[value=sv]").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")

    _main_nav(page, "Huvudmeny").get_by_role("link", name="Personer", exact=True).click()

    expect(page).to_have_url(f"{demo}/ihmiset/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("main h1")).to_have_text("Personer")
    expect(page.get_by_label("Namn eller kompetens")).to_be_visible()


def _person_to_look_up() -> Person:
    """A demo person whose last name alone finds few enough people to fit on the first results page."""
    people = Person.objects.active().select_related("user", "unit", "agency").order_by("user__username")
    unique = (
        Person.objects.active()
        .values("user__last_name")
        .annotate(n=Count("pk"))
        .filter(n=1)
        .values_list("user__last_name", flat=True)
    )
    for person in people.filter(user__last_name__in=list(unique), unit__isnull=False):
        if services.search_people(query=person.user.last_name).count() == 1:
            return person
    # Fall back to the staff demo login; the results still fit on one page.
    person = people.get(user__username="henkilo")
    assert services.search_people(query=person.user.last_name).count() <= services.DIRECTORY_PAGE_SIZE
    return person


def test_find_a_person_in_the_directory_and_open_their_profile(demo, page, login):
    person = _person_to_look_up()
    login(page, demo, "henkilo")

    _main_nav(page).get_by_role("link", name="Ihmiset", exact=True).click()
    expect(page).to_have_url(f"{demo}/ihmiset/")
    expect(page.locator("main h1")).to_have_text("Ihmiset")
    expect(page.locator("main [role=status]")).to_contain_text("550")

    page.get_by_label("Nimi tai osaaminen").fill(person.user.last_name)
    page.get_by_label("Nimi tai osaaminen").press("Enter")

    expect(page).to_have_url(re.compile(r"/ihmiset/\?.*q="))
    expect(page.get_by_label("Nimi tai osaaminen")).to_have_value(person.user.last_name)
    card = page.locator("main .person-card").filter(
        has=page.get_by_role("link", name=person.full_name, exact=True)
    )
    expect(card).to_have_count(1)
    expect(card).to_contain_text(person.title)
    expect(card).to_contain_text(person.unit.name_fi)

    card.get_by_role("link", name=person.full_name, exact=True).click()

    expect(page).to_have_url(f"{demo}/ihmiset/{person.user.username}/")
    expect(page.locator("main h1")).to_have_text(person.full_name)
    expect(page.locator("main .lead")).to_have_text(person.title)
    profile = page.locator("main .profile dl")
    expect(profile.locator("dt", has_text="Yksikkö")).to_be_visible()
    expect(profile.get_by_role("link", name=person.unit.name_fi, exact=True)).to_be_visible()


def test_anonymous_visitor_is_sent_to_login_and_a_wrong_password_is_explained(demo, page):
    page.goto(f"{demo}/ihmiset/")

    expect(page).to_have_url(re.compile(r"/kirjaudu/\?next=/ihmiset/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    expect(page.locator("main h1")).to_have_text("Kirjaudu Taimiin")
    expect(page.get_by_role("navigation")).to_have_count(0)  # nothing internal before logging in

    page.get_by_label("Käyttäjätunnus").fill("henkilo")
    page.get_by_label("Salasana").fill("väärä-salasana")
    page.locator("main").get_by_role("button", name="Kirjaudu sisään").click()

    error = page.locator("main [role=alert]")
    expect(error).to_be_visible()
    expect(error).to_contain_text("kelvollinen käyttäjätunnus ja salasana")
    expect(page.get_by_label("Käyttäjätunnus")).to_have_value("henkilo")
    expect(page.get_by_label("Salasana")).to_have_value("")

    # Correcting the password goes on to the page originally asked for.
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name="Kirjaudu sisään").click()
    expect(page).to_have_url(f"{demo}/ihmiset/")
    expect(page.locator("main h1")).to_have_text("Ihmiset")


def test_narrow_phone_home_page_fits_and_skip_link_works(demo, browser, login):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        login(page, demo, "henkilo")
        expect(page).to_have_url(f"{demo}/")
        page.goto(f"{demo}/")  # a fresh load: keyboard focus starts at the top of the document

        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 360, f"home page is {scroll_width} px wide at a 360 px viewport"

        skip_link = page.locator("a.skip-link")
        expect(skip_link).not_to_be_in_viewport()
        page.keyboard.press("Tab")
        expect(skip_link).to_be_focused()
        expect(skip_link).to_be_in_viewport(ratio=1)
        expect(skip_link).to_have_text("Siirry sisältöön")

        page.keyboard.press("Enter")
        expect(page.locator("main#main")).to_be_focused()
        expect(skip_link).not_to_be_in_viewport()
    finally:
        context.close()
