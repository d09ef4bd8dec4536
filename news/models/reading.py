"""What readers have done with news: opened an article, their personal feed token."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


class ArticleOpened(models.Model):
    """A person has opened an article (either language version); drives the feed's "new" marker."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "translation_key"], name="opened_once")]


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """The secret in a person's Atom feed address; renewing replaces it, revoking deletes it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="news_feed_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)
