"""Results and participation figures, with the two rules that keep answers private.

* **Hidden until close**: while a round hides its results, every reader of results (pages, the JSON
  endpoint, notifications, e-mails, exports) gets ``None`` from here, for everyone, the strategy team
  included. Only whether and how many people have taken part is known.
* **Groups of at least five**: participation is shown per agency, unit or location only for groups of
  :data:`MIN_GROUP` people or more, and a total only from :data:`MIN_GROUP` up.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Count

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


def _final(round, name: str, compute, now=None):
    """``compute()``, from the cache once the round has closed (its answers can no longer change)."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    if not round.is_closed(now):
        return compute()
    language = (get_language() or "fi")[:2]  # option labels are in the reader's language
    key = f"strategy:{name}:{round.pk}:{round.closes_at.timestamp():.0f}:{language}"
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
    """The figures anyone may see at any time: how many have taken part (>= 5), never what they answered."""
    return {"participants": shown_count(participant_count(round=round))}
