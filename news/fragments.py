"""Cached HTML fragments: feed cards, and the hero image and body of an article page.

Feed cards (news/_article_card.html) are rendered once and kept in the cache.

Rendering a card (responsive picture, categories, badges) cost about a
millisecond, and its prefetches three queries per page of cards; the same
cards are shown again and again. A card's HTML depends on:

* the article and the version in the reader's language as published: their
  ids and ``last_published_at`` are in the key, so a publish (also a scheduled
  one in the worker) or a new Swedish version makes a new key;
* the reader's language, the heading level, and two flags that differ per
  reader: "new" (not opened yet) and "pinned" (until its date);
* shared things that change without a publish: category and agency names,
  images and their renditions, page moves and slug changes, sites. Saving any
  of them replaces a generation token that is part of every key (signals in
  news.apps), so a renamed category shows on every card at once;
* the card template and the compiled translations (a hash of them, taken once
  per process, so a deploy never shows cards made by the old code).

The article page caches its header (publisher, dates, categories), hero image
and body (news/_article_main.html, Django's {% cache %} tag) under
article_fragment_key(): the shown version and the original as published, the
language, the same generation token (names, images, documents, page URLs)
and code version; previews are never cached.

With Redis (production) every process shares the cards and the token. With
the embedded in-process cache, a change made by another process (a management
command) reaches this process's cards when they expire (CARD_SECONDS);
everything done in the admin runs in the web process and shows at once.
"""

import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.images import get_image_model

from core import generations
from news.services import CARD_RENDITIONS

CARD_TEMPLATE = "news/_article_card.html"
# A day: cards of articles nobody opens leave the cache; a busy feed's cards are
# re-rendered once a day at most (about a millisecond each).
CARD_SECONDS = 24 * 60 * 60
GENERATION_KEY = "news:cards:generation"


def generation(key: str = GENERATION_KEY) -> str:
    """The current generation token (a new one after any shared change; core.generations)."""
    return generations.current(key)


def renew(key: str) -> None:
    generations.renew(key)


def new_generation(**kwargs) -> None:
    """Signal receiver: something every card may show has changed."""
    renew(GENERATION_KEY)


@functools.cache
def code_version() -> str:
    """A hash of the site's templates and compiled catalogs, taken once per process (a few ms at start)."""
    digest = hashlib.sha1()
    for template_dir in settings.TEMPLATES[0]["DIRS"]:
        for template in sorted(Path(template_dir).rglob("*.html")):
            digest.update(template.read_bytes())
    for locale_path in settings.LOCALE_PATHS:
        for catalog in sorted(Path(locale_path).glob("*/LC_MESSAGES/django.mo")):
            digest.update(catalog.read_bytes())
    return digest.hexdigest()[:12]


def _stamp(page) -> str:
    return f"{page.pk}@{page.last_published_at.timestamp() if page.last_published_at else '-'}"


def card_key(item, *, language: str, level: int, token: str) -> str:
    flags = f"{int(item.is_new)}{int(item.is_pinned)}"
    return f"news:card:{code_version()}:{token}:{language}:{level}:{_stamp(item.article)}:{_stamp(item.text)}:{flags}"


# The article's hero image and body: a day, like the cards.
ARTICLE_FRAGMENT_SECONDS = CARD_SECONDS


def article_fragment_key(request, page, original) -> str | None:
    """The cache key of an article's header, hero image and body as published, or None for a preview (never cached).

    ``page`` is the version shown, ``original`` the one its publisher, dates and categories come from.
    """
    if getattr(request, "is_preview", False) or not page.live or page.last_published_at is None:
        return None
    language = (get_language() or "fi")[:2]
    return f"{code_version()}:{generation()}:{language}:{_stamp(page)}:{_stamp(original)}"


def prefetch_for_cards(articles: list) -> None:
    """What a card shows besides the article row: categories, hero image and its renditions (three queries)."""
    prefetch_related_objects(
        articles,
        "categories",
        Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)),
    )


def render_cards(items: list, *, request, level: int) -> list:
    """Set ``item.html`` (the card) on each news.services.FeedItem; renders and caches only the missing ones."""
    language = (get_language() or "fi")[:2]
    token = generation()
    keys = [card_key(item, language=language, level=level, token=token) for item in items]
    found = cache.get_many(keys)
    missing = [(key, item) for key, item in zip(keys, items, strict=True) if key not in found]
    if missing:
        prefetch_for_cards([item.article for _key, item in missing])
        template = get_template(CARD_TEMPLATE)
        fresh = {}
        for key, item in missing:
            # A plain context (no context processors); the request is there for {% pageurl %}.
            fresh[key] = template.render({"item": item, "level": level, "request": request})
        cache.set_many(fresh, CARD_SECONDS)
        found.update(fresh)
    for key, item in zip(keys, items, strict=True):
        item.html = mark_safe(found[key])  # noqa: S308 - rendered by the (autoescaping) card template
    return items
