"""In-app notifications: the list behind the bell in the header.

A :class:`Notification` is written for one recipient by :mod:`realtime.actions`
(the only module that also pushes live frames). ``key`` makes writing
idempotent: the same event (say, "article X was published") never notifies the
same person twice, however often a job is retried.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        MENTION = "mention", _("Mention")
        REMINDER = "reminder", _("Reminder")
        OTHER = "other", _("Other")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    key = models.CharField(
        max_length=120, help_text="Identifies the event; one notification per recipient and key."
    )
    title = models.CharField(max_length=300)
    title_sv = models.CharField(max_length=300, blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_notification_per_event")
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.title

    def title_for(self, language: str) -> str:
        return self.title_sv if language == "sv" and self.title_sv else self.title
