"""The round page: the draft with anchored comments, polls, statements, results and proposals."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from strategy import draft, opinion_view, results, roles
from strategy.models import Comment, Poll, Proposal, Statement
from strategy.models.participation import Answer


def _poll_form(poll: Poll, posted: dict[int, str]) -> dict:
    """What a ranking or dot-vote form shows: each option with what the person typed (kept after an error)."""
    options = poll.options()
    given = sum(int(v) for v in posted.values() if str(v).isdigit())
    return {
        "fields": [
            {"index": i, "label": label, "value": posted.get(i, "")} for i, label in enumerate(options)
        ],
        "positions": range(1, len(options) + 1),
        "given": given,
        "left": poll.dots - given,
    }


def context(request, round, *, failed_poll=None, posted=None, error="") -> dict:
    """The round page's context; ``failed_poll``/``posted``/``error``: a ranking or dot vote refused, shown
    again with what was typed."""
    is_open = round.is_open()
    polls = []
    for poll in round.polls.all():
        item = {"poll": poll, "results": results.poll_results(poll=poll)}
        if poll.kind in (Poll.Kind.RANKING, Poll.Kind.DOTS):
            failed = failed_poll is not None and poll.pk == failed_poll.pk
            item["form"] = _poll_form(poll, posted if failed else {})
            item["error"] = error if failed else ""
        polls.append(item)
    voted_polls = (
        set(round.polls.filter(participations__user=request.user).values_list("pk", flat=True))
        if polls
        else set()
    )
    unvoted, statements_html = [], ""
    if round.statements:
        statements = None
        if is_open:
            statements = list(Statement.objects.filter(round=round, state=Statement.State.APPROVED))
            voted = set(
                Statement.objects.filter(round=round, participations__user=request.user).values_list(
                    "pk", flat=True
                )
            )
            unvoted = [s for s in statements if s.pk not in voted]
        statements_html = statement_results_html(round=round, statements=statements)
    can_moderate = request.user.has_perm(roles.MODERATE)
    return {
        "round": round,
        "sections": _sections(round) if round.comments else [],
        "polls": polls,
        "voted_polls": voted_polls,
        "statements": unvoted,
        "statement_results_html": statements_html,
        "proposals": Proposal.objects.filter(round=round, hidden=False).select_related("answered_by")
        if round.proposals
        else [],
        "pending": Statement.objects.filter(round=round, state=Statement.State.PENDING)
        if can_moderate
        else [],
        "counts": results.public_counts(round=round),
        "can_answer": request.user.has_perm(roles.ANSWER),
        "can_moderate": can_moderate,
        "can_facilitate": request.user.has_perm(roles.FACILITATE),
        "answers": Answer.choices,
        "is_open": is_open,
    }


def _sections(round) -> list[dict]:
    """The current draft, paragraph by paragraph, with the comments anchored to each."""
    comments = list(
        Comment.objects.filter(round=round, hidden=False, parent__isnull=True)
        .select_related("author", "answered_by")
        .prefetch_related(Prefetch("replies", Comment.objects.select_related("author").order_by("pk")))
        .order_by("pk")
    )
    by_anchor: dict[str, list] = {}
    for comment in comments:
        by_anchor.setdefault(comment.anchor, []).append(comment)
    return [
        {
            "element": element,
            "comments": by_anchor.get(element.key, []),
            "paragraphs": [
                {
                    "anchor": f"{element.key}-p{i}",
                    "text": text,
                    "comments": by_anchor.get(f"{element.key}-p{i}", []),
                }
                for i, text in enumerate(draft.paragraphs(element.body), start=1)
            ],
        }
        for element in draft.current_elements()
    ]


# Rendered results are keyed by the round's generation token (renewed by every vote, moderation, edit and
# erasure: strategy.results.changed) and the map's refresh time, so an entry is never read stale; the
# timeout only frees the cache.
RESULTS_HTML_SECONDS = 600


def statement_results_html(*, round, statements=None) -> str:
    """The opinion map and the votes per statement as HTML, rendered once per change (200 statements and
    550 points are most of the page's cost). Empty while the round hides its results."""
    if not round.results_visible():
        return ""
    language = (get_language() or "fi")[:2]
    stamp = round.map_refreshed_at.timestamp() if round.map_refreshed_at else 0
    key = (
        f"strategy:results-html:{round.pk}:{language}:{results.round_token(round)}:{stamp:.6f}"
        f":{round.closes_at.timestamp():.0f}"
    )
    html = cache.get(key)
    if html is None:
        if statements is None:
            statements = list(Statement.objects.filter(round=round, state=Statement.State.APPROVED))
        html = render_to_string(
            "strategy/_statement_results.html",
            {
                "opinion": opinion_view.context(round=round, statements=statements),
                "statement_results": results.statement_results(round=round),
            },
        )
        cache.set(key, html, RESULTS_HTML_SECONDS)
    return mark_safe(html)  # noqa: S308 (rendered by our own template with autoescape)
