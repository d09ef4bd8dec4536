"""The events section (``/tapahtumat/``): upcoming and past events with filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.page_forms import AsciiSlugPageForm


class EventIndexPage(Page):
    base_form_class = AsciiSlugPageForm

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["intranet.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events section")

    def get_context(self, request, *args, **kwargs):
        from events import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context.listing_context(request))
        return context
