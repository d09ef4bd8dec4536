"""Readership: the five-minute counting rule, the editors' figures on the article and the admin report."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news import readership
from news.models import ArticleView
from teams.models import Agency
from tests.factories import PersonFactory, UserFactory
from tests.news.conftest import translate

REPORT = "/admin/reports/readership/"


def article_report(article) -> str:
    return f"{REPORT}{article.pk}/"


def in_english(client):
    """Text assertions in the source language, whatever the catalogs say (the UI is Finnish by default)."""
    client.cookies["django_language"] = "en"
    return client


def window_passes(user, article) -> None:
    """Five minutes go by: the cache forgets the view, and the recorded row is older than the window."""
    cache.delete(readership.view_cache_key(user_id=user.pk, article=article))
    ArticleView.objects.filter(user=user, article=article).update(
        viewed_at=timezone.now() - readership.VIEW_WINDOW - datetime.timedelta(seconds=1)
    )


@pytest.fixture
def lapland(regional_editor_user):
    return Agency.objects.get(slug="ely-lappi")


@pytest.fixture
def article(org, publish):
    return publish(title="Uusi matkustusohje", publisher=org.keha)


# --- The counting rule ---------------------------------------------------------------


@pytest.mark.django_db
class TestCountingRule:
    def test_a_repeat_view_within_five_minutes_is_not_counted_and_costs_no_query(
        self, org, article, django_assert_num_queries
    ):
        aino = org.people["aino"].user
        assert readership.record_view(user=aino, article=article)
        with django_assert_num_queries(0):
            assert not readership.record_view(user=aino, article=article)
        assert ArticleView.objects.filter(article=article).count() == 1

    def test_a_view_after_the_window_is_counted_again(self, org, article):
        aino = org.people["aino"].user
        readership.record_view(user=aino, article=article)
        window_passes(aino, article)
        assert readership.record_view(user=aino, article=article)
        assert ArticleView.objects.filter(article=article, user=aino).count() == 2

    def test_a_forgotten_cache_does_not_count_a_view_twice(self, org, article):
        # E.g. the server restarted (local-memory cache) a minute after the first view.
        aino = org.people["aino"].user
        readership.record_view(user=aino, article=article)
        cache.delete(readership.view_cache_key(user_id=aino.pk, article=article))
        assert not readership.record_view(user=aino, article=article)
        assert ArticleView.objects.filter(article=article).count() == 1

    def test_each_person_is_counted_and_their_agency_recorded(self, org, article):
        for name in ("aino", "matti", "liisa"):
            readership.record_view(user=org.people[name].user, article=article)
        views = ArticleView.objects.filter(article=article)
        assert views.count() == 3
        assert views.get(user=org.people["liisa"].user).agency == org.ely
        assert views.get(user=org.people["aino"].user).agency == org.keha

    def test_anonymous_visitors_are_not_counted(self, article):
        assert not readership.record_view(user=AnonymousUser(), article=article)
        assert not ArticleView.objects.exists()

    def test_opening_the_page_counts_once_for_both_language_versions(self, client, org, article):
        swedish = translate(article, title="Ny reseanvisning")
        aino = org.people["aino"].user
        client.force_login(aino)
        assert client.get(article.url).status_code == 200
        assert client.get(article.url).status_code == 200
        client.cookies["django_language"] = "sv"
        assert client.get(swedish.url).status_code == 200
        # One view, on the original (Finnish) article.
        assert list(ArticleView.objects.values_list("article_id", "user_id")) == [(article.pk, aino.pk)]

    def test_a_reader_coming_back_later_counts_as_one_reader_and_two_views(
        self, client, org, article, communication_user
    ):
        aino = org.people["aino"].user
        client.force_login(aino)
        client.get(article.url)
        window_passes(aino, article)
        client.get(article.url)
        in_english(client).force_login(communication_user)
        page = client.get(article.url).content.decode()
        assert "3 views by 2 readers" in page


# --- On the article page --------------------------------------------------------------


@pytest.mark.django_db
class TestArticlePage:
    def test_editors_see_the_figures_and_a_link_to_the_report(self, client, org, article, communication_user):
        readership.record_view(user=org.people["aino"].user, article=article)
        in_english(client).force_login(communication_user)
        page = client.get(article.url).content.decode()
        editor_box = page[page.index('class="editor-box"') :]
        assert "2 views by 2 readers" in editor_box  # Aino, and this editor now
        assert f'href="{article_report(article)}"' in editor_box

    def test_readers_see_no_figures(self, staff_client, article):
        page = staff_client.get(article.url).content.decode()
        assert "readership-figures" not in page and REPORT not in page

    def test_a_regional_editor_sees_figures_of_own_agency_news_only(
        self, client, org, publish, article, lapland, regional_editor_user
    ):
        own = publish(title="Lapin uutinen", publisher=lapland, agencies=[lapland])
        client.force_login(regional_editor_user)
        assert "readership-figures" in client.get(own.url).content.decode()
        assert "readership-figures" not in client.get(article.url).content.decode()


# --- The admin report -------------------------------------------------------------------


@pytest.mark.django_db
class TestReportAccess:
    def test_staff_without_the_admin_are_sent_to_log_in(self, staff_client, article):
        for url in (REPORT, article_report(article)):
            response = staff_client.get(url)
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"]

    def test_other_admin_users_are_refused(self, client, instruction_owner_user, article):
        client.force_login(instruction_owner_user)
        for url in (REPORT, article_report(article)):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"] == "/admin/"
        assert "news-readership" not in client.get("/admin/").content.decode()

    @pytest.mark.parametrize(
        "fixture", ["communication_user", "communication_approver_user", "administrator_user"]
    )
    def test_national_editors_and_administrators_see_everything(
        self, client, request, fixture, article, org, publish
    ):
        regional = publish(title="Pohjanmaan uutinen", publisher=org.ely, agencies=[org.ely])
        for reader in ("aino", "liisa"):
            readership.record_view(user=org.people[reader].user, article=article)
            readership.record_view(user=org.people[reader].user, article=regional)
        client.force_login(request.getfixturevalue(fixture))
        page = client.get(REPORT).content.decode()
        assert article.title in page and regional.title in page
        assert client.get(article_report(regional)).status_code == 200
        assert "news-readership" in client.get("/admin/").content.decode()  # Reports → Readership

    def test_a_regional_editor_sees_only_own_agency_articles(
        self, client, org, article, publish, lapland, regional_editor_user
    ):
        own = publish(title="Lapin ELY-keskus muuttaa", publisher=lapland, agencies=[lapland])
        other = publish(title="Pohjanmaan uutinen", publisher=org.ely, agencies=[org.ely])
        for page in (own, other, article):
            readership.record_view(user=org.people["aino"].user, article=page)
        client.force_login(regional_editor_user)
        html = client.get(REPORT).content.decode()
        assert own.title in html
        assert article.title not in html and other.title not in html
        assert client.get(article_report(own)).status_code == 200
        for page in (article, other):
            response = client.get(article_report(page))
            assert response.status_code == 302 and response["Location"] == "/admin/"

    def test_an_unknown_article_is_not_found(self, client, communication_user):
        client.force_login(communication_user)
        assert client.get(f"{REPORT}999999/").status_code == 404


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """A moment in Finnish time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.mark.django_db
class TestReportFigures:
    @pytest.fixture
    def data(self, org, publish):
        """Three days of views on two articles by three people of two agencies, plus one too old to count."""
        now = at(timezone.localdate(), 23, 59)
        first = publish(title="Ensimmäinen", publisher=org.keha)
        second = publish(title="Toinen", publisher=org.keha)
        aino, matti, liisa = (org.people[name].user for name in ("aino", "matti", "liisa"))
        today, yesterday, before = (now.date() - datetime.timedelta(days=days) for days in (0, 1, 2))
        rows = [
            (aino, first, org.keha, at(today, 9)),
            (aino, first, org.keha, at(today, 11)),  # Aino again: one reader, two views
            (matti, first, org.keha, at(today, 0, 30)),  # still yesterday in UTC
            (liisa, first, org.ely, at(before, 8)),
            (liisa, second, org.ely, at(today, 10)),
            (matti, second, org.keha, at(before - datetime.timedelta(days=10), 10)),  # outside the week
        ]
        ArticleView.objects.bulk_create(
            [
                ArticleView(user=user, article=article, agency=agency, viewed_at=moment)
                for user, article, agency, moment in rows
            ]
        )
        return {"now": now, "first": first, "second": second, "days": (before, yesterday, today)}

    def test_the_numbers_are_the_truth(self, data, communication_user, org):
        report = readership.report(user=communication_user, days=7, now=data["now"])
        assert report["totals"] == {"views": 5, "readers": 3, "articles": 2}
        before, yesterday, today = data["days"]
        per_day = {day.date: (day.readers, day.views) for day in report["per_day"]}
        assert len(per_day) == 7 and report["start"] == today - datetime.timedelta(days=6)
        assert per_day[today] == (3, 4) and per_day[yesterday] == (0, 0) and per_day[before] == (1, 1)
        assert sum(views for _readers, views in per_day.values()) == 5
        assert [(row["title"], row["readers"], row["views"]) for row in report["top_articles"]] == [
            ("Ensimmäinen", 3, 4),
            ("Toinen", 1, 1),
        ]
        assert [(row.agency_id, row.readers, row.views) for row in report["by_agency"]] == [
            (org.keha.pk, 2, 3),
            (org.ely.pk, 1, 2),
        ]

    def test_one_article(self, data, communication_user):
        report = readership.report(user=communication_user, days=30, article=data["second"], now=data["now"])
        assert report["totals"]["readers"] == 2 and report["totals"]["views"] == 2
        assert report["all_time"] == {"readers": 2, "views": 2}
        week = readership.report(user=communication_user, days=7, article=data["second"], now=data["now"])
        assert week["totals"]["views"] == 1 and week["all_time"]["views"] == 2

    def test_the_page_shows_the_figures(self, client, data, communication_user):
        in_english(client).force_login(communication_user)
        html = client.get(REPORT, {"days": 365}).content.decode()
        assert "Ensimmäinen" in html and "Toinen" in html
        assert html.count('class="bar"') >= 365  # a bar for every day, with the figures as a table too
        assert "<table" in html and "Pohjanmaan ELY-keskus" in html
        assert 'aria-current="true">Last 365 days' in html

    def test_an_unknown_period_is_the_default(self, client, data, communication_user):
        in_english(client).force_login(communication_user)
        html = client.get(REPORT, {"days": "1000"}).content.decode()
        assert 'aria-current="true">Last 30 days' in html


