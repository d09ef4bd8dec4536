"""News broadcasts: notifications and live frames for published articles and comment mentions.

Built here, sent through the transport's realtime.actions (notify, publish), which knows no domain.
"""

from django.db import transaction

from realtime import actions, groups
from realtime.frames import schema
from realtime.models import Notification

# The frames this app publishes (checked in tests: realtime.frames).
FRAMES = {
    "news.published": schema("article", article=("id", "title", "title_sv", "lead", "url", "publisher")),
    "mention": schema("mention", mention=("comment", "by", "title", "title_sv", "url")),
}


def news_published(*, article) -> int:
    """A news article went live: notify its audience and tell those online.

    Writes a notification for each person in the audience (once per article,
    whatever the retries), then pushes one ``news.published`` frame to each
    audience group (``everyone`` for an article without an audience).
    Returns the number of new notifications.
    """
    from news import services

    swedish = services.swedish_title(article=article)
    created = actions.notify(
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
    transaction.on_commit(lambda: actions.publish(services.audience_groups(article=article), frame))
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
        title = gettext("%(name)s mentioned you in a comment on “%(title)s”") % {
            "name": name,
            "title": article.title,
        }
    with override("sv"):
        title_sv = gettext("%(name)s mentioned you in a comment on “%(title)s”") % {
            "name": name,
            "title": swedish,
        }
    url = f"{article.url or ''}#comment-{comment.pk}"
    created = actions.notify(
        user_ids=[mention.user_id],
        key=f"mention:{comment.pk}:{mention.user_id}",
        kind=Notification.Kind.MENTION,
        title=title,
        title_sv=title_sv,
        url=url,
    )
    if created:
        frame = {
            "type": "mention",
            "mention": {
                "comment": comment.pk,
                "by": name,
                "title": title[:300],
                "title_sv": title_sv[:300],
                "url": url,
            },
        }
        user_id = mention.user_id
        transaction.on_commit(lambda: actions.publish([groups.user_group(user_id)], frame))
    return created
