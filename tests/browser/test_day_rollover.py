"""Midnight in Helsinki with a page left open: today's work locations reset without a reload.

The browser's clock is frozen a minute before midnight (Playwright's clock),
the server's "today" is patched (the live server runs in this process); then
the clock runs past midnight and the open location page must show the new
day's values: yesterday's office visitor gone, today's planned one there.
"""

import datetime

import pytest
from playwright.sync_api import expect

from presence import worklocation
from presence.models import WorkLocationDay, WorkLocationPlan, WorkPlace
from tests.factories import PASSWORD, LocationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.browser

MONDAY = datetime.date(2026, 11, 23)
TUESDAY = MONDAY + datetime.timedelta(days=1)


@pytest.fixture
def office(django_db_serialized_rollback, transactional_db, live_server):
    salla = LocationFactory(slug="salla", name_fi="Salla")
    aino = PersonFactory(
        user=UserFactory(username="aino", first_name="Aino", last_name="Virtanen"), home_location=salla
    )
    matti = PersonFactory(
        user=UserFactory(username="matti", first_name="Matti", last_name="Äijälä"),
        home_location=LocationFactory(slug="vaasa", name_fi="Vaasa"),
    )
    PersonFactory(user=UserFactory(username="viewer"))
    WorkLocationDay.objects.create(person=aino, date=MONDAY, kind=WorkPlace.OFFICE, location=salla)
    WorkLocationPlan.objects.create(
        person=matti, weekday=TUESDAY.weekday(), kind=WorkPlace.OFFICE, location=salla
    )
    return live_server.url, aino, matti


def test_an_open_location_page_takes_the_new_days_locations_after_midnight(office, page, login, monkeypatch):
    base, aino, matti = office
    monkeypatch.setattr(worklocation, "today", lambda now=None: MONDAY)
    page.clock.install(time=datetime.datetime(2026, 11, 23, 23, 59, 0, tzinfo=worklocation.HELSINKI))
    login(page, base, "viewer", PASSWORD)
    page.goto(f"{base}/toimipaikat/salla/")
    here = page.locator("[data-here-today]")
    expect(here.locator(f'[data-presence-user="{aino.user_id}"]')).to_have_count(1)
    expect(here.locator(f'[data-presence-user="{matti.user_id}"]')).to_have_count(0)
    aino_label = page.locator(f'main > ul [data-where-user="{aino.user_id}"] .where__label')
    expect(aino_label).to_have_text("Salla")
    page.evaluate("window.__sameDocument = true")

    monkeypatch.setattr(worklocation, "today", lambda now=None: TUESDAY)
    page.clock.run_for("02:30")  # past midnight, the day check and its random delay (≤ 60 s)

    expect(page.locator("html")).to_have_attribute("data-day", TUESDAY.isoformat(), timeout=15_000)
    expect(here.locator(f'[data-presence-user="{matti.user_id}"]')).to_have_count(1)
    expect(here.locator(f'[data-presence-user="{aino.user_id}"]')).to_have_count(0)
    expect(aino_label).not_to_have_text("Salla")
    assert page.evaluate("window.__sameDocument") is True  # no reload happened
