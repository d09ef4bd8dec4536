"""The strategy map: mission -> vision -> values -> goals -> actions -> critical success factors.

Structured content edited by the strategy team (Wagtail snippets); each publication is a
:class:`Version`, a frozen snapshot of every element with a change note and the round that led to it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Element(models.Model):
    """One part of the strategy (the mission, one value, one goal, one action, ...)."""

    class Kind(models.TextChoices):
        MISSION = "mission", _("Mission")
        VISION = "vision", _("Vision")
        VALUE = "value", _("Value")
        GOAL = "goal", _("Strategic goal")
        ACTION = "action", _("Action")
        FACTOR = "factor", _("Critical success factor")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        DONE = "done", _("Done")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    key = models.SlugField(_("anchor"), max_length=60, unique=True, help_text=_("Stable id of the section."))
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("belongs to"),
        help_text=_("The goal an action serves; the action a success factor belongs to."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_fi = models.CharField(_("title (Finnish)"), max_length=200)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200, blank=True)
    body_fi = models.TextField(
        _("text (Finnish)"), blank=True, help_text=_("Paragraphs separated by a blank line.")
    )
    body_sv = models.TextField(_("text (Swedish)"), blank=True)
    # Actions as a steering tool (strategy.steering)
    owner_unit = models.ForeignKey(
        "teams.Unit", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("owner unit")
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategy_actions",
        verbose_name=_("responsible person"),
    )
    review_date = models.DateField(_("review date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    review_reminded_for = models.DateField(null=True, blank=True, editable=False)
    # News about the element and, once the events app has landed, its workshops and webinars: plain page links.
    related_pages = models.ManyToManyField(
        "wagtailcore.Page",
        blank=True,
        related_name="+",
        verbose_name=_("news and events"),
        help_text=_("News articles, and workshop or webinar event pages, about this part of the strategy."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("strategy element")
        verbose_name_plural = _("strategy elements")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title_fi}"

    @property
    def title(self) -> str:
        return self.title_sv if (get_language() or "fi")[:2] == "sv" and self.title_sv else self.title_fi

    @property
    def body(self) -> str:
        return self.body_sv if (get_language() or "fi")[:2] == "sv" and self.body_sv else self.body_fi

    @property
    def parent_key(self) -> str:
        return self.parent.key if self.parent_id else ""

    @property
    def kind_label(self) -> str:
        return str(self.get_kind_display())

    def snapshot(self) -> dict:
        return {
            "key": self.key,
            "kind": self.kind,
            "parent": self.parent.key if self.parent_id else "",
            "title_fi": self.title_fi,
            "title_sv": self.title_sv,
            "body_fi": self.body_fi,
            "body_sv": self.body_sv,
        }


class Version(models.Model):
    """One published version of the whole strategy (a snapshot of every element)."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    change_note_fi = models.TextField(_("change note (Finnish)"))
    change_note_sv = models.TextField(_("change note (Swedish)"), blank=True)
    round = models.ForeignKey(
        "strategy.Round",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="versions",
        verbose_name=_("round that led to it"),
    )
    elements = models.JSONField(default=list)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("strategy version")
        verbose_name_plural = _("strategy versions")

    def __str__(self):
        return f"v{self.number}"

    @property
    def change_note(self) -> str:
        return (
            self.change_note_sv
            if (get_language() or "fi")[:2] == "sv" and self.change_note_sv
            else self.change_note_fi
        )


class Visit(models.Model):
    """The version a reader saw last: the map shows what changed since then."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version_number = models.PositiveIntegerField(default=0)
