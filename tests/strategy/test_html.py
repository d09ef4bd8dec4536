"""The strategy pages pass the project's HTML checks: one h1, no skipped levels, unique ids, no inline code."""

import pytest
from django.urls import reverse

from strategy import draft
from strategy.models import Comment, Proposal
from tests.html_checks import date_problems, duplicate_ids, heading_problems, inline_code, parse_errors

pytestmark = pytest.mark.django_db


def test_strategy_pages_pass_the_html_checks(client, strategy_map, poll_round, team_user, leader_user):
    round = poll_round["round"]
    Comment.objects.create(round=round, anchor="toiminta-ajatus-p1", text="Hyvä")
    Proposal.objects.create(round=round, title="Ehdotus", text="Teksti")
    draft.publish_version(user=team_user, change_note_fi="Ensimmäinen")
    team_user.groups.add(*leader_user.groups.all())
    client.force_login(team_user)
    urls = [
        reverse("strategy:index"),
        reverse("strategy:round", args=[round.slug]),
        reverse("strategy:versions"),
        reverse("strategy:version", args=[1]),
        reverse("strategy:facilitation", args=[round.slug]),
        reverse("strategy:actions"),
        reverse("strategy:action", args=[strategy_map["action"].key]),
        reverse("strategy:reminders"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        problems = heading_problems(html) + duplicate_ids(html) + parse_errors(html) + inline_code(html)
        problems += date_problems(html)
        assert problems == [], (url, problems)
