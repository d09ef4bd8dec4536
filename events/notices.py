"""What the worker sends to registrants: confirmations with the .ics, promotions, reminders, updates.

Each kind is claimed in the same transaction as it is sent, so a retried or
duplicated job never sends twice: the confirmation by ``confirmation_sent``,
an update by raising ``notified_sequence`` to the event's ``sequence`` (and it
is sent only when the registrant's own occurrence changed: its time, place,
link or cancellation, ``notified_signature``; moving one date of a series tells
only that date's registrants), a reminder by ``reminded_for`` (the occurrence it was for). Mail and the in-app
notification go in one transaction: a failing mail server rolls both back and
the retry sends both.
"""

import datetime
import hashlib
import json

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


def occurrence_signature(event: EventPage, occurrence) -> str:
    """What a registrant of this occurrence must hear about: its time, place, link and cancellation."""
    parts = [
        occurrence.start.isoformat() if occurrence else "",
        occurrence.end.isoformat() if occurrence else "",
        bool(occurrence is None or occurrence.cancelled or event.cancelled),
        event.format,
        sorted(location.pk for location in event.locations.all()),
        event.place_details,
        event.online_url,
    ]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def registration_occurrences(registration: Registration) -> list:
    """The occurrences a registration's calendar file holds: its own (a series' registration is for one)."""
    event = registration.event
    found = recurrence.find(event, registration.occurrence)
    if found is None:
        return []
    return [found]


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
                links = {event.pk} if show_link else set()
                body = ics.calendar(
                    registration_occurrences(registration),
                    base_url=_base_url(),
                    name=event.title,
                    links_for=links,
                    sequence_extra={(event.pk, registration.occurrence): registration.sequence},
                )
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
        occurrence = recurrence.find(event, registration.occurrence)
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
    """Tell each registrant whose occurrence's time, place or link changed, or that was cancelled: once per
    change (``sequence``), and only when their own occurrence changed (``notified_signature``)."""
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    sent = 0
    changes = list(event.occurrence_changes.all())
    found: dict[str, object] = {}
    ids = list(
        Registration.objects.filter(
            event_id=event_id,
            status__in=(Status.CONFIRMED, Status.WAITING, Status.PENDING),
            notified_sequence__lt=event.sequence,
        ).values_list("pk", flat=True)
    )
    for registration_id in ids:
        with transaction.atomic():
            row = (
                Registration.objects.select_for_update()
                .filter(pk=registration_id, notified_sequence__lt=event.sequence)
                .first()
            )
            if row is None:
                continue
            if row.occurrence not in found:
                found[row.occurrence] = recurrence.find(event, row.occurrence, changes=changes)
            occurrence = found[row.occurrence]
            signature = occurrence_signature(event, occurrence)
            told = row.notified_signature
            Registration.objects.filter(pk=row.pk).update(
                notified_sequence=event.sequence, notified_signature=signature
            )
            if told == signature:
                continue  # another date of the series (or only its text) changed
            registration = Registration.objects.select_related("user", "event").get(pk=registration_id)
            cancelled = event.cancelled or occurrence is None or occurrence.cancelled
            with override(mail_language(registration.user)):
                if cancelled:
                    subject = _("Cancelled: %(title)s") % {"title": event.title}
                    text = (
                        _("The event is cancelled: %(when)s") % {"when": _when(occurrence)}
                        if occurrence
                        else _("The event is cancelled.")
                    )
                else:
                    subject = _("Changed: %(title)s") % {"title": event.title}
                    text = _("The time, place or link of the event has changed. Now: %(when)s") % {
                        "when": _when(occurrence)
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
            Registration.objects.filter(
                event=event,
                occurrence=recurrence.key_of(occurrence),
                status=Status.CONFIRMED,
                reminders=True,
            )
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
