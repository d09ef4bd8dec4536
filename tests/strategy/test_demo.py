"""The demo strategy process: five stages, earlier ones closed with results and answers, one open round
whose statement votes form real opinion groups."""

import pytest
from django.urls import reverse

from strategy.models import Comment, Proposal, Round, StatementVote, Version

pytestmark = pytest.mark.django_db


def test_demo_strategy_process(demo_loaded, client):
    rounds = list(Round.objects.order_by("stage"))
    assert [r.stage for r in rounds] == [1, 2, 3, 4, 5]
    assert all(r.is_closed() for r in rounds[:4]) and rounds[4].is_open()
    assert Version.objects.count() == 4
    assert Proposal.objects.exclude(answer="").count() >= 6
    open_round = rounds[4]
    assert (
        Comment.objects.filter(round=open_round).exclude(anchor__regex=r"-p\d+$").count() < 4
    )  # paragraph anchors
    assert StatementVote.objects.filter(statement__round=open_round, user__isnull=True).count() > 2000
    groups = open_round.opinion_map.data["groups"]
    assert len(groups) >= 2 and min(g["size"] for g in groups) >= 50
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="viestinta"))
    page = client.get(reverse("strategy:round", args=[open_round.slug])).content.decode()
    assert "Neuvontapalvelujen rooli" in page
    # Closed rounds show their results.
    closed = client.get(reverse("strategy:round_json", args=[rounds[0].slug])).json()
    assert closed["polls"][0]["results"]["voters"] == 120
    # Ranking and dot vote: a closed stage shows the Borda count and the dots, the open round takes ballots.
    values = client.get(reverse("strategy:round_json", args=[rounds[1].slug])).json()["polls"]
    kinds = {poll["results"].get("kind"): poll["results"] for poll in values}
    assert kinds["ranking"]["voters"] == 110 and kinds["ranking"]["rows"][0]["points"] > 0
    assert sum(row["count"] for row in kinds["dots"]["rows"]) == 110 * 10
    assert "Borda" in client.get(reverse("strategy:round", args=[rounds[1].slug])).content.decode()
    assert {"ranking", "dots"} <= set(open_round.polls.values_list("kind", flat=True))
    assert 'name="rank-0"' in page and 'name="dots-0"' in page


def test_demo_actions_link_the_events_and_news_where_they_are_worked_on(demo_loaded, client):
    from django.contrib.auth import get_user_model

    from events.models import EventPage
    from strategy.models import Element

    actions = list(Element.objects.filter(kind=Element.Kind.ACTION))
    assert actions and all(action.related_pages.count() == 2 for action in actions)
    client.force_login(get_user_model().objects.get(username="henkilo"))
    action = actions[0]
    event = EventPage.objects.get(pk__in=action.related_pages.values("pk"))
    page = client.get(reverse("strategy:action", args=[action.key])).content.decode()
    assert f'href="{event.url}"' in page and event.title in page
