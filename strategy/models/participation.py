"""Comments anchored to a paragraph of the draft, proposals others support, and leadership answers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Answer(models.TextChoices):
    TAKEN_IN = "taken_in", _("Taken in")
    NOT_TAKEN_IN = "not_taken_in", _("Not taken in, because…")
    TO_BE_STUDIED = "to_be_studied", _("To be studied")


class Answerable(models.Model):
    """The leadership's official answer (strategy.services.answer)."""

    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices, blank=True)
    answer_text = models.TextField(_("reasoning"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class Comment(Answerable):
    """A comment on one paragraph of the current draft (``anchor``: "<element key>-p<n>").

    In an anonymous round the author is not stored.
    """

    round = models.ForeignKey("strategy.Round", on_delete=models.CASCADE, related_name="comment_set")
    anchor = models.CharField(max_length=80, db_index=True)
    version_number = models.PositiveIntegerField(default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    text = models.TextField(_("comment"), max_length=3000)
    hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]


class Proposal(Answerable):
    """A proposal others can support; supporters hear when it is edited or answered."""

    round = models.ForeignKey("strategy.Round", on_delete=models.CASCADE, related_name="proposal_set")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("proposal"), max_length=5000)
    hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    supporters_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-supporters_count", "pk"]


class Support(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="strategy_support_once")]


class ReminderOptOut(models.Model):
    """A person who asked not to be reminded about strategy rounds."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
