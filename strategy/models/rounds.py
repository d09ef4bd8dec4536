"""Participation rounds: one per stage or topic, open between two moments."""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Round(models.Model):
    class Stage(models.IntegerChoices):
        MISSION_VISION = 1, _("Mission and vision")
        VALUES = 2, _("Values")
        GOALS = 3, _("Strategic goals")
        ACTIONS = 4, _("Actions for the goals")
        FACTORS = 5, _("Critical success factors")

    title_fi = models.CharField(_("title (Finnish)"), max_length=200)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    intro_fi = models.TextField(_("introduction (Finnish)"), blank=True)
    intro_sv = models.TextField(_("introduction (Swedish)"), blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_(
            "No stored row links a person to an answer; this cannot be changed once the round has opened."
        ),
    )
    results_hidden = models.BooleanField(_("results hidden until close"), default=True)
    comments = models.BooleanField(_("comments on the draft"), default=True)
    proposals = models.BooleanField(_("proposals"), default=False)
    statements = models.BooleanField(_("statements"), default=False)
    map_refreshed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["stage", "opens_at"]
        verbose_name = _("participation round")
        verbose_name_plural = _("participation rounds")
        permissions = [
            ("edit_strategy", "Edit the strategy and its rounds"),
            ("answer_proposals", "Give leadership answers"),
            ("moderate_strategy", "Moderate comments and statements"),
            ("facilitate_strategy", "See the facilitation view and exports"),
        ]

    def __str__(self):
        return self.title_fi

    @property
    def title(self) -> str:
        return self.title_sv if (get_language() or "fi")[:2] == "sv" and self.title_sv else self.title_fi

    @property
    def intro(self) -> str:
        return self.intro_sv if (get_language() or "fi")[:2] == "sv" and self.intro_sv else self.intro_fi

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A round closes after it opens.")})
        if self.pk:
            old = Round.objects.filter(pk=self.pk).first()
            if old and old.opens_at <= timezone.now() and old.anonymous != self.anonymous:
                raise ValidationError(
                    {"anonymous": _("Anonymity cannot be changed once the round has opened.")}
                )

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    def results_visible(self, now=None) -> bool:
        """Results (counts, the opinion map) are shown: always, or only once the round has closed."""
        return not self.results_hidden or self.is_closed(now)
