"""Statements, Pol.is style: agree / disagree / pass, participants add statements (moderated).

Votes are grouped by an opaque ``voter`` key so the opinion map can cluster participants. In a
named round the key is the person's id and the vote carries the person. In an anonymous round the key
is a random token kept only in the participant's browser (a signed cookie): the database has no
mapping from it to a person, so not even an administrator can join a vote to a name.
:class:`StatementParticipation` (statement, person) refuses a second vote on the same statement.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Shown")
        REJECTED = "rejected", _("Rejected")

    round = models.ForeignKey("strategy.Round", on_delete=models.CASCADE, related_name="statement_set")
    text = models.CharField(_("statement"), max_length=280)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING, db_index=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self):
        return self.text


class StatementVote(models.Model):
    AGREE, DISAGREE, PASS = 1, -1, 0
    CHOICES = [(AGREE, _("Agree")), (DISAGREE, _("Disagree")), (PASS, _("Pass"))]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(max_length=40, db_index=True)
    choice = models.SmallIntegerField(choices=CHOICES)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )


class StatementParticipation(models.Model):
    """Has voted on this statement. No vote, no time, no ordered id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "user"], name="strategy_statement_vote_once")
        ]


class OpinionMap(models.Model):
    """The worker's latest opinion map of a statement round (strategy.opinion), as JSON."""

    round = models.OneToOneField("strategy.Round", on_delete=models.CASCADE, related_name="opinion_map")
    computed_at = models.DateTimeField(auto_now=True)
    data = models.JSONField(default=dict)
