"""Accessibility feedback: it reaches the administrators, who are reminded until it is answered (the law
gives 14 days), and a reminder a year after the statement's last review (Act 306/2019)."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import roles
from privacy.models import AccessibilityFeedback, AccessibilityStatementPage
from realtime import actions

ANSWER_WITHIN = datetime.timedelta(days=14)
REMIND_EVERY = datetime.timedelta(days=1)
REVIEW_EVERY = datetime.timedelta(days=365)


def administrators():
    return get_user_model().objects.filter(is_active=True, groups__name=roles.ADMINISTRATORS).distinct()


def submit(*, sender, email: str, page_url: str, message: str) -> AccessibilityFeedback:
    feedback = AccessibilityFeedback.objects.create(
        sender=sender if sender is not None and sender.is_authenticated else None,
        email=email,
        page_url=page_url,
        message=message,
    )
    _remind(feedback, now=feedback.created_at)
    return feedback


def _remind(feedback: AccessibilityFeedback, *, now) -> None:
    admins = list(administrators().values_list("pk", "email"))
    due = (feedback.created_at + ANSWER_WITHIN).date()
    title = _("Accessibility feedback waits for an answer (by %(date)s)") % {"date": f"{due:%-d.%-m.%Y}"}
    url = reverse("wagtailsnippets_privacy_accessibilityfeedback:edit", args=[feedback.pk])
    actions.notify(
        user_ids=[pk for pk, _email in admins],
        key=f"a11y-feedback-{feedback.pk}-{now:%Y%m%d}",
        kind="reminder",
        title=title,
        url=url,
    )
    recipients = [email for _pk, email in admins if email]
    if recipients:
        send_mail(title, f"{feedback.message}\n\n{feedback.page_url}", None, recipients, fail_silently=True)
    AccessibilityFeedback.objects.filter(pk=feedback.pk).update(last_reminded_at=now)


def send_reminders(*, now=None) -> int:
    """Remind the administrators of each unanswered feedback once a day; returns how many reminders."""
    now = now or timezone.now()
    waiting = AccessibilityFeedback.objects.filter(answered_at__isnull=True).filter(
        last_reminded_at__lte=now - REMIND_EVERY
    ) | AccessibilityFeedback.objects.filter(answered_at__isnull=True, last_reminded_at__isnull=True)
    count = 0
    for feedback in waiting:
        _remind(feedback, now=now)
        count += 1
    return count + review_reminder(now=now)


def review_reminder(*, now=None) -> int:
    """Once a week, while a statement has not been reviewed for a year: a notification to administrators."""
    now = now or timezone.now()
    count = 0
    for statement in AccessibilityStatementPage.objects.live():
        if statement.reviewed_on + REVIEW_EVERY > now.date():
            continue
        week = now.isocalendar()
        count += actions.notify(
            user_ids=administrators().values_list("pk", flat=True),
            key=f"a11y-review-{statement.pk}-{week.year}-{week.week}",
            kind="reminder",
            title=_("The accessibility statement was last reviewed on %(date)s: review it")
            % {"date": f"{statement.reviewed_on:%-d.%-m.%Y}"},
            url=reverse("wagtailadmin_pages:edit", args=[statement.pk]),
        )
    return count
