"""What the strategy's views call: comments, proposals, support, leadership answers, moderation."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strategy import draft
from strategy.models import Comment, Element, Proposal, Round, Support
from strategy.models.participation import Answer
from strategy.voting import VoteRefused


def rounds_with_state(now=None) -> dict:
    now = now or timezone.now()
    rounds = list(Round.objects.all())
    return {
        "open": [r for r in rounds if r.is_open(now)],
        "closed": [r for r in rounds if r.is_closed(now)],
        "coming": [r for r in rounds if r.opens_at > now],
    }


def valid_anchors() -> set[str]:
    anchors = set()
    for element in Element.objects.only("key", "body_fi"):
        anchors.add(element.key)
        anchors.update(f"{element.key}-p{i}" for i in range(1, len(draft.paragraphs(element.body_fi)) + 1))
    return anchors


def add_comment(*, round: Round, user, anchor: str, text: str, parent: Comment | None = None) -> Comment:
    if not round.is_open():
        raise VoteRefused(_("This round is not open."))
    if not round.comments:
        raise VoteRefused(_("This round takes no comments."))
    if anchor not in valid_anchors():
        raise VoteRefused(_("Choose a section or paragraph of the draft."))
    text = text.strip()
    if not text:
        raise VoteRefused(_("Write a comment."))
    latest = draft.latest_version()
    comment = Comment.objects.create(
        round=round,
        anchor=anchor,
        author=None if round.anonymous else user,
        parent=parent,
        text=text[:3000],
        version_number=latest.number if latest else 0,
    )
    from strategy import actions

    actions.counts_changed(round=round)
    return comment


def add_proposal(*, round: Round, user, title: str, text: str) -> Proposal:
    if not round.is_open() or not round.proposals:
        raise VoteRefused(_("This round takes no proposals now."))
    if not title.strip() or not text.strip():
        raise VoteRefused(_("Give the proposal a title and a text."))
    return Proposal.objects.create(
        round=round, author=None if round.anonymous else user, title=title.strip()[:200], text=text.strip()
    )


def edit_proposal(*, proposal: Proposal, user, title: str, text: str) -> Proposal:
    if proposal.author_id != user.pk:
        raise PermissionError
    proposal.title, proposal.text, proposal.edited_at = title.strip()[:200], text.strip(), timezone.now()
    proposal.save(update_fields=["title", "text", "edited_at"])
    _queue_followers(proposal_id=proposal.pk, event=f"edit:{proposal.edited_at.timestamp():.0f}")
    return proposal


def support(*, proposal: Proposal, user) -> bool:
    """Support a proposal once; returns False when already supported."""
    if not proposal.round.is_open():
        raise VoteRefused(_("This round is not open."))
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, user=user)
            Proposal.objects.filter(pk=proposal.pk).update(supporters_count=F("supporters_count") + 1)
    except IntegrityError:
        return False
    return True


def answer(*, target, user, answer: str, text: str) -> None:
    """The leadership's official answer on a proposal or a comment thread; followers are told by the worker."""
    if answer not in Answer.values:
        raise VoteRefused(_("Choose an answer."))
    if answer == Answer.NOT_TAKEN_IN and not text.strip():
        raise VoteRefused(_("Say why it was not taken in."))
    target.answer, target.answer_text = answer, text.strip()
    target.answered_by, target.answered_at = user, timezone.now()
    target.save(update_fields=["answer", "answer_text", "answered_by", "answered_at"])
    event = f"answer:{target.answered_at.timestamp():.0f}"
    if isinstance(target, Proposal):
        _queue_followers(proposal_id=target.pk, event=event)
    else:
        from strategy import tasks

        transaction.on_commit(lambda: tasks.notify_thread.enqueue(target.pk, event))


def _queue_followers(*, proposal_id: int, event: str) -> None:
    from strategy import tasks

    transaction.on_commit(lambda: tasks.notify_supporters.enqueue(proposal_id, event))


def hide_comment(*, comment: Comment, hidden: bool = True) -> None:
    Comment.objects.filter(pk=comment.pk).update(hidden=hidden)
