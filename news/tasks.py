"""Background jobs of the news app (run by the worker, core.jobs)."""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


# Ahead of bulk work in the same queue (Wagtail's reference-index jobs after a
# big import can number thousands): readers online should see news at once.
ANNOUNCE_PRIORITY = 50


@task(priority=ANNOUNCE_PRIORITY)
def announce_article(page_id: int) -> int:
    """Notify the audience of a newly published article, once.

    Idempotent: ``announced_at`` is claimed in the same transaction as the
    notifications are written, so a retried or duplicated job does nothing,
    and a job that crashes half-way leaves nothing claimed and is retried.
    Returns the number of notifications written.
    """
    from news import actions
    from news.models import NewsArticlePage
    from news.services import original_of

    page = NewsArticlePage.objects.filter(pk=page_id, live=True).select_related("publisher").first()
    if page is None:
        return 0  # unpublished or deleted before the job ran
    article = original_of(page)
    with transaction.atomic():
        claimed = NewsArticlePage.objects.filter(
            translation_key=article.translation_key, announced_at__isnull=True
        ).update(announced_at=timezone.now())
        if not claimed:
            return 0
        return actions.news_published(article=article)


def on_page_published(sender, instance, **kwargs):
    """page_published receiver: announce the article when the publishing transaction commits.

    Normally the announcement is a job for the worker. On one machine without
    Redis the channel layer lives inside the Daphne process, where the worker's
    frames cannot reach; there an article published from the admin is announced
    in the publishing process itself (one bulk INSERT of at most a few hundred
    rows), so that readers online see it at once. Scheduled publishing always
    runs in the worker: without Redis its readers see it on their next page.
    """
    from news.models import NewsArticlePage
    from realtime.actions import layer_is_shared

    if isinstance(instance, NewsArticlePage) and instance.announced_at is None:
        page_id = instance.pk
        if layer_is_shared():
            transaction.on_commit(lambda: announce_article.enqueue(page_id))
        else:
            transaction.on_commit(lambda: announce_article.call(page_id))


@task()
def send_must_read_reminders() -> int:
    """Remind people still pending on must-reads near their deadline (once per step; news.mustread)."""
    from news import mustread

    return mustread.send_reminders()
