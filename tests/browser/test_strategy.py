"""The strategy's browser test: a reader comments on a paragraph, votes, and sees the maps at 360 px (axe)."""

import pytest
from playwright.sync_api import expect

from strategy.models import Comment, PollParticipation, StatementParticipation
from tests.browser.test_accessibility import violations
from tests.browser.test_news import _signed_in

pytestmark = pytest.mark.browser

ROUND = "menestystekijat"
TEXT = "Kappale kaipaa esimerkin kunnista."


def test_reader_comments_on_a_paragraph_votes_and_sees_the_maps_at_360_px(demo, browser):
    with _signed_in(browser, demo, "henkilo", width=360) as page:
        page.goto(f"{demo}/strategia/kierros/{ROUND}/")
        assert violations(page) == [], "round page at 360 px"
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        paragraph = page.locator("#toiminta-ajatus-p1")
        paragraph.locator("summary").click()
        paragraph.get_by_role("textbox").fill(TEXT)
        paragraph.get_by_role("button").last.click()
        expect(page.locator("#toiminta-ajatus-p1 .strategy-comment")).to_contain_text(TEXT)
        # A multiple-choice poll: two boxes, then its own button.
        poll = page.locator("#polls .card").first
        poll.get_by_role("checkbox").nth(0).check()
        poll.get_by_role("checkbox").nth(2).check()
        poll.get_by_role("button").click()
        expect(page.locator("#polls .card").first).to_contain_text("Olet vastannut")
        # A ranking without dragging: a position per option; a position used twice comes back with the
        # error and the choices kept, then the order is fixed.
        ranking = page.locator("#polls .card").nth(2)
        for n, position in enumerate(["1", "1", "3", "4"]):
            ranking.locator("select").nth(n).select_option(position)
        ranking.get_by_role("button").click()
        ranking = page.locator("#polls .card").nth(2)
        expect(ranking.get_by_role("alert")).to_contain_text("1")
        expect(ranking.locator("select").nth(2)).to_have_value("3")
        assert violations(page) == [], "ranking error at 360 px"
        ranking.locator("select").nth(1).select_option("2")
        ranking.get_by_role("button").click()
        expect(page.locator("#polls .card").nth(2)).to_contain_text("Olet vastannut")
        # A dot vote from the keyboard: the form tells how many dots are left while typing.
        dots = page.locator("form[data-strategy-dots]")
        dots.get_by_role("spinbutton").nth(0).fill("6")
        dots.get_by_role("spinbutton").nth(2).fill("4")
        expect(dots.locator("[data-dots-left]")).to_have_text("10/10 pistettä annettu; 0 jäljellä.")
        dots.get_by_role("button").click()
        expect(page.locator("#polls .card").nth(3)).to_contain_text("Olet vastannut")
        # A statement: agree.
        page.locator("#statements form button[value='1']").click()
        # The opinion map of the open statement round, with its table.
        expect(page.locator("svg.opinion-map")).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        assert violations(page) == [], "round page after voting"
        page.goto(f"{demo}/strategia/")
        expect(page.locator("svg.strategy-map")).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        assert violations(page) == [], "strategy map at 360 px"
    comment = Comment.objects.get(text=TEXT)
    assert comment.anchor == "toiminta-ajatus-p1" and comment.author is None  # anonymous round
    assert PollParticipation.objects.filter(user__username="henkilo").count() == 3
    assert StatementParticipation.objects.filter(user__username="henkilo").count() == 1
