"""The round page's cached results: never stale after a vote, a moderation, an edit or an erasure, and a
page costs the same queries whatever the number of votes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from privacy import erasure
from strategy import voting
from strategy.models import Statement
from tests.strategy.conftest import close, make_round, person

pytestmark = pytest.mark.django_db


def _votes_row(html: str, text: str) -> str:
    start = html.index(f"<td>{text}</td>", html.index("Votes per statement"))
    return html[start : html.index("</tr>", start)]


def test_visible_results_follow_votes_edits_and_erasure(client, django_capture_on_commit_callbacks):
    round = make_round(slug="avoin", anonymous=False, hidden=False, proposals=False)
    statement = Statement.objects.create(
        round=round, text="Etätyö on tärkeää.", state=Statement.State.APPROVED
    )
    voters = [person(f"v{n}") for n in range(7)]
    reader = person("lukija")
    client.force_login(reader)
    client.cookies["django_language"] = "en"
    url = reverse("strategy:round", args=[round.slug])

    def vote(user):
        with django_capture_on_commit_callbacks(execute=True):
            voting.vote_statement(
                statement=statement,
                user=user,
                voter=voting.voter_key(round=round, user=user, token=""),
                choice=1,
            )

    for user in voters[:5]:
        vote(user)
    assert "<td>5</td>" in _votes_row(client.get(url).content.decode(), statement.text)
    vote(voters[5])
    assert "<td>6</td>" in _votes_row(client.get(url).content.decode(), statement.text)
    # An edit in the admin shows at once.
    with django_capture_on_commit_callbacks(execute=True):
        statement.text = "Etätyö on hyvin tärkeää."
        statement.save()
    assert "Etätyö on hyvin tärkeää." in client.get(url).content.decode()
    # Closed: cached, the same queries whatever the number of votes; an erasure still shows at once.
    vote(voters[6])
    close(round)
    client.get(url)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url).content.decode()
        return len(captured), html

    count, html = queries()
    assert "7 people have taken part" in html and "<td>7</td>" in _votes_row(html, statement.text)
    with django_capture_on_commit_callbacks(execute=True):
        erasure.erase(user=voters[0], reason="request")
    again, html = queries()
    assert "6 people have taken part" in html and "<td>6</td>" in _votes_row(html, statement.text)
    assert queries()[0] == count
