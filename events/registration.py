"""Registering for an event: seats, the waiting list, approval, rooms, cancellation, attendance.

Race-safe on PostgreSQL: every change to an event's registrations first locks
the event's row (``SELECT … FOR UPDATE``), then counts the seats taken and
decides, so concurrent registrations queue on the lock and exactly
``capacity`` of them are confirmed; the rest wait in the order they came
(``registered_at``, then id). Each occurrence of a series has its own seats,
rooms and waiting list (``Registration.occurrence``); a person registers for
one occurrence at a time and may hold several. Freeing a seat (a cancellation, a larger
capacity) promotes the first waiting person in the same transaction and
queues their notice for the worker (events.tasks).
"""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events import audience, fragments
from events.models import EventPage, Registration, ViewingRoom
from events.permissions import can_organise

Status = Registration.Status
# Characters that make a spreadsheet treat a cell as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def original_of(event: EventPage) -> EventPage:
    """The Finnish original: registrations, times and audience belong to it."""
    from news.services import default_locale_id

    if event.locale_id == default_locale_id():
        return event
    return (
        EventPage.objects.filter(translation_key=event.translation_key, locale_id=default_locale_id()).first()
        or event
    )


@dataclass(frozen=True)
class WindowState:
    open: bool
    reason: str = ""


def window(event: EventPage, *, now=None, occurrence=None) -> WindowState:
    """Whether registration is open (for ``occurrence`` of a series: until it starts)."""
    now = now or timezone.now()
    if not event.registration_enabled:
        return WindowState(False, _("This event has no registration."))
    if event.cancelled or (occurrence is not None and occurrence.cancelled):
        return WindowState(False, _("The event is cancelled."))
    if event.registration_opens and now < event.registration_opens:
        return WindowState(False, _("Registration has not opened yet."))
    if event.registration_closes and now >= event.registration_closes:
        return WindowState(False, _("Registration has closed."))
    starts = occurrence.start if occurrence is not None else (None if event.recurrence else event.start)
    if starts is not None and now >= starts:
        return WindowState(False, _("Registration has closed."))
    return WindowState(True)


def occurrence_for(event: EventPage, key: str):
    """The occurrence a registration is for; ValidationError when a series has no such occurrence."""
    from events import recurrence

    found = recurrence.find(event, key or "")
    if found is None:
        raise ValidationError(_("Choose one of the event's dates."))
    return found


def _confirmed(event_id: int, occurrence: str, *, room_id=None) -> int:
    return Registration.objects.filter(
        event_id=event_id, occurrence=occurrence, status=Status.CONFIRMED, room_id=room_id
    ).count()


def _has_seat(event: EventPage, occurrence: str, room: ViewingRoom | None) -> bool:
    """A free seat in the occurrence: in the room, or online (an on-site/online event's own seats)."""
    if room is not None:
        return _confirmed(event.pk, occurrence, room_id=room.pk) < room.capacity
    if event.capacity is None:
        return True
    return _confirmed(event.pk, occurrence, room_id=None) < event.capacity


def _on_commit_notice(registration_id: int, kind: str) -> None:
    from events import tasks

    transaction.on_commit(lambda: tasks.send_registration_notice.enqueue(registration_id, kind))