@pytest.mark.django_db
def test_report_query_counts_do_not_grow_with_data(
    client, org, publish, communication_user, regional_editor_user, lapland
):
    def add(count: int, start: int):
        now = timezone.now()
        agencies = [org.keha, org.ely, lapland]
        readers = [
            PersonFactory(user=UserFactory(username=f"lukija{start + n}"), agency=agencies[n % 3]).user
            for n in range(count)
        ]
        articles = [publish(title=f"Uutinen {start + n}", publisher=agencies[n % 3]) for n in range(count)]
        ArticleView.objects.bulk_create(
            [
                ArticleView(
                    user=reader,
                    article=article,
                    agency=agencies[i % 3],
                    viewed_at=now - datetime.timedelta(days=(i * 7 + j) % 40, minutes=j),
                )
                for i, reader in enumerate(readers)
                for j, article in enumerate(articles)
            ]
        )
        return articles

    def queries(url: str) -> int:
        client.get(url)  # warm Wagtail's per-process caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    first = add(3, 0)
    urls = [REPORT, f"{REPORT}?days=7", f"{REPORT}?days=365", article_report(first[0])]
    regional_urls = [REPORT, article_report(first[2])]
    client.force_login(communication_user)
    before = [queries(url) for url in urls]
    client.force_login(regional_editor_user)
    before_regional = [queries(url) for url in regional_urls]

    add(12, 100)
    client.force_login(communication_user)
    assert [queries(url) for url in urls] == before
    client.force_login(regional_editor_user)
    assert [queries(url) for url in regional_urls] == before_regional
