"""No double vote under concurrent requests, and anonymous answers that point to no transaction, on PostgreSQL."""

import threading

import pytest
from django.db import connection

from strategy import voting
from strategy.models import PollAnswer, PollParticipation, StatementParticipation, StatementVote

# Real concurrency needs a database shared between threads (SQLite's test database is per connection).
pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TRIES = 8


def _race(target):
    start = threading.Barrier(TRIES)
    outcomes = []

    def run():
        try:
            start.wait()
            target()
            outcomes.append("ok")
        except voting.VoteRefused:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(TRIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


BALLOTS = {
    "multiple": ({"choices": [0, 1]}, [(0, None), (1, None)]),
    "ranking": ({"values": {0: 2, 1: 3, 2: 1}}, [(0, 2), (1, 3), (2, 1)]),
    "dots": ({"values": {0: 7, 1: 0, 2: 3}}, [(0, 7), (2, 3)]),
}


@pytest.mark.parametrize("kind", sorted(BALLOTS))
def test_concurrent_votes_of_one_person_count_once(poll_round, people, kind):
    user, poll = people[0], poll_round[kind]
    ballot, stored = BALLOTS[kind]
    outcomes = _race(lambda: voting.vote_poll(poll=poll, user=user, **ballot))
    assert outcomes == ["ok"] + ["refused"] * (TRIES - 1)
    assert PollParticipation.objects.filter(poll=poll, user=user).count() == 1
    assert sorted(PollAnswer.objects.filter(poll=poll).values_list("choice", "value")) == stored


def test_concurrent_statement_votes_count_once(poll_round, people):
    user, statement = people[0], poll_round["statement"]
    outcomes = _race(
        lambda: voting.vote_statement(
            statement=statement, user=user, voter=voting.new_voter_token(), choice=1
        )
    )
    assert outcomes == ["ok"] + ["refused"] * (TRIES - 1)
    assert StatementParticipation.objects.filter(statement=statement).count() == 1
    assert StatementVote.objects.filter(statement=statement).count() == 1


def test_after_mixing_no_answer_shares_a_transaction_with_its_voter(poll_round, people):
    poll = poll_round["single"]
    for user in people[:4]:
        voting.vote_poll(poll=poll, user=user, choices=[1])
    participations = list(PollParticipation.objects.filter(poll=poll).values_list("id", flat=True))
    answers = list(PollAnswer.objects.filter(poll=poll).values_list("id", flat=True))
    voter_xids = voting.transaction_ids(PollParticipation, participations)
    # Written with the vote, each answer carries its voter's transaction id (what mixing is for)...
    assert voting.transaction_ids(PollAnswer, answers) <= voter_xids
    voting.mix_anonymous_answers()
    mixed = voting.transaction_ids(
        PollAnswer, PollAnswer.objects.filter(poll=poll).values_list("id", flat=True)
    )
    # ...afterwards all share one new transaction id, none of the voters'.
    assert len(mixed) == 1 and not mixed & voter_xids
