"""Chat in two real browsers against a real Daphne: live messages, typing, unread badges, keyboard only, axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.chat.servers import Daphne, prepare_database

pytestmark = pytest.mark.browser

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def chat_server(tmp_path_factory, migrated_site):
    var = tmp_path_factory.mktemp("chat-browser")
    setup = prepare_database(var, migrated_site)
    setup["var"] = var
    server = Daphne(var).start()
    yield server.url, setup
    server.stop()


def signed_in(browser, url, cookie, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 860})
    name, value = cookie.split("=", 1)
    context.add_cookies([{"name": name, "value": value, "url": url}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG)
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def test_two_people_chat_see_typing_and_unread_badges(browser, chat_server):
    url, setup = chat_server
    room, other_room = setup["room"], setup["room2"]
    a_context, aino = signed_in(browser, url, setup["users"]["aino"]["cookie"])
    b_context, bertil = signed_in(browser, url, setup["users"]["bertil"]["cookie"])
    try:
        aino.goto(f"{url}/chat/{room}/")
        bertil.goto(f"{url}/chat/{room}/")
        for page in (aino, bertil):
            page.wait_for_function("() => window.TaimiChat && window.TaimiChat.state().following")

        # Keyboard only: type, Enter sends; the other browser sees typing and then the message live.
        aino.locator("#composer-text").focus()
        aino.keyboard.type("Huomenta Bertil! Tänään päivystää Åsa 😀 https://keha.fi/ohje")
        bertil.locator("[data-typing]").filter(has_text="Aino").wait_for()
        aino.keyboard.press("Enter")
        message = bertil.locator(".chat-msg").filter(has_text="Huomenta Bertil!")
        message.wait_for()
        assert "Åsa 😀" in message.inner_text()
        link = message.get_by_role("link", name="https://keha.fi/ohje")
        assert link.get_attribute("rel") == "noopener noreferrer nofollow"
        # New messages from others are announced to screen readers; the history is not in a live region.
        bertil.wait_for_function(
            "() => document.querySelector('[data-announcer]').textContent.includes('Huomenta Bertil!')"
        )
        assert bertil.locator("[data-messages]").get_attribute("aria-live") is None

        # A message in the other room: Bertil's room list, the navigation and the page title show it unread.
        aino.goto(f"{url}/chat/{other_room}/")
        aino.wait_for_function("() => window.TaimiChat && window.TaimiChat.state().following")
        aino.locator("#composer-text").fill("Kahvia kolmannessa kerroksessa ☕")
        aino.locator("#composer-text").press("Enter")
        badge = bertil.locator(f'[data-room="{other_room}"] [data-unread]')
        badge.wait_for(state="visible")
        assert badge.inner_text().startswith("1")
        bertil.wait_for_function("() => document.title.startsWith('(1)')")
        assert bertil.locator(".main-nav a [data-chat-unread]").inner_text().startswith("1")

        # Bertil opens the room with the keyboard: the message is there and the badge clears.
        bertil.locator(f'[data-room="{other_room}"]').focus()
        bertil.keyboard.press("Enter")
        bertil.locator(".chat-msg").filter(has_text="Kahvia kolmannessa").wait_for()
        bertil.wait_for_function("() => !document.title.startsWith('(')")
        # Reply and react from the message menu, by keyboard.
        menu = bertil.locator(".chat-msg").filter(has_text="Kahvia kolmannessa").locator("summary")
        menu.focus()
        bertil.keyboard.press("Enter")
        bertil.get_by_role("button", name=re.compile("👍")).first.click()
        aino.locator(".reaction").filter(has_text="👍 1").wait_for()

        assert violations(bertil) == []
    finally:
        a_context.close()
        b_context.close()


def test_chat_page_at_360_px_is_usable_and_accessible(browser, chat_server):
    url, setup = chat_server
    context, page = signed_in(browser, url, setup["users"]["bertil"]["cookie"], width=360)
    try:
        page.goto(f"{url}/chat/")
        assert violations(page) == []
        page.locator(f'[data-room="{setup["room"]}"]').click()
        page.wait_for_function("() => window.TaimiChat && window.TaimiChat.state().following")
        composer = page.locator("#composer-text")
        assert composer.is_visible()
        box = composer.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
        assert violations(page) == []
    finally:
        context.close()


PICKER_PEOPLE = """
from tests.factories import AgencyFactory, PersonFactory, UserFactory
from teams.models import Agency
agency = Agency.objects.get(slug="keha-e2e")
for username, first, last in [("liisa.makela", "Liisa", "Mäkelä"), ("liisa.makinen", "Liisa", "Mäkinen"),
                              ("mikael.sjoberg", "Mikael", "Sjöberg")]:
    PersonFactory(user=UserFactory(username=username, first_name=first, last_name=last), agency=agency)