def register(
    *,
    user,
    event: EventPage,
    room_id: int | None = None,
    answers: dict | None = None,
    occurrence: str = "",
) -> Registration:
    """Register the user for the event (for a series: the occurrence with key ``occurrence``), or change
    their room; returns their registration with its status.

    ValidationError when the window is closed, the occurrence or room is not the event's, or an answer is missing.
    """
    from events import notices

    event = original_of(event)
    if not audience.is_in_audience(user=user, event=event) and not can_organise(user, event):
        raise PermissionDenied
    if event.recurrence and not occurrence:
        raise ValidationError(_("Choose one of the event's dates."))
    found = occurrence_for(event, occurrence if event.recurrence else "")
    key = found.key if event.recurrence else ""
    state = window(event, occurrence=found)
    if not state.open:
        raise ValidationError(state.reason)
    questions = event.question_list()
    answers = {question: (answers or {}).get(question, "").strip()[:500] for question in questions}
    with transaction.atomic():
        locked = (
            EventPage.objects.select_for_update().only("pk", "capacity", "requires_approval").get(pk=event.pk)
        )
        room = None
        if room_id:
            room = (
                ViewingRoom.objects.filter(event_id=locked.pk, pk=room_id).select_related("location").first()
            )
            if room is None:
                raise ValidationError(_("Choose one of the event's viewing rooms."))
        existing = Registration.objects.filter(event_id=locked.pk, user=user, occurrence=key).first()
        now = timezone.now()
        if existing is not None and existing.is_active:
            if existing.room_id == (room.pk if room else None):
                existing.answers = answers
                existing.save(update_fields=["answers"])
                return existing
            # A change of room: the old seat is freed, the new one is taken if free.
            registration = existing
            registration.room = room
            if registration.status == Status.CONFIRMED and not _has_seat(locked, key, room):
                registration.status = Status.WAITING
                registration.registered_at = now
            elif registration.status == Status.WAITING and _has_seat(locked, key, room):
                registration.status = Status.CONFIRMED
                registration.confirmed_at = now
                _on_commit_notice(registration.pk, "promoted")
            registration.answers = answers
            registration.save()
            _promote(locked, key)
            fragments.renew_people([user.pk])
            return registration
        if locked.requires_approval:
            status = Status.PENDING
        elif _has_seat(event, key, room):
            status = Status.CONFIRMED
        else:
            status = Status.WAITING
        registration = existing or Registration(event_id=locked.pk, user=user, occurrence=key)
        if existing is not None:
            registration.sequence += 1  # back after withdrawing: the feed's copy must change
        registration.status = status
        registration.room = room
        registration.answers = answers
        registration.answers_deleted = False
        registration.registered_at = now
        registration.confirmed_at = now if status == Status.CONFIRMED else None
        registration.confirmation_sent = False
        registration.attended = None
        registration.notified_sequence = event.sequence
        registration.notified_signature = notices.occurrence_signature(event, found)
        registration.save()
        if status == Status.CONFIRMED:
            _on_commit_notice(registration.pk, "confirmed")
        fragments.renew_people([user.pk])
    return registration


def cancel(*, user, event: EventPage, occurrence: str = "") -> Registration | None:
    """The person cancels their registration (for one occurrence of a series); the first waiting person
    of that occurrence gets the seat."""
    event = original_of(event)
    key = occurrence if event.recurrence else ""
    with transaction.atomic():
        locked = EventPage.objects.select_for_update().only("pk", "capacity").get(pk=event.pk)
        registration = Registration.objects.filter(event_id=locked.pk, user=user, occurrence=key).first()
        if registration is None or not registration.is_active:
            return registration
        registration.status = Status.CANCELLED
        registration.sequence += 1
        registration.save(update_fields=["status", "sequence"])
        _promote(locked, key)
        fragments.renew_people([user.pk])
    return registration


def _promote(locked: EventPage, occurrence: str) -> list[int]:
    """Fill the occurrence's free seats from its waiting list, first come first served (inside the event's lock)."""
    promoted = []
    waiting = Registration.objects.filter(
        event_id=locked.pk, occurrence=occurrence, status=Status.WAITING
    ).order_by("registered_at", "pk")
    rooms = {room.pk: room for room in ViewingRoom.objects.filter(event_id=locked.pk)}
    for registration in waiting:
        room = rooms.get(registration.room_id)
        if not _has_seat(locked, occurrence, room):
            continue
        registration.status = Status.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
        promoted.append(registration.pk)
        _on_commit_notice(registration.pk, "promoted")
        fragments.renew_people([registration.user_id])
    return promoted


def promote(*, event: EventPage) -> list[int]:
    """Fill seats freed by a larger capacity, in every occurrence with a waiting list (called after publishing)."""
    with transaction.atomic():
        locked = EventPage.objects.select_for_update().only("pk", "capacity").get(pk=original_of(event).pk)
        keys = (
            Registration.objects.filter(event_id=locked.pk, status=Status.WAITING)
            .values_list("occurrence", flat=True)
            .distinct()
            .order_by()
        )
        return [pk for key in list(keys) for pk in _promote(locked, key)]


def decide(*, organiser, registration: Registration, approve: bool) -> Registration:
    """An organiser approves (a seat, or the waiting list when full) or declines a pending registration."""
    event = registration.event
    if not can_organise(organiser, event):
        raise PermissionDenied
    with transaction.atomic():
        locked = EventPage.objects.select_for_update().only("pk", "capacity").get(pk=event.pk)
        registration.refresh_from_db()
        if registration.status != Status.PENDING:
            return registration
        if not approve:
            registration.status = Status.DECLINED
            registration.sequence += 1
        elif _has_seat(locked, registration.occurrence, registration.room):
            registration.status = Status.CONFIRMED
            registration.confirmed_at = timezone.now()
            _on_commit_notice(registration.pk, "confirmed")
        else:
            registration.status = Status.WAITING
        registration.save(update_fields=["status", "confirmed_at", "sequence"])
        fragments.renew_people([registration.user_id])
    return registration


