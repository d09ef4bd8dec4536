"""One event: a staff info, development day, webinar, supervisor forum, training or unit meeting.

Times are stored aware (UTC in the database) and shown in Europe/Helsinki. A
recurring event keeps an RRULE (python-dateutil) that is expanded in local
time, so an event at 9.00 stays at 9.00 across the daylight-saving changes;
single occurrences are moved or cancelled by :class:`events.models.Occurrence`
rows. The audience is news' (news.audience_fields: agency, location, unit,
team; none = everyone) with the same reader rule (events.audience). Every
change to time, place, link or cancellation raises ``sequence``: the calendar
feeds carry it (SEQUENCE) and the registrants get one update notice per value.
"""

import hashlib
import json

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from events.forms import EventPageForm
from news.audience_fields import AudienceFields, audience_panel

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class EventPage(AudienceFields, Page):
    class Format(models.TextChoices):
        ON_SITE = "onsite", _("On site")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    kind = models.ForeignKey(
        "events.EventKind", on_delete=models.PROTECT, related_name="events", verbose_name=_("kind")
    )
    lead = models.TextField(
        _("lead"), max_length=600, help_text=_("One or two sentences shown in the lists.")
    )
    body = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    organiser_agency = models.ForeignKey(
        "teams.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("organising agency")
    )
    organiser_unit = models.ForeignKey(
        "teams.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organising unit"),
        help_text=_("Leave empty when the agency as a whole organises the event."),
    )

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    recurrence = models.CharField(
        _("repeats"),
        max_length=200,
        blank=True,
        help_text=_("An iCalendar RRULE, e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=10. Leave empty for one time."),
    )
    # The end of the last occurrence (or of the only one); far in the future for an endless rule.
    series_end = models.DateTimeField(editable=False, null=True, db_index=True)

    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.ON_SITE)
    locations = ParentalManyToManyField(
        "teams.Location", blank=True, related_name="events_here", verbose_name=_("offices")
    )
    place_details = models.CharField(_("room and directions"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to the audience (to registrants when registration is on) and organisers."),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)

    registration_enabled = models.BooleanField(_("registration"), default=False)
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Empty: no limit (online seats of a hybrid event).")
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    requires_approval = models.BooleanField(_("organiser approves registrations"), default=False)
    questions = models.TextField(
        _("questions"),
        blank=True,
        help_text=_("One question a line (e.g. diet, accessibility needs). Only organisers see the answers."),
    )
    answers_kept_days = models.PositiveSmallIntegerField(_("answers kept (days after the event)"), default=14)
    reminder_hours = models.PositiveSmallIntegerField(
        _("reminder (hours before)"), default=24, help_text=_("0: no reminder.")
    )

    compulsory = models.BooleanField(
        _("compulsory"),
        default=False,
        help_text=_("The recording becomes a must-read for everyone in the audience who did not attend."),
    )
    recording_url = models.URLField(_("recording"), blank=True)
    materials = RichTextField(_("materials"), blank=True, features=RICH_TEXT_FEATURES)
    minutes = RichTextField(_("minutes"), blank=True, features=RICH_TEXT_FEATURES)

    # Calendar SEQUENCE: raised whenever time, place, link or cancellation change (see save()).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    schedule_signature = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("kind", widget=forms.Select),
                FieldPanel("organiser_agency", widget=forms.Select),
                FieldPanel("organiser_unit", widget=forms.Select),
            ],
            heading=_("Kind and organiser"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("recurrence"),
                InlinePanel("occurrence_changes", label=_("Moved or cancelled occurrences")),
                FieldPanel("cancelled"),
            ],
            heading=_("Time"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("place_details"),
                FieldPanel("online_url"),
                InlinePanel("rooms", label=_("Viewing rooms (hybrid)")),
            ],
            heading=_("Place"),
        ),
        audience_panel(help_text=_("Leave all empty for everyone; several choices combine with OR.")),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
                FieldPanel("requires_approval"),
                FieldPanel("questions"),
                FieldPanel("answers_kept_days"),
                FieldPanel("reminder_hours"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("compulsory"),
                FieldPanel("recording_url"),
                FieldPanel("materials"),
                FieldPanel("minutes"),
            ],
            heading=_("After the event"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"])]

    def __str__(self):
        return self.title

    @property
    def is_hybrid(self) -> bool:
        return self.format == self.Format.HYBRID

    @property
    def has_online(self) -> bool:
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        from events import recurrence

        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.recurrence:
            try:
                recurrence.parse(self.recurrence)
            except ValueError:
                errors["recurrence"] = _("Not a valid repeat rule (RRULE), e.g. FREQ=WEEKLY;COUNT=5.")
        if self.has_online and not self.online_url:
            errors["online_url"] = _("An online or hybrid event needs its online link.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    def _signature(self) -> str:
        """What a calendar or a registrant must hear about: time, place, link, cancellation."""
        location_ids = sorted(location.pk for location in self.locations.all())
        parts = [
            self.start.isoformat() if self.start else "",
            self.end.isoformat() if self.end else "",
            self.recurrence,
            self.format,
            location_ids,
            self.place_details,
            self.online_url,
            self.cancelled,
            # A moved or cancelled occurrence changes the series too (its registrants hear of it).
            sorted(
                [
                    change.original_start.isoformat() if change.original_start else "",
                    change.start.isoformat() if change.start else "",
                    change.end.isoformat() if change.end else "",
                    change.cancelled,
                ]
                for change in self.occurrence_changes.all()
            ),
        ]
        return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()

    def save(self, *args, **kwargs):
        """Derived fields on full saves (creating, publishing); a draft's partial save leaves them."""
        from events import recurrence

        if kwargs.get("update_fields") is None:
            self.for_everyone = not self.has_audience()
            if self.start and self.end:
                self.series_end = recurrence.series_end(self)
            signature = self._signature()
            if self.pk:
                stored = (
                    EventPage.objects.filter(pk=self.pk).values_list("schedule_signature", "sequence").first()
                )
                if stored is not None:
                    old_signature, old_sequence = stored
                    # Read by events.tasks.on_page_published: open pages hear of the change.
                    self.schedule_changed = bool(old_signature and old_signature != signature)
                    self.sequence = old_sequence + (1 if self.schedule_changed else 0)
            self.schedule_signature = signature
        return super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        from events.permissions import EventPermissionTester

        return EventPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        from events import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context.event_context(request, self))
        return context
