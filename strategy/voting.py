"""Answers: poll votes, statement votes and new statements, with the anonymity rules of the round.

Every vote writes a "has taken part" row with a unique constraint first, so a second vote, even from
a concurrent request, fails on the database and changes nothing. In an anonymous round the answer row
holds no person, no time and a random key (docs/strategy.md#anonymity), and the worker's mixing job
(:func:`mix_anonymous_answers`) rewrites the answers of each anonymous poll in a random order in one
transaction, so neither their physical order nor their transaction ids point to the voter.
"""

from __future__ import annotations

import datetime
import random
import secrets
from collections import Counter

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from strategy import results
from strategy.models import (
    Poll,
    PollAnswer,
    PollParticipation,
    Statement,
    StatementParticipation,
    StatementVote,
)


class VoteRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _check_open(round) -> None:
    if not round.is_open():
        raise VoteRefused(_("This round is not open."))


def check_ranking(*, poll: Poll, values: dict[int, int]) -> list[tuple[int, int]]:
    """Every option its own position 1..n: the (option, position) pairs, or VoteRefused naming the problem."""
    count = len(poll.options())
    if any(not 0 <= option < count for option in values) or any(
        not 1 <= rank <= count for rank in values.values()
    ):
        raise VoteRefused(_("Give each option a position from 1 to %(n)s.") % {"n": count})
    missing = count - len(values)
    if missing:
        raise VoteRefused(
            ngettext(
                "Give every option a position: %(n)s option has none.",
                "Give every option a position: %(n)s options have none.",
                missing,
            )
            % {"n": missing}
        )
    used = Counter(values.values())
    twice = sorted(rank for rank, n in used.items() if n > 1)
    if twice:
        raise VoteRefused(
            _("Give each option its own position: %(ranks)s is used more than once.")
            % {"ranks": ", ".join(str(rank) for rank in twice)}
        )
    return sorted(values.items())


def check_dots(*, poll: Poll, values: dict[int, int]) -> list[tuple[int, int]]:
    """All of the poll's dots given, none negative: the (option, dots) pairs with dots, or VoteRefused."""
    count = len(poll.options())
    if any(not 0 <= option < count for option in values) or any(dots < 0 for dots in values.values()):
        raise VoteRefused(_("Give each option zero or more dots."))
    given = sum(values.values())
    if given > poll.dots:
        raise VoteRefused(
            _("You gave %(given)s dots; you have %(dots)s. Take away %(over)s.")
            % {"given": given, "dots": poll.dots, "over": given - poll.dots}
        )
    if given < poll.dots:
        raise VoteRefused(
            _("You gave %(given)s dots; you have %(dots)s. Give the remaining %(left)s.")
            % {"given": given, "dots": poll.dots, "left": poll.dots - given}
        )
    return sorted((option, dots) for option, dots in values.items() if dots)


def vote_poll(
    *, poll: Poll, user, choices: list[int] | None = None, values: dict[int, int] | None = None
) -> None:
    """Record one person's answer to a poll, once.

    ``choices``: the chosen option indexes (the scale value); ``values`` for a ranking (option ->
    position) and a dot vote (option -> dots).
    """
    round = poll.round
    _check_open(round)
    choices = list(choices or [])
    options = len(poll.options())
    pairs: list[tuple[int, int | None]]
    if poll.kind == Poll.Kind.RANKING:
        pairs = check_ranking(poll=poll, values=values or {})
    elif poll.kind == Poll.Kind.DOTS:
        pairs = check_dots(poll=poll, values=values or {})
    elif poll.kind == Poll.Kind.SCALE:
        if len(choices) != 1 or not 1 <= choices[0] <= poll.scale_max:
            raise VoteRefused(_("Choose a value on the scale."))
        pairs = [(choices[0], None)]
    elif poll.kind == Poll.Kind.SINGLE:
        if len(choices) != 1 or not 0 <= choices[0] < options:
            raise VoteRefused(_("Choose one option."))
        pairs = [(choices[0], None)]
    else:
        choices = sorted(set(choices))
        if not choices or not all(0 <= c < options for c in choices):
            raise VoteRefused(_("Choose at least one option."))
        pairs = [(c, None) for c in choices]
    try:
        with transaction.atomic():
            PollParticipation.objects.create(poll=poll, user=user, day=timezone.localdate())
            owner = None if round.anonymous else user
            PollAnswer.objects.bulk_create(
                [PollAnswer(poll=poll, choice=c, value=v, user=owner) for c, v in pairs]
            )
    except IntegrityError:
        raise VoteRefused(_("You have already answered this poll.")) from None
    results.changed(round.pk)