"""


def test_direct_message_picked_by_name_with_the_keyboard_at_360_px(browser, chat_server):
    """The people picker is an ARIA 1.2 combobox: typing "makela" (no ä) lists Liisa Mäkelä first, the arrow
    key makes her the active option, Enter picks her and Enter again opens the conversation; axe finds
    nothing with the list open, and nothing scrolls sideways at 360 px."""
    from tests.chat.servers import manage

    url, setup = chat_server
    manage(setup["var"], "shell", "-c", PICKER_PEOPLE)
    context, page = signed_in(browser, url, setup["users"]["bertil"]["cookie"], width=360)
    try:
        page.goto(f"{url}/chat/")
        pattern = re.compile("direct message|yksityisviesti|direktmeddelande", re.I)
        summary = page.locator("summary", has_text=pattern)
        summary.first.focus()
        page.keyboard.press("Enter")
        box = page.locator("#chat-direct-user")
        box.focus()
        assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
        page.keyboard.type("makela")
        first = page.locator("#" + box.get_attribute("aria-controls") + " [role=option]").first
        first.wait_for()
        assert box.get_attribute("aria-expanded") == "true"
        assert first.inner_text().startswith("Liisa Mäkelä")
        page.keyboard.press("ArrowDown")
        assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
        assert first.get_attribute("aria-selected") == "true"
        assert violations(page) == []
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
        page.keyboard.press("Enter")
        assert box.input_value() == "Liisa Mäkelä" and box.get_attribute("aria-expanded") == "false"
        assert page.locator("input[name=person]").input_value() == "liisa.makela"
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/chat/\d+/$"))
        assert page.locator("#chat-room-title").inner_text() == "Liisa Mäkelä"
    finally:
        context.close()


def test_typing_ends_with_the_message_and_the_banner_follows_the_socket(browser, chat_server):
    """Before: "Aino is typing" stayed ~5 s after her message arrived, and the "no connection" banner stayed
    up to a minute after the browser was back online while messages already arrived."""
    from playwright.sync_api import expect

    url, setup = chat_server
    room = setup["room"]
    a_context, aino = signed_in(browser, url, setup["users"]["aino"]["cookie"])
    b_context, bertil = signed_in(browser, url, setup["users"]["bertil"]["cookie"])
    try:
        for page in (aino, bertil):
            page.goto(f"{url}/chat/{room}/")
            # the server confirmed the subscription: a typing frame before it would reach nobody
            page.wait_for_function("() => window.TaimiChat && window.TaimiChat.state().following")
        typing = bertil.locator("[data-typing]")
        aino.locator("#composer-text").fill("Kirjoitan tätä hetken")
        aino.locator("#composer-text").press("a")  # a key press sends the typing frame
        expect(typing).to_contain_text("Aino")
        aino.locator("#composer-text").press("Enter")
        bertil.locator(".chat-msg").filter(has_text="Kirjoitan tätä hetken").wait_for()
        expect(typing).to_have_text("", timeout=1000)  # at once, not when the 6 s display time runs out

        banner = bertil.locator("[data-connection]")
        b_context.set_offline(True)
        expect(banner).not_to_have_text("")
        b_context.set_offline(False)
        aino.locator("#composer-text").fill("Oletko taas linjoilla?")
        aino.locator("#composer-text").press("Enter")
        bertil.locator(".chat-msg").filter(has_text="Oletko taas linjoilla?").wait_for(timeout=5000)
        expect(banner).to_have_text("", timeout=2000)
        expect(bertil.locator("#composer-text")).to_be_editable()
    finally:
        a_context.close()
        b_context.close()
