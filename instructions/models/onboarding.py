"""Onboarding paths: an ordered list of instructions a new person reads, with their own progress.

A path (snippet) has steps (each an instruction, by its original page); a
person ticks steps off (:class:`OnboardingProgress`); their supervisor
(``Person.manager``) sees the progress of direct reports.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from teams.models import TranslatedNameMixin


class OnboardingPath(TranslatedNameMixin, ClusterableModel):
    """ "Uuden työntekijän perehdytys", "Uuden esihenkilön perehdytys", "TE-Digi käyttöönotto", ..."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    description_fi = models.TextField(_("description (Finnish)"), blank=True)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")], heading=_("Name")
        ),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")]),
        FieldPanel("description_fi"),
        FieldPanel("description_sv"),
        InlinePanel("steps", label=_("steps"), min_num=1),
    ]

    class Meta:
        verbose_name = _("onboarding path")
        verbose_name_plural = _("onboarding paths")
        ordering = ["sort_order", "name_fi"]

    @property
    def description(self) -> str:
        if (get_language() or "fi")[:2] == "sv" and self.description_sv:
            return self.description_sv
        return self.description_fi


class OnboardingStep(Orderable):
    path = ParentalKey(OnboardingPath, on_delete=models.CASCADE, related_name="steps")
    instruction = models.ForeignKey(
        "instructions.InstructionPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("instruction"),
    )

    panels = [FieldPanel("instruction")]

    class Meta(Orderable.Meta):
        verbose_name = _("step")


class OnboardingProgress(models.Model):
    """A person has done one step of a path."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    step = models.ForeignKey(OnboardingStep, on_delete=models.CASCADE, related_name="progress")
    done_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "step"], name="one_progress_per_step")]
