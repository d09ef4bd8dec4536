"""Actions as a steering tool: status updates and review reminders (like the instruction reviews)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from strategy.models import ActionUpdate, Element

SOON = datetime.timedelta(days=14)


def can_update(*, user, action: Element) -> bool:
    from strategy import roles

    return user.pk == action.responsible_id or user.has_perm(roles.EDIT)


@transaction.atomic
def add_update(*, action: Element, user, status: str, text: str) -> ActionUpdate:
    update = ActionUpdate.objects.create(action=action, author=user, status=status, text=text.strip())
    Element.objects.filter(pk=action.pk).update(status=status)
    return update


def send_review_reminders(*, today: datetime.date | None = None) -> int:
    """Remind the responsible person two weeks before an action's review date, once per date."""
    from realtime import actions
    from realtime.models import Notification

    today = today or timezone.localdate()
    due = Element.objects.filter(
        kind=Element.Kind.ACTION, responsible__isnull=False, review_date__lte=today + SOON
    ).exclude(review_reminded_for=F("review_date"))
    reminded = 0
    for action in due:
        with override("fi"):
            fi = _("Review of the strategy action “%(title)s” is due %(date)s") % {
                "title": action.title_fi,
                "date": action.review_date.strftime("%-d.%-m.%Y"),
            }
        with override("sv"):
            sv = _("Review of the strategy action “%(title)s” is due %(date)s") % {
                "title": action.title_sv or action.title_fi,
                "date": action.review_date.strftime("%-d.%-m.%Y"),
            }
        with transaction.atomic():
            reminded += actions.notify(
                user_ids=[action.responsible_id],
                key=f"strategy-action-review:{action.pk}:{action.review_date.isoformat()}",
                kind=Notification.Kind.REMINDER,
                title=fi,
                title_sv=sv,
                url=reverse("strategy:action", args=[action.key]),
            )
            Element.objects.filter(pk=action.pk).update(review_reminded_for=action.review_date)
    return reminded
