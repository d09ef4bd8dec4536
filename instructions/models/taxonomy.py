"""Topics and process areas: how readers browse the library (snippets, names in fi/sv/en)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from teams.models import TranslatedNameMixin

NAME_PANELS = [
    MultiFieldPanel([FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")], heading=_("Name")),
    FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")]),
]


class Topic(TranslatedNameMixin):
    """What an instruction is about ("Palkkatuki", "Matkustaminen", "Kulunvalvonta", ...)."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = NAME_PANELS

    class Meta:
        verbose_name = _("instruction topic")
        verbose_name_plural = _("instruction topics")
        ordering = ["sort_order", "name_fi"]


class ProcessArea(TranslatedNameMixin):
    """The process an instruction belongs to ("Työnhakijan palveluprosessi", "Maksatus", "Talous", ...)."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = NAME_PANELS

    class Meta:
        verbose_name = _("process area")
        verbose_name_plural = _("process areas")
        ordering = ["sort_order", "name_fi"]
