"""Notifications and e-mails of the strategy (run by the worker).

None of them carries a result: a reminder names the round, a proposal notice names the proposal and
the answer given to it, never counts or votes of a round that hides its results.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from realtime import actions
from realtime.models import Notification
from strategy.models import Comment, Proposal, ReminderOptOut, Round, Support


def _both(message: str, **values) -> tuple[str, str]:
    with override("fi"):
        fi = _(message) % values
    with override("sv"):
        sv = _(message) % values
    return fi, sv


def _url(round) -> str:
    return reverse("strategy:round", args=[round.slug])


def proposal_followers(*, proposal_id: int, event: str) -> int:
    """Supporters, the author and commenters of a proposal hear it was edited or answered (once per event)."""
    proposal = Proposal.objects.select_related("round").filter(pk=proposal_id).first()
    if proposal is None:
        return 0
    user_ids = set(Support.objects.filter(proposal=proposal).values_list("user_id", flat=True))
    if proposal.author_id:
        user_ids.add(proposal.author_id)
    if event.startswith("answer"):
        message = gettext_noop("The leadership answered the proposal “%(title)s”")
    else:
        message = gettext_noop("The proposal “%(title)s” you support was edited")
    fi, sv = _both(message, title=proposal.title)
    return actions.notify(
        user_ids=sorted(user_ids - {proposal.answered_by_id} if event.startswith("answer") else user_ids),
        key=f"strategy-proposal:{proposal.pk}:{event}",
        kind=Notification.Kind.OTHER,
        title=fi,
        title_sv=sv,
        url=f"{_url(proposal.round)}#proposal-{proposal.pk}",
    )


def thread_followers(*, comment_id: int, event: str) -> int:
    """Everyone who wrote in a comment thread hears the leadership's answer (named authors only)."""
    comment = Comment.objects.select_related("round").filter(pk=comment_id).first()
    if comment is None:
        return 0
    user_ids = {comment.author_id, *comment.replies.values_list("author_id", flat=True)} - {None}
    fi, sv = _both(
        gettext_noop("The leadership answered a comment thread in “%(round)s”"), round=comment.round.title_fi
    )
    return actions.notify(
        user_ids=sorted(user_ids),
        key=f"strategy-thread:{comment.pk}:{event}",
        kind=Notification.Kind.OTHER,
        title=fi,
        title_sv=sv,
        url=f"{_url(comment.round)}#comment-{comment.pk}",
    )


def participation_reminders(*, now=None) -> int:
    """One reminder per open round to each active person who has not taken part and has not opted out.

    Sent from the second day of a round on; notification and e-mail in one transaction per person.
    """
    from strategy import results
    from teams.services import mail_language

    now = now or timezone.now()
    reminded = 0
    opted_out = set(ReminderOptOut.objects.values_list("user_id", flat=True))
    for round in Round.objects.filter(opens_at__lte=now - timezone.timedelta(days=1), closes_at__gt=now):
        taken_part = results.participant_ids(round=round)
        people = (
            get_user_model()
            .objects.filter(is_active=True, person__isnull=False)
            .exclude(pk__in=taken_part | opted_out)
        )
        fi, sv = _both(
            gettext_noop("Have your say: the strategy round “%(round)s” is open"), round=round.title_fi
        )
        for user in people:
            with transaction.atomic():
                created = actions.notify(
                    user_ids=[user.pk],
                    key=f"strategy-reminder:{round.pk}",
                    kind=Notification.Kind.REMINDER,
                    title=fi,
                    title_sv=sv,
                    url=_url(round),
                )
                if created and user.email:
                    with override(mail_language(user)):
                        send_mail(
                            subject=fi if mail_language(user) == "fi" else sv,
                            message=_(
                                "The round is open until %(date)s:\n%(url)s\n\n"
                                "To stop these reminders: %(optout)s"
                            )
                            % {
                                "date": timezone.localtime(round.closes_at).strftime("%-d.%-m.%Y"),
                                "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + _url(round),
                                "optout": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                                + reverse("strategy:reminders"),
                            },
                            from_email=None,
                            recipient_list=[user.email],
                            fail_silently=False,
                        )
            reminded += created
    return reminded
