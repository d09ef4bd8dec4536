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
