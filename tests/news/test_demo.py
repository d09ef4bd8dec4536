"""The demo news: about 200 articles over the last year, loaded by ``manage.py demo_data``.

The session's demo data (``demo_loaded``, loaded once with its commit hooks run)
is checked for what a reader and an editor would notice; then a second run
must create nothing.
"""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from demo import news as demo
from news.models import NewsArticlePage, RegionalSupplement
from news.services import CARD_RENDITIONS, HERO_RENDITIONS
from realtime.models import Notification


def load_demo() -> str:
    out = io.StringIO()
    call_command("demo_data", "--no-logins", stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    Image = get_image_model()
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "images": Image.objects.count(),
        "renditions": Image.get_rendition_model().objects.count(),
        "supplements": RegionalSupplement.objects.count(),
        "notifications": Notification.objects.count(),
    }


@pytest.mark.django_db
def test_demo_news(demo_loaded, client, django_capture_on_commit_callbacks):
    # The session's load ran in autocommit, so its commit hooks (where publishing queues the
    # announcement, news.tasks) ran too.
    now = timezone.now()
    finnish = NewsArticlePage.objects.live().filter(locale__language_code="fi").select_related("publisher")
    swedish = NewsArticlePage.objects.live().filter(locale__language_code="sv")

    # About 200 articles over the last year, national and regional.
    assert 190 <= finnish.count() <= 210
    dates = sorted(finnish.values_list("first_published_at", flat=True))
    assert dates[0] >= now - datetime.timedelta(days=366) and dates[-1] <= now
    assert dates[-1] - dates[0] > datetime.timedelta(days=300)
    national = [article for article in finnish if article.publisher.kind == "keha"]
    regional = [article for article in finnish if article.publisher.kind in ("ely", "te")]
    assert len(national) + len(regional) == finnish.count() and len(regional) >= 30
    for article in regional[:10]:
        assert list(article.audience_agencies.all()) == [article.publisher]
    targeted = [article for article in national if not article.for_everyone]
    assert 5 <= len(targeted) < len(national) / 2

    # Categories, with "in preparation" and "decided" used often.
    used = [
        slug
        for article in finnish.prefetch_related("categories")
        for slug in (category.slug for category in article.categories.all())
    ]
    assert used.count("valmistelussa") >= 10 and used.count("paatetty") >= 10

    # About a fifth in Swedish, with Swedish text.
    assert 30 <= swedish.count() <= 50
    finnish_titles = dict(finnish.values_list("translation_key", "title"))
    for version in swedish:
        assert version.translation_key in finnish_titles
        assert version.title != finnish_titles[version.translation_key]
    assert any("NTM-centralen" in version.title for version in swedish)

    # A few pinned, shown first in a reader's feed.
    pinned = finnish.filter(pinned_until__gt=now)
    assert 2 <= pinned.count() <= 3
    client.force_login(get_user_model().objects.get(username="henkilo"))
    home = client.get("/").content.decode()
    first_card = home.index('class="news-card')
    assert home[first_card:].startswith('class="news-card news-card--pinned')

    # Hero images on about 60 %, always described; the renditions the pages use are ready.
    with_image = finnish.filter(hero_image__isnull=False)
    assert 0.45 <= with_image.count() / finnish.count() <= 0.75
    assert not with_image.filter(hero_alt="").exists()
    assert not swedish.filter(hero_image__isnull=False, hero_alt="").exists()
    assert all(
        version.hero_alt.startswith("Illustration") for version in swedish.filter(hero_image__isnull=False)
    )
    images = get_image_model().objects.filter(pk__in=with_image.values("hero_image"))
    assert 20 <= images.count() <= 24
    for image in images:
        specs = set(image.renditions.values_list("filter_spec", flat=True))
        assert set(CARD_RENDITIONS + HERO_RENDITIONS) <= specs

    # Regional supplements on national articles, one by the demo regional editor's agency.
    supplements = RegionalSupplement.objects.select_related("article__publisher", "agency", "contact")
    assert 5 <= supplements.count() <= 10
    assert all(s.article.publisher.kind == "keha" and s.contact.agency_id == s.agency_id for s in supplements)
    assert supplements.filter(agency__slug="ely-pohjanmaa", contact__user__username="toimittaja").exists()
    assert supplements.exclude(body_sv="").exists()

    # The article page shows the demo text.
    slug = next(spec.slug for spec in plan() if spec.topic == "te-palvelut-kuntiin")
    article = finnish.get(slug=slug)
    page = client.get(article.url).content.decode()
    assert article.title in page and article.lead in page

    # Publishing 200 historical articles notified nobody.
    assert Notification.objects.count() == 0
    assert not finnish.filter(announced_at__isnull=True).exists()

    # A second run creates nothing.
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        out = load_demo()
    assert "nothing (already loaded)" in out
    assert snapshot() == before


def plan():
    return demo.plan_articles(demo.build_context(), now=timezone.now())
