"""Results and participation figures, with the two rules that keep answers private.

* **Hidden until close**: while a round hides its results, every reader of results (pages, the JSON
  endpoint, notifications, e-mails, exports) gets ``None`` from here, for everyone, the strategy team
  included. Only whether and how many people have taken part is known.
* **Groups of at least five**: participation is shown per agency, unit or location only for groups of
  :data:`MIN_GROUP` people or more, and a total only from :data:`MIN_GROUP` up.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Sum

from core import generations
from strategy.models import (
    Poll,
    PollAnswer,
    PollParticipation,
    Statement,
    StatementParticipation,
    StatementVote,
)

MIN_GROUP = 5
# A closed round takes no more answers: its results are kept this long in the cache (edits of statement
# texts after close show within it).
FINAL_RESULTS_SECONDS = 600


def round_key(round_id: int) -> str:
    """The generation key of one round's cached results, figures and result fragments (core.generations)."""
    return f"strategy:round:{round_id}"


def round_token(round) -> str:
    return generations.current(round_key(round.pk))


def changed(round_id: int) -> None:
    """Something a round's cached results show changed (a vote, moderation, an edit, an erasure): after
    the transaction commits, nothing cached under the old token is read again."""
    from django.db import transaction

    transaction.on_commit(lambda: generations.renew(round_key(round_id)))


def _final(round, name: str, compute, now=None):
    """``compute()``, from the cache once the round has closed (its answers can no longer change; an
    erasure or an edit renews the round's generation token)."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    if not round.is_closed(now):
        return compute()
    language = (get_language() or "fi")[:2]  # option labels are in the reader's language
    key = f"strategy:{name}:{round.pk}:{round.closes_at.timestamp():.0f}:{language}:{round_token(round)}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, FINAL_RESULTS_SECONDS)
    return found


def poll_results(*, poll: Poll, now=None) -> dict | None:
    """Counts per option (or scale value), or None while the round hides its results."""
    if not poll.round.results_visible(now):
        return None
    return _final(poll.round, f"poll{poll.pk}", lambda: _poll_results(poll), now)


def _poll_results(poll: Poll) -> dict:
    if poll.kind == Poll.Kind.RANKING:
        return _ranking_results(poll)
    if poll.kind == Poll.Kind.DOTS:
        return _dot_results(poll)
    counts = dict(
        PollAnswer.objects.filter(poll=poll).values_list("choice").annotate(n=Count("id")).order_by()
    )
    voters = PollParticipation.objects.filter(poll=poll).count()
    options = poll.options()
    if poll.kind == Poll.Kind.SCALE:
        rows = [(label, counts.get(int(label), 0)) for label in options]
        total = sum(int(label) * n for label, n in rows)
        mean = round(total / voters, 1) if voters else None
    else:
        rows = [(label, counts.get(i, 0)) for i, label in enumerate(options)]
        mean = None
    return {
        "voters": voters,
        "rows": [
            {"label": label, "count": n, "percent": round(100 * n / voters) if voters else 0}
            for label, n in rows
        ],
        "mean": mean,
    }


def _ranking_results(poll: Poll) -> dict:
    """Borda count: with n options a first place gives n − 1 points, the last none; and the table of positions."""
    options = poll.options()
    n = len(options)
    at: dict[tuple[int, int], int] = {
        (choice, value): count
        for choice, value, count in PollAnswer.objects.filter(poll=poll)
        .values_list("choice", "value")
        .annotate(count=Count("id"))
        .order_by()
    }
    voters = PollParticipation.objects.filter(poll=poll).count()
    rows = []
    for i, label in enumerate(options):
        positions = [at.get((i, position), 0) for position in range(1, n + 1)]
        points = sum((n - position) * count for position, count in enumerate(positions, start=1))
        rows.append({"label": label, "positions": positions, "points": points})
    rows.sort(key=lambda row: -row["points"])
    top = (n - 1) * voters
    for place, row in enumerate(rows, start=1):
        row["place"] = place
        row["count"] = row["points"]
        row["percent"] = round(100 * row["points"] / top) if top else 0
    return {
        "voters": voters,
        "kind": "ranking",
        "positions": list(range(1, n + 1)),
        "rows": rows,
        "mean": None,
    }


def _dot_results(poll: Poll) -> dict:
    """Dots per option, and each option's share of all dots given."""
    totals = dict(
        PollAnswer.objects.filter(poll=poll).values_list("choice").annotate(dots=Sum("value")).order_by()
    )
    voters = PollParticipation.objects.filter(poll=poll).count()
    given = sum(totals.values())
    rows = [
        {
            "label": label,
            "count": totals.get(i, 0),
            "percent": round(100 * totals.get(i, 0) / given) if given else 0,
        }
        for i, label in enumerate(poll.options())
    ]
    return {"voters": voters, "kind": "dots", "dots": poll.dots, "rows": rows, "mean": None}


def statement_results(*, round, now=None) -> list[dict] | None:
    if not round.results_visible(now):
        return None
    return _final(round, "statements", lambda: _statement_results(round), now)


def _statement_results(round) -> list[dict]:
    statements = Statement.objects.filter(round=round, state=Statement.State.APPROVED)
    tallies: dict[int, Counter] = {}
    for statement_id, choice, n in (
        StatementVote.objects.filter(statement__round=round)
        .values_list("statement_id", "choice")
        .annotate(n=Count("id"))
        .order_by()
    ):
        tallies.setdefault(statement_id, Counter())[choice] = n
    rows = []
    for statement in statements:
        tally = tallies.get(statement.pk, Counter())
        total = sum(tally.values())
        rows.append(
            {
                "statement": statement,
                "agree": tally[StatementVote.AGREE],
                "disagree": tally[StatementVote.DISAGREE],
                "pass": tally[StatementVote.PASS],
                "total": total,
            }
        )
    return rows


def _participants(*, round):
    """Everyone who has taken part in a round (poll, statement, comment, proposal, support): one UNION query."""
    from strategy.models import Comment, Proposal, Support

    parts = [
        PollParticipation.objects.filter(poll__round=round).values_list("user_id", flat=True),
        StatementParticipation.objects.filter(statement__round=round).values_list("user_id", flat=True),
        Comment.objects.filter(round=round, author__isnull=False).values_list("author_id", flat=True),
        Proposal.objects.filter(round=round, author__isnull=False).values_list("author_id", flat=True),
        Support.objects.filter(proposal__round=round).values_list("user_id", flat=True),
    ]
    return parts[0].order_by().union(*(part.order_by() for part in parts[1:]))


def participant_ids(*, round) -> set[int]:
    return set(_participants(round=round))


def participant_count(*, round) -> int:
    """How many have taken part, counted in the database (a statement round has tens of thousands of rows)."""
    return _participants(round=round).count()


def shown_count(n: int) -> int | None:
    """A participation figure, or None (shown as "fewer than five") below the group limit."""
    return n if n >= MIN_GROUP else None


def public_counts(*, round) -> dict:
    """The figures anyone may see at any time: how many have taken part (>= 5), never what they answered.

    A closed round's figure is counted once (a UNION over tens of thousands of rows) and cached."""
    return {
        "participants": shown_count(_final(round, "participants", lambda: participant_count(round=round)))
    }
