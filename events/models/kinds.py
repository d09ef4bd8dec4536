"""The kinds of event (staff info, development day, webinar, …): a snippet editors keep."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from teams.models import TranslatedNameMixin


class EventKind(TranslatedNameMixin):
    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")], heading=_("Name")
        ),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")]),
    ]

    class Meta:
        verbose_name = _("event kind")
        verbose_name_plural = _("event kinds")
        ordering = ["sort_order", "name_fi"]
