"""Erasing a person corrects the strategy's counters: proposal supporters, the opinion map of a named round."""

import datetime

import pytest
from django.utils import timezone

from privacy import erasure
from strategy import opinion, services, tasks, voting
from strategy.models import OpinionMap, Proposal, Round, Statement
from tests.strategy.conftest import make_round

pytestmark = pytest.mark.django_db


def test_erasing_a_supporter_lowers_the_count(poll_round, people):
    proposal = services.add_proposal(
        round=poll_round["round"], user=people[0], title="Etäpäivät", text="Kaksi"
    )
    for user in people[:4]:
        services.support(proposal=proposal, user=user)
    assert Proposal.objects.get(pk=proposal.pk).supporters_count == 4
    erasure.erase(user=people[1], reason="request")
    assert Proposal.objects.get(pk=proposal.pk).supporters_count == 3
    # Removing an account altogether (cascade) counts again too.
    people[2].delete()
    assert Proposal.objects.get(pk=proposal.pk).supporters_count == 2


def test_a_closed_named_rounds_map_is_computed_again_after_an_erasure(db, people):
    from tests.strategy.conftest import person

    round = make_round(slug="nimetty", anonymous=False, hidden=False)
    statements = [
        Statement.objects.create(round=round, text=f"Väite {n}", state=Statement.State.APPROVED)
        for n in range(4)
    ]
    voters = people + [person(f"lisa{n}") for n in range(6)]
    for n, user in enumerate(voters):
        for statement in statements:
            voting.vote_statement(
                statement=statement,
                user=user,
                voter=voting.voter_key(round=round, user=user, token=""),
                choice=1 if n % 2 else -1,
            )
    opinion.refresh(round=round)
    # Closed two hours ago: past the hour in which the worker still refreshes every closed round's map.
    Round.objects.filter(pk=round.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=3),
        closes_at=timezone.now() - datetime.timedelta(hours=2),
    )
    assert OpinionMap.objects.get(round=round).data["participants"] == 14
    assert tasks.refresh_opinion_maps.call() == 0  # nothing changed: nothing computed
    erasure.erase(user=voters[0], reason="request")
    assert tasks.refresh_opinion_maps.call() == 1
    assert OpinionMap.objects.get(round=round).data["participants"] == 13


def test_a_closed_rounds_figure_drops_when_a_commenter_is_erased(
    client, people, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from strategy.models import Comment
    from tests.strategy.conftest import close

    round = make_round(slug="kommentit", anonymous=False, hidden=False, statements=False, proposals=False)
    for user in people[:5]:
        Comment.objects.create(round=round, anchor="visio", text="Hyvä luonnos.", author=user)
    close(round)
    client.force_login(people[6])
    client.cookies["django_language"] = "en"
    url = reverse("strategy:round", args=[round.slug])
    assert "5 people have taken part" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        erasure.erase(user=people[0], reason="request")
    assert "Fewer than five people have taken part" in client.get(url).content.decode()
