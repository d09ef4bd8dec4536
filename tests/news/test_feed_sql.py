"""The feed's SQL (news.feed_sql) picks exactly the articles the ORM definition does, in the same order."""

import datetime

import pytest
from django.utils import timezone

from news import mustread, services
from news.models import Acknowledgement, NewsArticlePage, NewsCategory
from tests.news.conftest import days_ago, translate


def orm_feed_ids(user, *, now, category=None, publisher=None) -> list[int]:
    """The feed as news.services defines it with the ORM: originals().filter(targeted_to(reader)), pinned first."""
    reader = services.reader_for(user=user)
    articles = services.originals().filter(services.targeted_to(reader))
    if category is not None:
        articles = articles.filter(categories=category)
    if publisher is not None:
        articles = articles.filter(publisher=publisher)
    ordered = articles.order_by("-first_published_at", "-pk")
    pinned = list(ordered.filter(pinned_until__gt=now).values_list("pk", flat=True))
    rest = list(ordered.exclude(pinned_until__gt=now).values_list("pk", flat=True))
    return pinned + rest


@pytest.fixture
def mixed(org, publish):
    """Articles of every audience shape, some pinned (one pin expired), some only in Swedish, one unpublished."""
    categories = list(NewsCategory.objects.all())
    audiences = [
        {},
        {"agencies": [org.ely]},
        {"locations": [org.vaasa]},
        {"units": [org.payments]},
        {"teams": [org.payroll_team]},
        {"teams": [org.taimi_team]},
        {"locations": [org.salla], "units": [org.ict]},
        {"agencies": [org.keha], "teams": [org.payroll_team]},
    ]
    now = timezone.now()
    articles = []
    for number in range(24):
        pinned_until = None
        if number % 7 == 0:
            pinned_until = now + datetime.timedelta(days=1)
        elif number % 7 == 1:
            pinned_until = now - datetime.timedelta(days=1)  # pin expired: back among the rest
        article = publish(
            title=f"Uutinen {number}",
            publisher=org.keha if number % 3 else org.ely,
            categories=categories[number % 3 : number % 3 + 2],
            published_at=days_ago(number),
            pinned_until=pinned_until,
            **audiences[number % len(audiences)],
        )
        if number % 4 == 0:
            translate(article, title=f"Nyhet {number}")
        articles.append(article)
    # Only in Swedish: the Finnish version unpublished, so the Swedish one is the original.
    articles[5].unpublish()
    translate(articles[9], title="Nyhet 9")
    articles[9].unpublish()
    return articles


@pytest.mark.django_db
@pytest.mark.parametrize("person", ["aino", "sanna", "erik", "liisa", "pekka"])
def test_sql_feed_is_the_orm_feed(org, mixed, person, category):
    user = org.people[person].user
    now = timezone.now()
    feed = services.feed(user=user)
    expected = orm_feed_ids(user, now=now)
    assert [article.pk for article in feed] == expected
    assert feed.count() == len(expected)
    assert [article.pk for article in services.feed(user=user, category=category)] == orm_feed_ids(
        user, now=now, category=category
    )
    assert [article.pk for article in services.feed(user=user, publisher=org.ely)] == orm_feed_ids(
        user, now=now, publisher=org.ely
    )
    # Slices across the pinned/rest boundary give the same as slicing the whole list.
    for start, stop in [(0, 2), (1, 5), (3, 9), (10, None)]:
        assert [article.pk for article in services.feed(user=user)[start:stop]] == expected[start:stop]


@pytest.mark.django_db
def test_sql_must_read_pending_is_the_orm_rule(org, mixed):
    user = org.people["aino"].user
    must = [article for article in mixed if article.live][:8]
    NewsArticlePage.objects.filter(pk__in=[article.pk for article in must]).update(must_read=True)
    done = must[0]
    Acknowledgement.objects.create(user=user, article=done, round=done.ack_round)
    reader = services.reader_for(user=user)
    expected = list(
        services.originals()
        .filter(must_read=True)
        .filter(services.targeted_to(reader))
        .exclude(pk__in=Acknowledgement.objects.filter(user=user, round=1).values("article_id"))
        .order_by("must_read_deadline", "-first_published_at")
        .values_list("pk", flat=True)
    )
    assert expected, "the fixture should leave some must-reads pending for aino"
    assert [item.article.pk for item in mustread.pending_for(user=user, limit=50)] == expected
    for article in NewsArticlePage.objects.filter(pk__in=[article.pk for article in must]):
        assert mustread.is_pending(user=user, article=article) == (article.pk in expected)
