"""Polls: single choice, multiple choice, scale, ranking and dot vote.

Anonymity (docs/strategy.md#anonymity): an answer row (:class:`PollAnswer`) never holds a person, a
timestamp or an ordered id (random UUID keys); who has answered is a separate
:class:`PollParticipation` row (poll, person, day) whose unique constraint refuses a second vote, even
from concurrent requests. In a named round the answer carries the person too.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Poll(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Scale")
        RANKING = "ranking", _("Ranking")
        DOTS = "dots", _("Dot vote")

    round = models.ForeignKey("strategy.Round", on_delete=models.CASCADE, related_name="polls")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    question_fi = models.CharField(_("question (Finnish)"), max_length=300)
    question_sv = models.CharField(_("question (Swedish)"), max_length=300, blank=True)
    options_fi = models.TextField(_("options (Finnish)"), blank=True, help_text=_("One per line."))
    options_sv = models.TextField(
        _("options (Swedish)"), blank=True, help_text=_("One per line, same order.")
    )
    scale_max = models.PositiveSmallIntegerField(_("scale 1 to"), default=5)
    dots = models.PositiveSmallIntegerField(
        _("dots per person"), default=10, help_text=_("Dot vote only: how many dots each person gives.")
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self):
        return self.question_fi

    @property
    def question(self) -> str:
        return (
            self.question_sv
            if (get_language() or "fi")[:2] == "sv" and self.question_sv
            else self.question_fi
        )

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind in (self.Kind.RANKING, self.Kind.DOTS, self.Kind.SINGLE, self.Kind.MULTIPLE):
            if len([line for line in self.options_fi.splitlines() if line.strip()]) < 2:
                raise ValidationError({"options_fi": _("Give at least two options.")})
        if self.kind == self.Kind.DOTS and not 1 <= self.dots <= 100:
            raise ValidationError({"dots": _("Give each person 1 to 100 dots.")})

    def options(self) -> list[str]:
        if self.kind == self.Kind.SCALE:
            return [str(n) for n in range(1, self.scale_max + 1)]
        fi = [line.strip() for line in self.options_fi.splitlines() if line.strip()]
        sv = [line.strip() for line in self.options_sv.splitlines() if line.strip()]
        if (get_language() or "fi")[:2] == "sv" and len(sv) == len(fi):
            return sv
        return fi


class PollParticipation(models.Model):
    """Has taken part: refuses a second vote. No answer, no time of day, no ordered id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="strategy_poll_vote_once")]


class PollAnswer(models.Model):
    """One chosen option (or scale value). ``user`` only in a named round.

    A ranking stores one row per option with its position in ``value`` (1 = first); a dot vote one row
    per option given dots, with the number of dots in ``value``. The rows of one ballot share nothing
    (no ballot key): results need only the counts per option and position.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="answers")
    choice = models.PositiveSmallIntegerField()  # option index from 0, or the scale value
    value = models.PositiveSmallIntegerField(null=True, blank=True)  # ranking: position; dot vote: dots
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
