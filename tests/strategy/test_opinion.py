"""The opinion map recovers known groups from fixed votes, names unifying and dividing statements."""

import random

import pytest

from strategy import opinion, voting
from strategy.models import Statement
from tests.strategy.conftest import close

# Statements 1-4: group A agrees, group B disagrees; 5-8 the other way round; 9-10 everyone agrees.
STATEMENTS = list(range(1, 11))


def fixed_votes(*, per_group=30, noise=0.1, seed=7):
    rng = random.Random(seed)
    votes, truth = [], {}
    for group, sign in (("a", 1), ("b", -1)):
        for n in range(per_group):
            voter = f"{group}{n}"
            truth[voter] = group
            for s in STATEMENTS:
                choice = 1 if s > 8 else (sign if s <= 4 else -sign)
                if rng.random() < noise:
                    choice = rng.choice([1, -1, 0])
                votes.append((voter, s, choice))
    return votes, truth


def test_known_groups_are_recovered():
    votes, truth = fixed_votes()
    voters = sorted(truth)
    data = opinion.compute(voters=voters, statements=STATEMENTS, votes=votes)
    assert [g["size"] for g in data["groups"]] == [30, 30]
    labels = [point[2] for point in data["points"]]
    by_truth = {(truth[voter], label) for voter, label in zip(voters, labels)}
    assert (
        len(by_truth) == 2
    )  # every member of a true group got the same label, the two groups different ones
    unifying = {row["id"] for row in data["statements"] if row["unifying"]}
    divisive = {row["id"] for row in data["statements"] if row["divisive"]}
    assert unifying == {9, 10}
    assert divisive == set(range(1, 9))


def test_same_votes_same_map():
    votes, truth = fixed_votes()
    first = opinion.compute(voters=sorted(truth), statements=STATEMENTS, votes=votes)
    second = opinion.compute(voters=sorted(truth), statements=STATEMENTS, votes=votes)
    assert first == second


def test_too_few_participants_give_no_groups():
    votes, truth = fixed_votes(per_group=4)
    data = opinion.compute(voters=sorted(truth), statements=STATEMENTS, votes=votes)
    assert data["groups"] == [] and data["points"] == []


@pytest.mark.django_db
def test_the_worker_refreshes_the_map_shown_after_close(client, poll_round, people):
    from strategy import tasks
    from tests.strategy.conftest import person

    round = poll_round["round"]
    statements = [poll_round["statement"]] + [
        Statement.objects.create(round=round, text=f"Väite {n}", state=Statement.State.APPROVED)
        for n in range(5)
    ]
    voters = [person(f"aanestaja{n}") for n in range(12)]
    for n, user in enumerate(voters):
        token = voting.new_voter_token()
        for i, statement in enumerate(statements):
            voting.vote_statement(
                statement=statement, user=user, voter=token, choice=1 if (n < 6) == (i < 3) else -1
            )
    assert tasks.refresh_opinion_maps.call() == 1
    assert [g["size"] for g in round.opinion_map.data["groups"]] == [6, 6]
    client.force_login(people[0])
    page = client.get(f"/strategia/kierros/{round.slug}/").content.decode()
    assert 'class="opinion-map"' not in page  # hidden until close
    close(round)
    page = client.get(f"/strategia/kierros/{round.slug}/").content.decode()
    assert 'class="opinion-map"' in page and "Väite 4" in page
