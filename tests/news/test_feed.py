"""Who sees what in the personalised feed: targeting (OR, empty = everyone), order, filters, markers."""

import datetime

import pytest
from django.utils import timezone

from news import services
from news.models import NewsArticlePage
from tests.news.conftest import days_ago, translate


def feed_titles(user, **filters):
    return [article.title for article in services.feed(user=user, **filters)]


@pytest.fixture
def targeted(org, publish):
    """One article per audience shape (titles say who they are for)."""
    return {
        "everyone": publish(title="Kaikille", publisher=org.keha),
        "ely": publish(title="ELY-keskukselle", publisher=org.keha, agencies=[org.ely]),
        "vaasa": publish(title="Vaasaan", publisher=org.keha, locations=[org.vaasa]),
        "payments": publish(title="Maksatukselle", publisher=org.keha, units=[org.payments]),
        "taimi_team": publish(title="Taimi-tiimille", publisher=org.keha, teams=[org.taimi_team]),
        "salla_or_ict": publish(
            title="Sallaan tai tivi", publisher=org.keha, locations=[org.salla], units=[org.ict]
        ),
    }


# people (tests/organisation.py::org): aino – KEHA, payments, Vaasa, payroll team;
# sanna – KEHA, ict, Mikkeli, Taimi team (lead); erik – KEHA, ict, Salla;
# liisa – ELY, no unit, Vaasa; pekka – KEHA, payments, Mikkeli, payroll team.
EXPECTED = {
    "aino": {"Kaikille", "Vaasaan", "Maksatukselle"},
    "sanna": {"Kaikille", "Taimi-tiimille", "Sallaan tai tivi"},
    "erik": {"Kaikille", "Sallaan tai tivi"},
    "liisa": {"Kaikille", "ELY-keskukselle", "Vaasaan"},
    "pekka": {"Kaikille", "Maksatukselle"},
}


@pytest.mark.django_db
class TestTargeting:
    @pytest.mark.parametrize("person", sorted(EXPECTED))
    def test_each_person_sees_exactly_what_is_targeted_to_them(self, org, targeted, person):
        assert set(feed_titles(org.people[person].user)) == EXPECTED[person]

    def test_several_audiences_combine_with_or(self, org, targeted):
        # "Sallaan tai tivi": Erik matches by location only, Sanna by unit only.
        assert "Sallaan tai tivi" in feed_titles(org.people["erik"].user)
        assert "Sallaan tai tivi" in feed_titles(org.people["sanna"].user)
        assert "Sallaan tai tivi" not in feed_titles(org.people["aino"].user)

    def test_an_article_appears_once_even_when_several_audiences_match(self, org, publish):
        publish(
            title="Monta osumaa",
            publisher=org.keha,
            agencies=[org.keha],
            locations=[org.vaasa],
            units=[org.payments],
            teams=[org.payroll_team],
        )
        assert feed_titles(org.people["aino"].user).count("Monta osumaa") == 1

    def test_a_user_without_a_profile_sees_news_for_everyone(self, targeted, staff_user):
        staff_user.person.delete()
        staff_user.refresh_from_db()
        assert feed_titles(staff_user) == ["Kaikille"]

    def test_unpublished_and_draft_articles_are_not_in_the_feed(self, org, publish):
        gone = publish(title="Poistettu julkaisusta", publisher=org.keha)
        gone.unpublish()
        assert "Poistettu julkaisusta" not in feed_titles(org.people["aino"].user)

    def test_the_news_page_shows_the_feed(self, client, org, targeted):
        client.force_login(org.people["liisa"].user)
        html = client.get("/uutiset/").content.decode()
        assert "ELY-keskukselle" in html and "Vaasaan" in html and "Maksatukselle" not in html


