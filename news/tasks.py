"""Background jobs of the news app (run by the worker, intranet.jobs)."""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def announce_article(page_id: int) -> int:
    """Notify the audience of a newly published article, once.

    Idempotent: ``announced_at`` is claimed in the same transaction as the
    notifications are written, so a retried or duplicated job does nothing,
    and a job that crashes half-way leaves nothing claimed and is retried.
    Returns the number of notifications written.
    """
    from news.models import NewsArticlePage
    from news.services import original_of
    from realtime import actions

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
    """page_published receiver: queue the announcement when the publishing transaction commits."""
    from news.models import NewsArticlePage

    if isinstance(instance, NewsArticlePage) and instance.announced_at is None:
        page_id = instance.pk
        transaction.on_commit(lambda: announce_article.enqueue(page_id))
