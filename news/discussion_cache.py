"""Generation tokens of the cached discussions (news.discussion) and what renews them.

A cached discussion's key holds three tokens: the article's own, people's (names and photos) and the cards'
(news.fragments). Renewing a token makes every key built with the old one unreachable, so nothing has to be
deleted. The receivers at the end are connected in news.apps to every model a discussion shows.
"""

from django.db import transaction

from core import generations
from news import fragments
from news.models import Comment

# A day, like the cards and the article body (news.fragments): a discussion
# nobody reads leaves the cache, a read one is rendered again after any change.
DISCUSSION_SECONDS = fragments.ARTICLE_FRAGMENT_SECONDS
PEOPLE_GENERATION_KEY = "news:discussion:people"


def _article_generation_key(article_id: int) -> str:
    return f"news:discussion:article:{article_id}"


def renew_article(article_id: int) -> None:
    """The article's discussion changed: now (this process, this transaction) and again once committed."""
    key = _article_generation_key(article_id)
    generations.renew(key, timeout=DISCUSSION_SECONDS)
    transaction.on_commit(lambda: generations.renew(key, timeout=DISCUSSION_SECONDS))


def tokens(article_id: int) -> list[str]:
    """The generation tokens a discussion's key holds (one cache round trip when they are all there).
    An article's token lives as long as what is cached under it; the shared ones until renewed."""
    article_key = _article_generation_key(article_id)
    return generations.current_many(
        [article_key, PEOPLE_GENERATION_KEY, fragments.GENERATION_KEY],
        timeouts={article_key: DISCUSSION_SECONDS},
    )


# --- Invalidation (connected in news.apps) -------------------------------------------------------


def comment_changed(sender, instance, **kwargs) -> None:
    renew_article(instance.article_id)


def comment_part_changed(sender, instance, **kwargs) -> None:
    """A comment's edit or mention: the comment's article. Never fails a delete whose comment is already gone."""
    article_id = Comment.objects.filter(pk=instance.comment_id).values_list("article_id", flat=True).first()
    if article_id is not None:
        renew_article(article_id)


def reaction_changed(sender, instance, **kwargs) -> None:
    if instance.article_id is not None:
        renew_article(instance.article_id)
    else:
        comment_part_changed(sender, instance)


def people_changed(sender, instance=None, update_fields=None, **kwargs) -> None:
    """A person's or user's name or photo may have changed; a login (only ``last_login``) changes nothing shown."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    generations.renew(PEOPLE_GENERATION_KEY)