@pytest.mark.django_db
class TestOrderAndFilters:
    def test_pinned_first_until_their_date_then_newest(self, org, publish):
        publish(title="Vanha", publisher=org.keha, published_at=days_ago(30))
        publish(title="Uusi", publisher=org.keha, published_at=days_ago(1))
        publish(
            title="Kiinnitetty",
            publisher=org.keha,
            published_at=days_ago(60),
            pinned_until=timezone.now() + datetime.timedelta(days=3),
        )
        publish(
            title="Kiinnitys päättynyt",
            publisher=org.keha,
            published_at=days_ago(10),
            pinned_until=timezone.now() - datetime.timedelta(days=1),
        )
        assert feed_titles(org.people["aino"].user) == ["Kiinnitetty", "Uusi", "Kiinnitys päättynyt", "Vanha"]

    def test_filter_by_category_and_publisher(self, org, publish, category):
        publish(title="Valmistelussa oleva", publisher=org.keha, categories=[category])
        publish(title="ELY:n oma", publisher=org.ely, agencies=[org.ely])
        publish(title="Muu", publisher=org.keha)
        liisa = org.people["liisa"].user
        assert feed_titles(liisa, category=category) == ["Valmistelussa oleva"]
        assert feed_titles(liisa, publisher=org.ely) == ["ELY:n oma"]

    def test_filters_through_the_page_and_bad_values_do_not_break_it(self, client, org, publish, category):
        publish(title="Valmistelussa oleva", publisher=org.keha, categories=[category])
        publish(title="Muu", publisher=org.keha)
        client.force_login(org.people["aino"].user)
        html = client.get("/uutiset/", {"category": "valmistelussa"}).content.decode()
        assert "Valmistelussa oleva" in html and ">Muu<" not in html
        for bad in [{"category": "ei-ole"}, {"publisher": "<script>"}, {"page": "x"}, {"page": "99999"}]:
            assert client.get("/uutiset/", bad).status_code == 200

    def test_new_marker_until_opened(self, client, org, publish):
        article = publish(title="Avaamaton", publisher=org.keha)
        client.force_login(org.people["aino"].user)
        assert "badge--new" in client.get("/uutiset/").content.decode()
        assert client.get(article.url).status_code == 200
        assert "badge--new" not in client.get("/uutiset/").content.decode()

    def test_pagination(self, client, org, publish, settings):
        for number in range(services.FEED_PAGE_SIZE + 2):
            publish(title=f"Uutinen {number:02d}", publisher=org.keha, published_at=days_ago(number))
        client.force_login(org.people["aino"].user)
        second = client.get("/uutiset/", {"page": 2}).content.decode()
        assert "Uutinen 21" in second and "Uutinen 00" not in second

    def test_home_page_shows_the_top_of_my_feed(self, client, org, targeted):
        client.force_login(org.people["erik"].user)
        html = client.get("/").content.decode()
        assert "Sallaan tai tivi" in html and "Maksatukselle" not in html


@pytest.mark.django_db
class TestSwedish:
    def swedish(self, client):
        client.cookies["django_language"] = "sv"
        return client

    def test_swedish_reader_sees_swedish_where_it_exists_finnish_otherwise_never_both(
        self, client, org, publish
    ):
        both = publish(title="Palkkatuen maksatus", publisher=org.keha, published_at=days_ago(1))
        translate(both, title="Utbetalning av lönesubvention")
        publish(title="Vain suomeksi", publisher=org.keha, published_at=days_ago(2))
        client.force_login(org.people["aino"].user)
        html = self.swedish(client).get("/uutiset/").content.decode()
        assert "Utbetalning av lönesubvention" in html and "Palkkatuen maksatus" not in html
        assert "Vain suomeksi" in html
        client.cookies["django_language"] = "fi"
        finnish = client.get("/uutiset/").content.decode()
        assert "Palkkatuen maksatus" in finnish and "Utbetalning av lönesubvention" not in finnish

    def test_one_url_serves_the_readers_language(self, client, org, publish):
        article = publish(title="Tietoturvaohje päivitetty", publisher=org.keha)
        translate(article, title="Informationssäkerhetsanvisningen uppdaterad")
        client.force_login(org.people["aino"].user)
        assert "Tietoturvaohje päivitetty" in client.get(article.url).content.decode()
        swedish = self.swedish(client).get(article.url).content.decode()
        assert "<h1>Informationssäkerhetsanvisningen uppdaterad</h1>" in swedish
        assert "Tietoturvaohje päivitetty" not in swedish

    def test_swedish_draft_is_not_shown(self, client, org, publish):
        article = publish(title="Julkaistu suomeksi", publisher=org.keha)
        swedish = translate(article, title="Svenskt utkast")
        swedish.unpublish()
        client.force_login(org.people["aino"].user)
        html = self.swedish(client).get("/uutiset/").content.decode()
        assert "Julkaistu suomeksi" in html and "Svenskt utkast" not in html

    def test_opening_either_version_counts_once(self, client, org, publish):
        from news.models import ArticleOpened

        article = publish(title="Kaksikielinen", publisher=org.keha)
        translate(article, title="Tvåspråkig")
        client.force_login(org.people["aino"].user)
        client.get(article.url)
        self.swedish(client).get(article.url)
        assert ArticleOpened.objects.filter(user=org.people["aino"].user).count() == 1
        assert NewsArticlePage.objects.live().count() == 2  # two versions, one article in the feed
        assert len(services.feed(user=org.people["aino"].user)) == 1


def test_the_cached_filter_fields_follow_a_renamed_category_and_a_new_agency(
    client, org, news_index, category
):
    """The unfiltered filter fields are cached per language (news.page_context.filter_fields_html): a renamed
    category or a new agency shows at the next request, and a chosen filter is never served from the cache."""
    from teams.models import Agency

    client.force_login(org.people["aino"].user)
    assert category.name_fi in client.get("/uutiset/").content.decode()  # cached now
    category.name_fi = "Valmistelussa nyt"
    category.save()
    Agency.objects.create(slug="uusi-virasto", name_fi="Uusi virasto", kind=org.ely.kind)
    html = client.get("/uutiset/").content.decode()
    assert "Valmistelussa nyt" in html and "Uusi virasto" in html
    chosen = client.get(f"/uutiset/?category={category.slug}").content.decode()
    assert f'value="{category.slug}" selected' in chosen
    assert f'value="{category.slug}" selected' not in client.get("/uutiset/").content.decode()
