"""Engagement with an article: must-read acknowledgements, views, comments, reactions, mentions.

All of them point at the *original* article (news.services.original_of), so the
Finnish and Swedish versions share one set of statistics.

* :class:`Acknowledgement` – a person confirmed reading a must-read article in
  one acknowledgement **round**. The article's ``ack_round`` grows by one when
  an editor publishes a *material* change, which asks everyone again.
* :class:`ArticleView` – one row per person per article per five minutes
  (readership); the reader's agency is copied in for the per-agency report.
* :class:`Comment` – one level of replies (``parent``), soft delete by the
  author, hiding with a reason by editors; :class:`CommentEdit` keeps every
  earlier text.
* :class:`Reaction` – one per kind per person on an article or a comment.
* :class:`Mention` – ``@username`` in a comment; one row per person per
  comment, so a mention notifies once, even when it is added by an edit.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.models.pages import NewsArticlePage


class Acknowledgement(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(NewsArticlePage, on_delete=models.CASCADE, related_name="acknowledgements")
    round = models.PositiveIntegerField(default=1)
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "article", "round"], name="acknowledged_once_per_round")
        ]
        indexes = [models.Index(fields=["article", "round"])]


class ArticleView(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(NewsArticlePage, on_delete=models.CASCADE, related_name="views")
    agency = models.ForeignKey("teams.Agency", on_delete=models.SET_NULL, null=True, related_name="+")
    viewed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["article", "viewed_at"])]


class Comment(models.Model):
    article = models.ForeignKey(NewsArticlePage, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "created_at"]),
            models.Index(fields=["author", "created_at"]),
        ]

    @property
    def is_visible(self) -> bool:
        return self.deleted_at is None and self.hidden_at is None


class CommentEdit(models.Model):
    """An earlier text of a comment, kept when its author edits it."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="edits")
    text = models.TextField()
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-replaced_at", "-pk"]


class Reaction(models.Model):
    class Kind(models.TextChoices):
        LIKE = "like", _("Like")
        THANKS = "thanks", _("Thanks")
        INSIGHTFUL = "insightful", _("Insightful")
        CELEBRATE = "celebrate", _("Celebrate")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    article = models.ForeignKey(
        NewsArticlePage, on_delete=models.CASCADE, null=True, blank=True, related_name="reactions"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reactions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, comment__isnull=True)
                | Q(article__isnull=True, comment__isnull=False),
                name="reaction_on_article_or_comment",
            ),
            models.UniqueConstraint(
                fields=["user", "kind", "article"],
                condition=Q(article__isnull=False),
                name="one_reaction_kind_per_article",
            ),
            models.UniqueConstraint(
                fields=["user", "kind", "comment"],
                condition=Q(comment__isnull=False),
                name="one_reaction_kind_per_comment",
            ),
        ]


class Mention(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="mentioned_once_per_comment")]
