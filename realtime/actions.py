"""Every write that must reach browsers live goes through here, and only here
(the one module that calls realtime.hub.publish).

Each function writes what must survive (notification rows) and then publishes
one pre-serialised frame per audience topic (``everyone``, ``agency.<id>``,
``user.<id>``, …; realtime/groups.py): serialised once, delivered by the hub to
every local socket and, with Redis, once to each other process.
A frame is a hint to update the page now; the database is the truth, so a
frame lost while a browser was offline costs nothing (the bell count and the
feed are read from the database on the next page or reconnect).
"""

import json
import logging

from django.db import transaction

from realtime import groups, hub
from realtime.models import Notification

logger = logging.getLogger(__name__)

# Notifications are inserted in batches of this size: one INSERT for a whole
# agency, a few for everyone (550 people), without one huge statement.
NOTIFICATION_BATCH = 500


def layer_is_shared() -> bool:
    """True when a publish reaches every process (Redis); false for the single-process default."""
    return hub.is_shared()


def _send(topics: list[str], frame: dict) -> None:
    """Serialise once, publish once per topic. A failure is logged, never raised:
    the notification rows are already committed and are what the reader sees."""
    text = json.dumps(frame, ensure_ascii=False)
    for topic in topics:
        try:
            hub.publish(topic, text)
        except Exception:  # noqa: BLE001 - a broken Redis must not undo the published work
            logger.exception("Could not publish %s to %s", frame.get("type"), topic)


def notify(*, user_ids, key: str, kind: str, title: str, title_sv: str = "", url: str = "") -> int:
    """Write one notification per user for an event (idempotent by ``key``); returns how many are new."""
    user_ids = list(user_ids)
    already = set(Notification.objects.filter(key=key, recipient_id__in=user_ids).values_list("recipient_id", flat=True))
    rows = [
        Notification(recipient_id=user_id, key=key, kind=kind, title=title[:300], title_sv=title_sv[:300], url=url)
        for user_id in user_ids
        if user_id not in already
    ]
    Notification.objects.bulk_create(rows, batch_size=NOTIFICATION_BATCH, ignore_conflicts=True)
    return len(rows)


def news_published(*, article) -> int:
    """A news article went live: notify its audience and tell those online.

    Writes a notification for each person in the audience (once per article,
    whatever the retries), then pushes one ``news.published`` frame to each
    audience group (``everyone`` for an article without an audience).
    Returns the number of new notifications.
    """
    from news import services

    swedish = services.swedish_title(article=article)
    created = notify(
        user_ids=services.audience_user_ids(article=article),
        key=f"news:{article.translation_key}",
        kind=Notification.Kind.NEWS,
        title=article.title,
        title_sv=swedish,
        url=article.url or "",
    )
    frame = {
        "type": "news.published",
        "article": {
            "id": str(article.translation_key),
            "title": article.title,
            "title_sv": swedish,
            "lead": article.lead,
            "url": article.url or "",
            "publisher": article.publisher.name_fi,
        },
    }
    transaction.on_commit(lambda: _send(services.audience_groups(article=article), frame))
    return created


def mention_created(*, mention) -> int:
    """Someone was @mentioned in a comment: notify them in-app and tell their open tabs.

    One notification per comment and person (the key), so a mention notifies
    once however often the comment is edited; nobody is notified about their
    own comment. Pushes one ``mention`` frame to the person's ``user.<id>``
    group when the transaction commits. Returns 1 when a notification was
    written, 0 when it already existed.
    """
    from django.utils.translation import gettext, override

    from news import services

    comment = mention.comment
    if mention.user_id == comment.author_id:
        return 0
    article = comment.article
    author = comment.author
    name = author.get_full_name() or author.get_username()
    swedish = services.swedish_title(article=article) or article.title
    with override("fi"):
        title = gettext("%(name)s mentioned you in a comment on “%(title)s”") % {"name": name, "title": article.title}
    with override("sv"):
        title_sv = gettext("%(name)s mentioned you in a comment on “%(title)s”") % {"name": name, "title": swedish}
    url = f"{article.url or ''}#comment-{comment.pk}"
    created = notify(user_ids=[mention.user_id], key=f"mention:{comment.pk}:{mention.user_id}",
                     kind=Notification.Kind.MENTION, title=title, title_sv=title_sv, url=url)
    if created:
        frame = {
            "type": "mention",
            "mention": {"comment": comment.pk, "by": name, "title": title[:300], "title_sv": title_sv[:300],
                        "url": url},
        }
        user_id = mention.user_id
        transaction.on_commit(lambda: _send([groups.user_group(user_id)], frame))
    return created
