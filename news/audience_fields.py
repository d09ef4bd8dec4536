"""The audience of a page: four dimensions (agencies, locations, units, teams; several choices combine with
OR, none chosen means everyone) and the derived ``for_everyone`` flag.

News articles (news.models.NewsArticlePage) and events (events.models.EventPage) carry the same fields and
the same admin panel, so an article and an event with the same audience reach the same people; the reader
rule over them is in news.services and events.audience.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

AUDIENCE_FIELDS = ("audience_agencies", "audience_locations", "audience_units", "audience_teams")


class AudienceFields(models.Model):
    """Mixin for page models (before ``Page``): the audience's many-to-many fields and ``for_everyone``."""

    audience_agencies = ParentalManyToManyField(
        "teams.Agency", blank=True, related_name="+", verbose_name=_("agencies")
    )
    audience_locations = ParentalManyToManyField(
        "teams.Location", blank=True, related_name="+", verbose_name=_("locations")
    )
    audience_units = ParentalManyToManyField(
        "teams.Unit", blank=True, related_name="+", verbose_name=_("units")
    )
    audience_teams = ParentalManyToManyField(
        "teams.Team", blank=True, related_name="+", verbose_name=_("teams")
    )
    # Derived on save (the model's save): true when no audience is chosen. Lets the feeds find the pages
    # "for everyone" without four anti-joins.
    for_everyone = models.BooleanField(default=True, editable=False, db_index=True)

    class Meta:
        abstract = True

    def has_audience(self) -> bool:
        """Whether any audience is chosen (the in-memory values: they are saved with the page)."""
        return any(getattr(self, name).all() for name in AUDIENCE_FIELDS)


def audience_panel(*, help_text) -> MultiFieldPanel:
    """The admin panel of the four fields, as checkboxes."""
    return MultiFieldPanel(
        [FieldPanel(name, widget=forms.CheckboxSelectMultiple) for name in AUDIENCE_FIELDS],
        heading=_("Audience"),
        help_text=help_text,
    )
