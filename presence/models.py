"""Presence and today's work location: a person's own status choices and where they work each day.

The live state (tabs, idle) is in the presence store (presence.store). These models were created by the
realtime and teams apps and moved here by state-only migrations: their tables keep their names.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from teams.models import Location, Person


class PresenceSetting(models.Model):
    """A person's own presence choices; the live state (tabs, idle) is in the presence store.

    ``manual`` overrides what their tabs say (busy, do not disturb, appear away);
    the custom status (emoji and text) disappears at ``custom_until``; with
    ``hidden`` they appear offline to everyone else and still see others.
    """

    class Manual(models.TextChoices):
        AUTOMATIC = "", _("Automatic")
        BUSY = "busy", _("Busy")
        DND = "dnd", _("Do not disturb")
        AWAY = "away", _("Appear away")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="presence_setting"
    )
    manual = models.CharField(max_length=10, choices=Manual.choices, blank=True, default="")
    custom_text = models.CharField(max_length=100, blank=True)
    custom_emoji = models.CharField(max_length=8, blank=True)
    custom_until = models.DateTimeField(null=True, blank=True)
    hidden = models.BooleanField(default=False)

    class Meta:
        db_table = "realtime_presencesetting"  # created by the realtime app; moved here by state only

    def __str__(self) -> str:
        return f"{self.user}: {self.manual or 'auto'}"

    def store_fields(self) -> dict:
        """The fields the presence store keeps (presence.store)."""
        return {
            "manual": self.manual,
            "text": self.custom_text,
            "emoji": self.custom_emoji,
            "until": self.custom_until.timestamp() if self.custom_until else "",
            "hidden": self.hidden,
        }


class WorkPlace(models.TextChoices):
    """Where a person works on one day (kept apart from presence, as in Teams)."""

    OFFICE = "office", _("At an office")
    REMOTE = "remote", _("Remote")
    TRAVELLING = "travelling", _("Travelling")
    ABSENT = "absent", _("Absent")


class WorkLocationFields(models.Model):
    kind = models.CharField(_("where"), max_length=12, choices=WorkPlace.choices)
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("office"),
        help_text=_("Only for a day at an office."),
    )
    note = models.CharField(_("note"), max_length=100, blank=True)

    class Meta:
        abstract = True


class WorkLocationPlan(WorkLocationFields):
    """One weekday (Monday–Friday) of a person's weekly plan: the default for that day."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="work_plan", verbose_name=_("person")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), help_text=_("0 = Monday … 4 = Friday."))

    class Meta:
        db_table = "teams_worklocationplan"  # created by the teams app; moved here by state only
        verbose_name = _("weekly plan day")
        verbose_name_plural = _("weekly plan")
        constraints = [
            models.UniqueConstraint(fields=["person", "weekday"], name="one_plan_per_weekday"),
            models.CheckConstraint(condition=models.Q(weekday__lte=4), name="plan_on_weekdays"),
        ]
        ordering = ["weekday"]


class WorkLocationDay(WorkLocationFields):
    """What a person set for one date; it wins over the weekly plan on that date only.

    The date is in Europe/Helsinki, so the value "resets" at midnight there by
    itself: tomorrow has no row yet, and the plan (or nothing) applies.
    """

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="work_days", verbose_name=_("person")
    )
    date = models.DateField(_("date"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "teams_worklocationday"  # created by the teams app; moved here by state only
        verbose_name = _("work location")
        verbose_name_plural = _("work locations")
        constraints = [models.UniqueConstraint(fields=["person", "date"], name="one_work_location_per_day")]
        indexes = [models.Index(fields=["date", "location"])]
