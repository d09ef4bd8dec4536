"""Builders (tests/privacy/kinds.py) for the strategy's personal data.

Each builder writes into a named round of its own: an anonymous round stores no person on answers,
votes, comments or statements (docs/strategy.md#anonymity), so it has nothing to build. Rows with a
random UUID key are returned as strings, as the export's JSON holds them.
"""

from __future__ import annotations

import datetime

from django.db.models import Max
from django.utils import timezone

from tests.privacy.kinds import _pair_rows, _serial, builder


def _round():
    from strategy.models import Round

    n = next(_serial)
    now = timezone.now()
    return Round.objects.create(
        title_fi=f"Tietosuojakierros {n}",
        slug=f"privacy-round-{n}",
        stage=Round.Stage.GOALS,
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=7),
        anonymous=False,
        proposals=True,
        statements=True,
    )


def _poll():
    from strategy.models import Poll

    return Poll.objects.create(round=_round(), kind=Poll.Kind.SINGLE, question_fi="Kumpi?", options_fi="A\nB")


def _statement(author=None):
    from strategy.models import Statement

    return Statement.objects.create(
        round=_round(), text=f"Väite {next(_serial)}", author=author, state=Statement.State.APPROVED
    )


def _element(responsible=None, kind="action"):
    from strategy.models import Element

    n = next(_serial)
    return Element.objects.create(
        kind=kind, key=f"privacy-{n}", title_fi=f"Toimenpide {n}", responsible=responsible
    )


def _str_pks(pair):
    return tuple(str(pk) for pk in pair)


# --- The map ---------------------------------------------------------------------------------------


@builder("strategy.Element")
def _strategy_element(me, other):
    return _pair_rows(lambda user, n: _element(responsible=user), me, other)


@builder("strategy.Version")
def _strategy_version(me, other):
    from strategy.models import Version

    def make(user, n):
        number = (Version.objects.aggregate(top=Max("number"))["top"] or 0) + 1
        return Version.objects.create(number=number, published_by=user, change_note_fi=f"muutos {n}")

    return _pair_rows(make, me, other)


@builder("strategy.Visit")
def _strategy_visit(me, other):
    from strategy.models import Visit

    return _pair_rows(
        lambda user, n: Visit.objects.update_or_create(user=user, defaults={"version_number": n})[0],
        me,
        other,
    )


@builder("strategy.ActionUpdate")
def _strategy_update(me, other):
    from strategy.models import ActionUpdate, Element

    action = _element()
    return _pair_rows(
        lambda user, n: ActionUpdate.objects.create(
            action=action, status=Element.Status.ON_TRACK, text=f"tilanne {n}", author=user
        ),
        me,
        other,
    )


# --- Comments, proposals, support ------------------------------------------------------------------


@builder("strategy.Comment")
def _strategy_comment(me, other):
    from strategy.models import Comment
    from strategy.models.participation import Answer

    round = _round()
    mine = Comment.objects.create(round=round, anchor="mission-p1", author=me, text="my strategy comment")
    # The other's comment, answered by me: the leadership's answer does not make it mine.
    theirs = Comment.objects.create(
        round=round,
        anchor="mission-p1",
        author=other,
        text="their strategy comment",
        answer=Answer.TAKEN_IN,
        answer_text="otettu mukaan",
        answered_by=me,
        answered_at=timezone.now(),
    )
    return mine.pk, theirs.pk


@builder("strategy.Proposal")
def _strategy_proposal(me, other):
    from strategy.models import Proposal
    from strategy.models.participation import Answer

    round = _round()
    mine = Proposal.objects.create(round=round, author=me, title="my proposal", text="my proposal")
    theirs = Proposal.objects.create(
        round=round,
        author=other,
        title="their proposal",
        text="their proposal",
        answer=Answer.TO_BE_STUDIED,
        answered_by=me,
        answered_at=timezone.now(),
    )
    return mine.pk, theirs.pk


@builder("strategy.Support")
def _strategy_support(me, other):
    from strategy.models import Proposal, Support

    proposal = Proposal.objects.create(round=_round(), author=other, title="support me", text="t")
    return _pair_rows(lambda user, n: Support.objects.create(proposal=proposal, user=user), me, other)


@builder("strategy.ReminderOptOut")
def _strategy_opt_out(me, other):
    from strategy.models import ReminderOptOut

    return _pair_rows(lambda user, n: ReminderOptOut.objects.get_or_create(user=user)[0], me, other)


# --- Polls and statements (named round) ------------------------------------------------------------


@builder("strategy.PollParticipation")
def _strategy_poll_participation(me, other):
    from strategy.models import PollParticipation

    poll = _poll()
    day = timezone.localdate()
    return _str_pks(
        _pair_rows(lambda user, n: PollParticipation.objects.create(poll=poll, user=user, day=day), me, other)
    )


@builder("strategy.PollAnswer")
def _strategy_poll_answer(me, other):
    from strategy.models import PollAnswer

    poll = _poll()
    return _str_pks(
        _pair_rows(lambda user, n: PollAnswer.objects.create(poll=poll, choice=n % 2, user=user), me, other)
    )


@builder("strategy.Statement")
def _strategy_statement(me, other):
    return _pair_rows(lambda user, n: _statement(author=user), me, other)


@builder("strategy.StatementVote")
def _strategy_statement_vote(me, other):
    from strategy.models import StatementVote

    statement = _statement()
    return _str_pks(
        _pair_rows(
            lambda user, n: StatementVote.objects.create(
                statement=statement, voter=f"user:{user.pk}", choice=StatementVote.AGREE, user=user
            ),
            me,
            other,
        )
    )


@builder("strategy.StatementParticipation")
def _strategy_statement_participation(me, other):
    from strategy.models import StatementParticipation

    statement = _statement()
    day = timezone.localdate()
    return _str_pks(
        _pair_rows(
            lambda user, n: StatementParticipation.objects.create(statement=statement, user=user, day=day),
            me,
            other,
        )
    )


# --- Facilitation exports (the requester may download) ----------------------------------------------


@builder("strategy.RoundExport")
def _strategy_round_export(me, other):
    from strategy.models import RoundExport

    round = _round()
    return _pair_rows(
        lambda user, n: RoundExport.objects.create(round=round, requested_by=user, format="csv"), me, other
    )
