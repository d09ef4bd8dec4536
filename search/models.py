"""Search data kept in the database.

* :class:`IndexOutbox` — one row per change that the index must follow,
  written in the same transaction as the change itself (publish, unpublish,
  delete and move of pages; saves and deletes of people, teams, locations).
  The worker drains it (search.indexing); a row disappears only after the
  engine has accepted the change, so nothing is lost while the engine is down.
  A row names an object ("news:12", "person:7"), not a document: the adapter
  reads the object's state when the row is drained, so repeated changes to one
  object coalesce into one write of its latest state.
* :class:`BestBet` — an editor pins a page to a phrase; it is shown first and
  marked (only to readers the page's audience allows).
* :class:`SearchLog` — one row per search (query, hit count, the result
  clicked), no user id: editors see top queries and zero-hit queries.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexOutbox(models.Model):
    ref = models.CharField(max_length=100, db_index=True)  # "<adapter type>:<pk>", see search.adapters
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("index change")
        verbose_name_plural = _("index changes")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.ref


def normalise_phrase(text: str) -> str:
    return " ".join(text.lower().split())


class BestBet(models.Model):
    """An editor's pinned result: searching ``phrase`` shows ``page`` first, marked as recommended."""

    phrase = models.CharField(
        _("search phrase"),
        max_length=200,
        help_text=_(
            "Shown when the search is exactly this phrase (letter case and extra spaces do not matter)."
        ),
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("Why this page is pinned (editors only).")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("best bet")
        verbose_name_plural = _("best bets")
        ordering = ["phrase"]
        constraints = [models.UniqueConstraint(fields=["phrase", "page"], name="unique_best_bet")]

    def __str__(self) -> str:
        return f"{self.phrase} → {self.page.title}"

    def save(self, *args, **kwargs):
        self.phrase = normalise_phrase(self.phrase)
        super().save(*args, **kwargs)


class SearchLog(models.Model):
    """One search as typed, its hit count and the result clicked (if any). No user: only what people look for."""

    query = models.CharField(max_length=200, db_index=True)
    hits = models.PositiveIntegerField()
    clicked_key = models.CharField(max_length=100, blank=True)
    degraded = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("search")
        verbose_name_plural = _("searches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.query
