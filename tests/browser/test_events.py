"""Events in a browser: register for a hybrid event's viewing room on a phone, get the .ics, and the organiser
sees the attendee and marks attendance. Through the UI, with axe on the pages used."""

import datetime

import icalendar
import pytest
from playwright.sync_api import expect

from events.models import EventIndexPage, Registration
from teams.models import Agency, Location, Person
from tests.browser.test_accessibility import violations
from tests.browser.test_news import _signed_in
from tests.events.conftest import publish_event

pytestmark = pytest.mark.browser


def test_register_for_a_room_at_360px_ics_and_attendance(demo, browser):
    reader = Person.objects.select_related("user", "home_location").get(user__username="henkilo")
    office = reader.home_location or Location.objects.order_by("pk").first()
    index = EventIndexPage.objects.get(locale__language_code="fi")
    event = publish_event(
        index,
        organiser=Agency.objects.get(kind=Agency.Kind.KEHA),
        title="Hybridi-info selaintestissä",
        format="hybrid",
        online_url="https://teams.example/selaintesti",
        offices=[office],
        rooms=[(office, 5)],
        registration_enabled=True,
        capacity=50,
        questions="Ruokavalio",
        start=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=3),
    )

    with _signed_in(browser, demo, "henkilo", width=360) as page:
        page.goto(f"{demo}{event.url}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Hybridi-info selaintestissä")
        page.get_by_label(office.name, exact=False).check()
        page.get_by_label("Ruokavalio").fill("kasvis")
        page.get_by_role("button", name="Ilmoittaudu").click()
        expect(page.locator(".registration [role=status]")).to_contain_text("Vahvistettu")
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 360
        assert violations(page) == [], "event page at 360 px"
        href = page.get_by_role("link", name="Lisää kalenteriini (.ics)").get_attribute("href")
        response = page.request.get(f"{demo}{href}")
        assert response.ok
        (vevent,) = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
        assert str(vevent["summary"]) == "Hybridi-info selaintestissä"
        assert "selaintesti" in str(vevent["description"])  # a confirmed registrant gets the link
    registration = Registration.objects.get(event=event, user=reader.user)
    assert registration.room.location == office and registration.status == "confirmed"

    with _signed_in(browser, demo, "viestinta") as page:
        page.goto(f"{demo}/tapahtumat/{event.pk}/osallistujat/")
        row = page.get_by_role("row").filter(has_text=reader.user.get_full_name())
        expect(row).to_contain_text("kasvis")
        assert violations(page) == [], "attendee list"
        row.get_by_role("checkbox").check()
        page.get_by_role("button", name="Tallenna läsnäolot").click()
        expect(page.locator(".messages")).to_contain_text("Läsnäolot tallennettu")
    registration.refresh_from_db()
    assert registration.attended is True


@pytest.mark.parametrize("width", [1280, 360])
def test_month_view_grid_and_phone_agenda(demo, browser, width):
    """The month as a calendar grid at 1280 px and as an agenda by day at 360 px: axe clean, no sideways scroll."""
    with _signed_in(browser, demo, "henkilo", width=width) as page:
        page.goto(f"{demo}/tapahtumat/kalenteri/")
        table = page.get_by_role("table")
        expect(table.locator("caption")).to_be_visible()
        assert violations(page) == [], f"month view at {width} px"
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width
        if width == 360:
            # The agenda: the column headers are hidden and each day with events shows its date.
            expect(table.locator("thead")).not_to_be_in_viewport()
        page.get_by_role("link", name="Seuraava kuukausi").click()
        expect(page).to_have_url(f"{demo}/tapahtumat/kalenteri/{_next_month()}/")
        assert violations(page) == [], f"next month at {width} px"


def _next_month() -> str:
    today = datetime.date.today()
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return f"{following.year}/{following.month}"
