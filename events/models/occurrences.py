"""A single occurrence of a recurring event that was moved or cancelled.

The rule (EventPage.recurrence) gives each occurrence its ``original_start``;
a row here replaces that occurrence's time or cancels it. The row is part of
the page (an inline in the editor), so it is published with the page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class Occurrence(Orderable):
    event = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="occurrence_changes")
    original_start = models.DateTimeField(
        _("occurrence"), help_text=_("The start time the repeat rule gives this occurrence.")
    )
    start = models.DateTimeField(_("moved to start"), null=True, blank=True)
    end = models.DateTimeField(_("moved to end"), null=True, blank=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)

    panels = [
        FieldPanel("original_start"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("cancelled"),
    ]

    class Meta:
        verbose_name = _("occurrence change")
        constraints = [
            models.UniqueConstraint(fields=["event", "original_start"], name="events_occurrence_unique")
        ]
