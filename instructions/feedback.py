"""Readers' feedback: "was this helpful?" (one vote per person per revision) and error reports.

The owners are notified in-app of every error report and of every "no" with a
comment; they see the counts and comments in the admin (Reports → Instruction
feedback) and on the instruction page.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from instructions.models import ErrorReport, Feedback

COMMENT_MAX = 2000


def current_vote(*, user, page) -> Feedback | None:
    return Feedback.objects.filter(page=page, revision_id=page.live_revision_id or 0, user=user).first()


def vote(*, user, page, helpful: bool, comment: str = "") -> tuple[Feedback, bool]:
    """Record the vote for the live revision; a second vote on the same revision is refused (created False)."""
    comment = comment.strip()[:COMMENT_MAX]
    try:
        with transaction.atomic():
            feedback = Feedback.objects.create(
                page=page,
                translation_key=page.translation_key,
                revision_id=page.live_revision_id or 0,
                user=user,
                helpful=helpful,
                comment=comment,
            )
    except IntegrityError:
        return current_vote(user=user, page=page), False
    if not helpful and comment:
        _notify_owners(
            page=page,
            key=f"instruction-feedback:{feedback.pk}",
            message=gettext_noop("Feedback on %(title)s: not helpful"),
        )
    return feedback, True


def report_error(*, user, page, text: str) -> ErrorReport:
    report = ErrorReport.objects.create(
        page=page,
        translation_key=page.translation_key,
        revision_id=page.live_revision_id or 0,
        user=user,
        text=text.strip()[:COMMENT_MAX],
    )
    _notify_owners(
        page=page, key=f"instruction-error:{report.pk}", message=gettext_noop("Error reported in %(title)s")
    )
    return report


def _notify_owners(*, page, key: str, message: str) -> int:
    from django.urls import reverse

    from instructions.access import originals
    from instructions.governance import owners_of
    from realtime import actions
    from realtime.models import Notification

    original = originals().filter(translation_key=page.translation_key).first() or page
    with override("fi"):
        title = _(message) % {"title": original.title}
    with override("sv"):
        title_sv = _(message) % {"title": page.title}
    return actions.notify(
        user_ids=[person.user_id for person in owners_of(page=original)],
        key=key,
        kind=Notification.Kind.OTHER,
        title=title,
        title_sv=title_sv,
        url=reverse("instructions_feedback_detail", args=[original.pk]),
    )


def counts_for(*, translation_key) -> dict:
    """Helpful and not-helpful votes (all revisions) and open error reports of one instruction (two queries)."""
    counts = Feedback.objects.filter(translation_key=translation_key).aggregate(
        yes_votes=Count("pk", filter=Q(helpful=True)), no_votes=Count("pk", filter=Q(helpful=False))
    )
    votes = {"helpful": counts["yes_votes"], "not_helpful": counts["no_votes"]}
    votes["open_errors"] = ErrorReport.objects.filter(
        translation_key=translation_key, handled_at__isnull=True
    ).count()
    return votes
