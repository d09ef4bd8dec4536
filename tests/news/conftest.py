"""Fixtures for the news tests: the news sections and a quick way to publish articles."""

import datetime
import itertools

import pytest
from django.utils import timezone
from wagtail.models import Locale

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

_slugs = itertools.count(1)


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get(locale__language_code="fi")


@pytest.fixture
def news_index_sv(db):
    return NewsIndexPage.objects.get(locale__language_code="sv")


@pytest.fixture
def category(db):
    return NewsCategory.objects.get(slug="valmistelussa")


def publish_article(
    index,
    *,
    title="Uutinen",
    publisher,
    lead="Ingressi.",
    agencies=(),
    locations=(),
    units=(),
    teams=(),
    categories=(),
    pinned_until=None,
    published_at=None,
    announced=True,
    body=None,
):
    """Create and publish an article through Wagtail's own API (as the admin does)."""
    article = NewsArticlePage(
        title=title,
        slug=f"uutinen-{next(_slugs)}",
        lead=lead,
        publisher=publisher,
        pinned_until=pinned_until,
        body=body or [("paragraph", f"<p>{title} – leipäteksti.</p>")],
        announced_at=timezone.now() if announced else None,
    )
    article.audience_agencies = list(agencies)
    article.audience_locations = list(locations)
    article.audience_units = list(units)
    article.audience_teams = list(teams)
    article.categories = list(categories)
    index.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()  # publish() works on the revision's copy
    if published_at is not None:
        NewsArticlePage.objects.filter(pk=article.pk).update(first_published_at=published_at)
        article.first_published_at = published_at
    return article


def translate(article, *, title, lead="Ingress."):
    """The Swedish version of an article, published."""
    swedish = article.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.title = swedish.draft_title = title
    swedish.lead = lead
    swedish.body = [("paragraph", f"<p>{title} – brödtext.</p>")]
    swedish.save_revision().publish()
    swedish.refresh_from_db()
    return swedish


@pytest.fixture
def publish(news_index):
    def _publish(**kwargs):
        return publish_article(news_index, **kwargs)

    return _publish


def days_ago(days: int):
    return timezone.now() - datetime.timedelta(days=days)