def new_voter_token() -> str:
    return secrets.token_urlsafe(18)


def voter_key(*, round, user, token: str) -> str:
    """The key that groups one participant's statement votes: the person's id or, anonymous, the browser's token."""
    return token if round.anonymous else f"user:{user.pk}"


def vote_statement(*, statement: Statement, user, voter: str, choice: int) -> None:
    round = statement.round
    _check_open(round)
    if statement.state != Statement.State.APPROVED:
        raise VoteRefused(_("This statement is not shown."))
    if choice not in (StatementVote.AGREE, StatementVote.DISAGREE, StatementVote.PASS):
        raise VoteRefused(_("Choose agree, disagree or pass."))
    try:
        with transaction.atomic():
            StatementParticipation.objects.create(statement=statement, user=user, day=timezone.localdate())
            StatementVote.objects.create(
                statement=statement, voter=voter, choice=choice, user=None if round.anonymous else user
            )
    except IntegrityError:
        raise VoteRefused(_("You have already voted on this statement.")) from None
    results.changed(round.pk)


def add_statement(*, round, user, text: str) -> Statement:
    """A participant's statement: shown only after moderation. Anonymous rounds do not store the author."""
    _check_open(round)
    if not round.statements:
        raise VoteRefused(_("This round has no statements."))
    text = " ".join(text.split())
    if not 5 <= len(text) <= 280:
        raise VoteRefused(_("Write a statement of 5 to 280 characters."))
    return Statement.objects.create(round=round, text=text, author=None if round.anonymous else user)


def moderate_statement(*, statement: Statement, approve: bool) -> None:
    statement.state = Statement.State.APPROVED if approve else Statement.State.REJECTED
    statement.save(update_fields=["state"])


# Rounds are mixed while open and for a day after they close (the votes of the last minutes too).
MIX_AFTER_CLOSE = datetime.timedelta(days=1)


def mix_anonymous_answers() -> int:
    """Rewrite the answers of every open (or just closed) anonymous round in a random order, all in one transaction.

    Afterwards the rows share one transaction id and their physical order is random, so neither points
    to the participation row written with each vote. Returns the number of rows rewritten.
    """
    now = timezone.now()
    rewritten = 0
    with transaction.atomic():
        for model, link in ((PollAnswer, "poll__round"), (StatementVote, "statement__round")):
            rows = list(
                model.objects.filter(
                    **{
                        f"{link}__anonymous": True,
                        f"{link}__opens_at__lte": now,
                        f"{link}__closes_at__gt": now - MIX_AFTER_CLOSE,
                    }
                ).values()
            )
            if not rows:
                continue
            model.objects.filter(pk__in=[row["id"] for row in rows]).delete()
            random.SystemRandom().shuffle(rows)
            model.objects.bulk_create([model(**row) for row in rows], batch_size=500)
            rewritten += len(rows)
    return rewritten


def transaction_ids(model, pks) -> set[int]:
    """The PostgreSQL transaction ids (xmin) of these rows: what the tests compare after mixing."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT xmin::text FROM {table} WHERE id = ANY(%s)", [list(pks)])
        return {int(row[0]) for row in cursor.fetchall()}