def mark_attendance(*, organiser, event: EventPage, attended_ids, present_ids) -> int:
    """Set attended true for ``present_ids`` and false for the other ``attended_ids`` (registration ids)."""
    event = original_of(event)
    if not can_organise(organiser, event):
        raise PermissionDenied
    rows = Registration.objects.filter(event_id=event.pk, pk__in=attended_ids, status=Status.CONFIRMED)
    present = set(present_ids)
    changed = rows.filter(pk__in=present).update(attended=True)
    changed += rows.exclude(pk__in=present).update(attended=False)
    return changed


def registration_for(*, user, event: EventPage, occurrence: str = "") -> Registration | None:
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(event_id=original_of(event).pk, user=user, occurrence=occurrence)
        .select_related("room__location")
        .first()
    )


def registrations_for(*, user, event: EventPage) -> dict[str, Registration]:
    """The person's registrations for the event by occurrence key ("" for a one-time event): one query."""
    if not user.is_authenticated:
        return {}
    return {
        row.occurrence: row
        for row in Registration.objects.filter(event_id=original_of(event).pk, user=user).select_related(
            "room__location"
        )
    }


@dataclass
class Seats:
    capacity: int | None
    confirmed: int
    waiting: int
    rooms: list  # [(room, confirmed)]
    online_confirmed: int = 0

    @property
    def free(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.online_confirmed, 0)


def seats_by_occurrence(*, event: EventPage) -> dict[str, Seats]:
    """Seats taken and waiting in each occurrence ("" for a one-time event), per room: two queries."""
    from django.db.models import Count

    event = original_of(event)
    counts: dict[str, dict] = {}
    for row in (
        Registration.objects.filter(event_id=event.pk)
        .values("occurrence", "room_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts.setdefault(row["occurrence"], {})[(row["room_id"], row["status"])] = row["n"]
    rooms = list(ViewingRoom.objects.filter(event_id=event.pk).select_related("location"))

    def build(found: dict) -> Seats:
        return Seats(
            capacity=event.capacity,
            confirmed=sum(n for (_room, status), n in found.items() if status == Status.CONFIRMED),
            waiting=sum(n for (_room, status), n in found.items() if status == Status.WAITING),
            rooms=[(room, found.get((room.pk, Status.CONFIRMED), 0)) for room in rooms],
            online_confirmed=found.get((None, Status.CONFIRMED), 0),
        )

    return _SeatsByOccurrence({key: build(found) for key, found in counts.items()}, build({}))


class _SeatsByOccurrence(dict):
    """Seats by occurrence key; an occurrence nobody registered for has all its seats free."""

    def __init__(self, found, empty):
        super().__init__(found)
        self.empty = empty

    def __missing__(self, key):
        return self.empty


def seats(*, event: EventPage, occurrence: str = "") -> Seats:
    """Seats taken and waiting in one occurrence, per room: two queries."""
    return seats_by_occurrence(event=event)[occurrence]


def attendees(*, organiser, event: EventPage) -> list[Registration]:
    """Every registration with the person, their room and answers: two queries whatever the count."""
    event = original_of(event)
    if not can_organise(organiser, event):
        raise PermissionDenied
    return list(
        Registration.objects.filter(event_id=event.pk)
        .select_related("user", "room__location")
        .order_by("occurrence", "status", "registered_at", "pk")
    )


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def attendees_csv(*, organiser, event: EventPage) -> str:
    event = original_of(event)
    rows = attendees(organiser=organiser, event=event)
    questions = event.question_list()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Date"),
            _("Name"),
            _("Username"),
            _("Status"),
            _("Room"),
            _("Registered"),
            _("Attended"),
            *questions,
        ]
    )
    labels = occurrence_labels(event)
    for registration in rows:
        writer.writerow(
            [
                labels.get(registration.occurrence, registration.occurrence),
                _cell(registration.user.get_full_name() or registration.user.username),
                _cell(registration.user.username),
                registration.get_status_display(),
                _cell(str(registration.room) if registration.room else _("Online")),
                timezone.localtime(registration.registered_at).strftime("%-d.%-m.%Y %-H.%M"),
                {True: _("yes"), False: _("no"), None: ""}[registration.attended],
                *[_cell(registration.answers.get(question, "")) for question in questions],
            ]
        )
    return out.getvalue()


def occurrence_labels(event: EventPage) -> dict[str, str]:
    """Each occurrence's start as a person reads it (6.12.2026 9.00) by its key ("" for a one-time event)."""
    from events import recurrence

    return {
        recurrence.key_of(found): timezone.localtime(found.start).strftime("%-d.%-m.%Y %-H.%M")
        for found in recurrence.occurrences(event)
    }
