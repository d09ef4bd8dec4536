"""Cached feed cards (news.fragments) never show a reader something out of date."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model

from news import fragments
from news.models import NewsArticlePage
from tests.news.conftest import translate


def card_of(html: str, title: str) -> str:
    """The <li> of the card whose heading is ``title``."""
    end = html.index(f">{title}</a>")
    start = html.rindex('<li class="news-card', 0, end)
    return html[start : html.index("</li>", end)]


def page(client, url="/uutiset/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def reader(client, org):
    client.force_login(org.people["aino"].user)
    return org.people["aino"].user


@pytest.mark.django_db
class TestCardsFollowChanges:
    def test_a_published_edit_shows_at_once(self, client, reader, org, publish):
        article = publish(title="Vanha otsikko", publisher=org.keha, lead="Vanha ingressi.")
        for url in ("/", "/uutiset/"):
            assert "Vanha ingressi." in card_of(page(client, url), "Vanha otsikko")
        article.title, article.lead = "Uusi otsikko", "Uusi ingressi."
        article.save_revision().publish()
        for url in ("/", "/uutiset/"):
            html = page(client, url)
            assert "Vanha otsikko" not in html
            assert "Uusi ingressi." in card_of(html, "Uusi otsikko")

    def test_a_renamed_category_and_publisher_show_at_once(self, client, reader, org, publish, category):
        publish(title="Luokiteltu", publisher=org.keha, categories=[category])
        assert category.name_fi in card_of(page(client), "Luokiteltu")
        category.name_fi = "Vasta valmisteilla"
        category.save()
        org.keha.short_name = "KEHA-uusi"
        org.keha.save()
        card = card_of(page(client), "Luokiteltu")
        assert "Vasta valmisteilla" in card and "KEHA-uusi" in card

    def test_the_new_marker_goes_when_the_reader_opens_the_article(self, client, reader, org, publish):
        article = publish(title="Lukematon", publisher=org.keha)
        assert "badge--new" in card_of(page(client), "Lukematon")
        client.get(article.url)
        assert "badge--new" not in card_of(page(client), "Lukematon")
        # Another reader still sees it as new.
        client.force_login(org.people["pekka"].user)
        assert "badge--new" in card_of(page(client), "Lukematon")

    def test_the_pinned_badge_goes_when_the_pin_ends(self, client, reader, org, publish):
        article = publish(
            title="Nastoitettu", publisher=org.keha, pinned_until=timezone.now() + datetime.timedelta(hours=1)
        )
        assert "badge--pinned" in card_of(page(client), "Nastoitettu")
        NewsArticlePage.objects.filter(pk=article.pk).update(
            pinned_until=timezone.now() - datetime.timedelta(seconds=1)
        )
        assert "badge--pinned" not in card_of(page(client), "Nastoitettu")

    def test_each_language_gets_its_own_card(self, client, reader, org, publish):
        article = publish(title="Suomeksi", publisher=org.keha)
        assert "Suomeksi" in page(client)
        client.cookies["django_language"] = "sv"
        assert "Suomeksi" in page(client)  # no Swedish version yet: the Finnish one
        translate(article, title="På svenska")
        html = page(client)
        assert "På svenska" in html and ">Suomeksi<" not in html
        client.cookies["django_language"] = "fi"
        html = page(client)
        assert "Suomeksi" in html and "På svenska" not in html

    def test_an_unpublished_article_leaves_the_feed(self, client, reader, org, publish):
        article = publish(title="Poistuva", publisher=org.keha)
        assert "Poistuva" in page(client, "/")
        article.unpublish()
        assert "Poistuva" not in page(client, "/")


@pytest.mark.django_db
def test_shared_changes_start_a_new_generation(org):
    before = fragments.generation()
    image = get_image_model().objects.create(
        title="Kuva", file="original_images/kuva.png", width=10, height=10
    )
    after_image = fragments.generation()
    image.renditions.model.objects.create(
        image=image, filter_spec="width-5", file="images/kuva.width-5.png", width=5, height=5
    )
    assert fragments.generation() == after_image, "a new rendition keeps the cards (they show existing files)"
    image.renditions.all().delete()
    assert len({before, after_image, fragments.generation()}) == 3


@pytest.mark.django_db
def test_cached_cards_skip_the_card_queries_and_a_cold_page_has_a_fixed_count(
    client, reader, org, publish, category
):
    for number in range(8):
        publish(title=f"Uutinen {number}", publisher=org.keha, categories=[category])
    client.get("/uutiset/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/uutiset/")
    fragments.new_generation()
    with CaptureQueriesContext(connection) as cold:
        client.get("/uutiset/")
    # Cold: the cards' categories (no article has an image here, so no rendition query) and the filter
    # fields' categories and publishers (cached under the same generation) on top of the warm page.
    assert len(cold) == len(warm) + 3
    for number in range(8, 30):
        publish(title=f"Uutinen {number}", publisher=org.keha, categories=[category])
    fragments.new_generation()
    with CaptureQueriesContext(connection) as cold_more:
        client.get("/uutiset/")
    assert len(cold_more) == len(cold)


@pytest.mark.django_db
class TestArticleBody:
    def test_a_published_edit_of_the_body_shows_at_once(self, client, reader, org, publish):
        article = publish(
            title="Runko", publisher=org.keha, body=[("paragraph", "<p>Ensimmäinen versio.</p>")]
        )
        assert "Ensimmäinen versio." in page(client, article.url)
        article.body = [("paragraph", "<p>Korjattu versio.</p>")]
        article.save_revision().publish()
        html = page(client, article.url)
        assert "Korjattu versio." in html and "Ensimmäinen versio." not in html

    def test_a_preview_shows_the_draft_and_leaves_the_live_body_alone(
        self, client, rf, reader, org, publish, communication_user
    ):
        article = publish(
            title="Esikatselu", publisher=org.keha, body=[("paragraph", "<p>Julkaistu teksti.</p>")]
        )
        assert "Julkaistu teksti." in page(client, article.url)
        draft = NewsArticlePage.objects.get(pk=article.pk)
        draft.body = [("paragraph", "<p>Luonnosteksti.</p>")]
        request = rf.get("/admin/")
        request.user = communication_user
        preview = draft.make_preview_request(original_request=request)
        assert "Luonnosteksti." in preview.content.decode()
        html = page(client, article.url)
        assert "Julkaistu teksti." in html and "Luonnosteksti." not in html
