"""Registrations, hybrid viewing rooms and the personal calendar-feed token.

A registration is a person's place in one occurrence of an event: the only
one of a one-time event (``occurrence`` empty) or one occurrence of a series
(``occurrence`` is its key, the rule's UTC start, ``20260106T070000Z``: a moved
occurrence keeps its key and so its registrations). Each occurrence has its own
seats, rooms and waiting list. A registration is confirmed, waiting (in the order they came), awaiting the
organiser's approval, declined or cancelled. ``answers`` holds the replies to
the event's questions; only organisers see them and a periodic job empties
them a set time after the event (events.tasks.delete_old_answers).
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class ViewingRoom(Orderable):
    """An office where a hybrid event is watched together, with its own seats."""

    event = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="rooms")
    location = models.ForeignKey(
        "teams.Location", on_delete=models.PROTECT, related_name="viewing_rooms", verbose_name=_("office")
    )
    room = models.CharField(_("room"), max_length=120, blank=True)
    capacity = models.PositiveIntegerField(_("seats"))

    panels = [FieldPanel("location"), FieldPanel("room"), FieldPanel("capacity")]

    class Meta:
        verbose_name = _("viewing room")
        constraints = [models.UniqueConstraint(fields=["event", "location"], name="events_room_unique")]

    def __str__(self):
        return f"{self.location.name} {self.room}".strip()


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        PENDING = "pending", _("Awaiting approval")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # "" for a one-time event; a series' occurrence by its key (events.recurrence.Occurrence.key).
    occurrence = models.CharField(max_length=16, blank=True, default="")
    status = models.CharField(max_length=10, choices=Status.choices)
    # None: online (or an on-site event's own place); a room: watching a hybrid event there.
    room = models.ForeignKey(ViewingRoom, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answers = models.JSONField(default=dict, blank=True)
    answers_deleted = models.BooleanField(default=False)
    # The waiting list's order: when the person (last) registered.
    registered_at = models.DateTimeField(db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True)
    reminders = models.BooleanField(default=True)
    # Claimed by the jobs, so a notice or reminder is sent once (events.notices).
    notified_sequence = models.PositiveIntegerField(default=0)
    reminded_for = models.DateTimeField(null=True, blank=True)
    confirmation_sent = models.BooleanField(default=False)
    # What the person was last told of their occurrence's time, place, link and cancellation
    # (events.notices.occurrence_signature): an event change that leaves it alone sends nothing.
    notified_signature = models.CharField(max_length=64, blank=True, default="")
    # Raised when the person withdraws or comes back: the feed's SEQUENCE is the event's plus this.
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user", "occurrence"], name="events_registration_unique")
        ]
        indexes = [models.Index(fields=["event", "occurrence", "status", "registered_at"])]

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.CONFIRMED, self.Status.WAITING, self.Status.PENDING)


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a person's calendar subscription address; renewing it revokes the old one."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now_add=True)


class RecordingAcknowledgement(models.Model):
    """A person confirmed they watched the recording of a compulsory event they did not attend."""

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="events_recording_ack_unique")]
