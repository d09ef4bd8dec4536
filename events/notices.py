"""What the worker sends to registrants: confirmations with the .ics, promotions, reminders, updates.

Each kind is claimed in the same transaction as it is sent, so a retried or
duplicated job never sends twice: the confirmation by ``confirmation_sent``,
an update by raising ``notified_sequence`` to the event's ``sequence``, a
reminder by ``reminded_for`` (the occurrence it was for). Mail and the in-app
notification go in one transaction: a failing mail server rolls both back and
the retry sends both.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from events import ics, recurrence
from events.models import EventPage, Registration
from realtime import actions
from realtime.models import Notification
from teams.services import mail_language

Status = Registration.Status


def _base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _when(occurrence) -> str:
    start = occurrence.start.astimezone(recurrence.HELSINKI)
    end = occurrence.end.astimezone(recurrence.HELSINKI)
    return f"{start:%-d.%-m.%Y} {start:%-H.%M}–{end:%-H.%M}"


def _send(*, registration: Registration, subject: str, text: str, key: str, with_ics: bool) -> None:
    event = registration.event
    user = registration.user
    url = _base_url() + (event.url or "")
    with override(mail_language(user)):
        if user.email:
            message = EmailMessage(
                subject=subject,
                body=f"{text}\n\n{url}",
                to=[user.email],
                from_email=settings.DEFAULT_FROM_EMAIL,
            )
            if with_ics:
                show_link = registration.status == Status.CONFIRMED
                occurrences = recurrence.occurrences(event, start=timezone.now() - datetime.timedelta(days=1))
                links = {event.pk} if show_link else set()
                body = ics.calendar(occurrences, base_url=_base_url(), name=event.title, links_for=links)
                message.attach("tapahtuma.ics", body, "text/calendar; method=PUBLISH; charset=utf-8")
            message.send()
        actions.notify(
            user_ids=[user.pk], key=key, kind=Notification.Kind.REMINDER, title=subject, url=event.url or ""
        )


def send_registration_notice(*, registration_id: int, kind: str) -> bool:
    """Confirmation (registered, approved) or promotion from the waiting list, with the .ics; once."""
    with transaction.atomic():
        claimed = Registration.objects.filter(
            pk=registration_id, status=Status.CONFIRMED, confirmation_sent=False
        ).update(confirmation_sent=True)
        if not claimed:
            return False
        registration = Registration.objects.select_related("user", "event").get(pk=registration_id)
        event = registration.event
        occurrence = recurrence.next_occurrence(event, now=timezone.now())
        with override(mail_language(registration.user)):
            if kind == "promoted":
                subject = _("You got a seat: %(title)s") % {"title": event.title}
            else:
                subject = _("Registration confirmed: %(title)s") % {"title": event.title}
            text = _("When: %(when)s") % {"when": _when(occurrence)} if occurrence else ""
        _send(
            registration=registration,
            subject=subject,
            text=text,
            key=f"events:confirmed:{registration.pk}:{registration.registered_at:%s}",
            with_ics=True,
        )
    return True


def send_update_notices(*, event_id: int) -> int:
    """Tell the registrants that time, place or link changed: once per change (``sequence``)."""
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    sent = 0
    ids = list(
        Registration.objects.filter(
            event_id=event_id,
            status__in=(Status.CONFIRMED, Status.WAITING, Status.PENDING),
            notified_sequence__lt=event.sequence,
        ).values_list("pk", flat=True)
    )
    for registration_id in ids:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration_id, notified_sequence__lt=event.sequence
            ).update(notified_sequence=event.sequence)
            if not claimed:
                continue
            registration = Registration.objects.select_related("user", "event").get(pk=registration_id)
            occurrence = recurrence.next_occurrence(event, now=timezone.now())
            with override(mail_language(registration.user)):
                if event.cancelled:
                    subject = _("Cancelled: %(title)s") % {"title": event.title}
                    text = _("The event is cancelled.")
                else:
                    subject = _("Changed: %(title)s") % {"title": event.title}
                    text = _("The time, place or link of the event has changed. Now: %(when)s") % {
                        "when": _when(occurrence) if occurrence else "–"
                    }
            _send(
                registration=registration,
                subject=subject,
                text=text,
                key=f"events:update:{registration.pk}:{event.sequence}",
                with_ics=registration.status == Status.CONFIRMED,
            )
            sent += 1
    return sent


def send_reminders(*, now=None) -> int:
    """Remind confirmed registrants ``reminder_hours`` before each occurrence, once per occurrence."""
    now = now or timezone.now()
    sent = 0
    events = (
        EventPage.objects.live()
        .filter(registration_enabled=True, cancelled=False, reminder_hours__gt=0, series_end__gte=now)
        .prefetch_related("occurrence_changes")
    )
    for event in events:
        occurrence = recurrence.next_occurrence(event, now=now, changes=list(event.occurrence_changes.all()))
        if occurrence is None or occurrence.start <= now:
            continue
        if occurrence.start - datetime.timedelta(hours=event.reminder_hours) > now:
            continue
        ids = list(
            Registration.objects.filter(event=event, status=Status.CONFIRMED, reminders=True)
            .exclude(reminded_for=occurrence.start)
            .values_list("pk", flat=True)
        )
        for registration_id in ids:
            with transaction.atomic():
                claimed = (
                    Registration.objects.filter(pk=registration_id)
                    .exclude(reminded_for=occurrence.start)
                    .update(reminded_for=occurrence.start)
                )
                if not claimed:
                    continue
                registration = Registration.objects.select_related("user", "event").get(pk=registration_id)
                with override(mail_language(registration.user)):
                    subject = _("Reminder: %(title)s %(when)s") % {
                        "title": event.title,
                        "when": _when(occurrence),
                    }
                _send(
                    registration=registration,
                    subject=subject,
                    text=subject,
                    key=f"events:reminder:{registration.pk}:{occurrence.key}",
                    with_ics=False,
                )
                sent += 1
    return sent


def delete_old_answers(*, now=None) -> int:
    """Empty the answers of registrations whose event ended more than its ``answers_kept_days`` ago."""
    now = now or timezone.now()
    deleted = 0
    events = EventPage.objects.filter(series_end__lt=now).values_list("pk", "series_end", "answers_kept_days")
    due = [pk for pk, end, days in events if end + datetime.timedelta(days=days) <= now]
    if due:
        deleted = (
            Registration.objects.filter(event_id__in=due, answers_deleted=False)
            .exclude(answers={})
            .update(answers={}, answers_deleted=True)
        )
    return deleted
