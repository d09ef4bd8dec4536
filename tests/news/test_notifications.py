"""Publishing notifies the audience: in-app notifications (the bell) and a live frame to those online."""

import pytest
from django.urls import reverse

from news.models import NewsArticlePage
from realtime.models import Notification
from tests.news.conftest import publish_article


def publish_and_announce(django_capture_on_commit_callbacks, index, **kwargs):
    """Publish as the admin does; the announcement job runs when the transaction commits."""
    with django_capture_on_commit_callbacks(execute=True):
        article = publish_article(index, announced=False, **kwargs)
    article.refresh_from_db()
    return article


def recipients(article):
    return set(
        Notification.objects.filter(key=f"news:{article.translation_key}").values_list(
            "recipient__username", flat=True
        )
    )


@pytest.mark.django_db
class TestInAppNotifications:
    def test_audience_only(self, org, news_index, django_capture_on_commit_callbacks):
        article = publish_and_announce(
            django_capture_on_commit_callbacks,
            news_index,
            title="Vaasan toimitila",
            publisher=org.keha,
            locations=[org.vaasa],
            teams=[org.taimi_team],
        )
        # Vaasa: aino, matti, liisa; Taimi team: sanna
        assert recipients(article) == {"aino.virtanen", "matti.aijala", "liisa.makela", "sanna.lehtola"}

    def test_for_everyone_reaches_every_active_person(
        self, org, news_index, django_capture_on_commit_callbacks
    ):
        org.people["erik"].user.is_active = False
        org.people["erik"].user.save()
        article = publish_and_announce(
            django_capture_on_commit_callbacks, news_index, title="Kaikille", publisher=org.keha
        )
        everyone = {person.user.username for key, person in org.people.items() if key != "erik"}
        assert recipients(article) == everyone

    def test_once_per_article_however_often_it_is_republished(
        self, org, news_index, django_capture_on_commit_callbacks
    ):
        article = publish_and_announce(
            django_capture_on_commit_callbacks,
            news_index,
            title="Korjattu",
            publisher=org.keha,
            agencies=[org.ely],
        )
        with django_capture_on_commit_callbacks(execute=True):
            article.title = "Korjattu uudelleen"
            article.save_revision().publish()
        assert Notification.objects.count() == 1  # liisa, once

    def test_bell_count_list_and_open(self, client, org, news_index, django_capture_on_commit_callbacks):
        article = publish_and_announce(
            django_capture_on_commit_callbacks, news_index, title="Uutinen kelloon", publisher=org.keha
        )
        liisa = org.people["liisa"].user
        client.force_login(liisa)
        html = client.get("/").content.decode()
        assert 'data-unread="1"' in html
        listing = client.get(reverse("realtime:notifications")).content.decode()
        assert "Uutinen kelloon" in listing
        notification = Notification.objects.get(recipient=liisa)
        response = client.post(reverse("realtime:notification_open", args=[notification.pk]))
        assert response.status_code == 302 and response["Location"] == article.url
        assert 'data-unread="0"' in client.get("/").content.decode()

    def test_nobody_opens_someone_elses_notification(
        self, client, org, news_index, django_capture_on_commit_callbacks
    ):
        publish_and_announce(
            django_capture_on_commit_callbacks,
            news_index,
            title="Vain ELY",
            publisher=org.keha,
            agencies=[org.ely],
        )
        notification = Notification.objects.get()
        client.force_login(org.people["aino"].user)
        assert client.post(reverse("realtime:notification_open", args=[notification.pk])).status_code == 404
        assert client.get(reverse("realtime:notification_open", args=[notification.pk])).status_code == 405
        notification.refresh_from_db()
        assert notification.read_at is None

    def test_mark_all_read(self, client, org, news_index, django_capture_on_commit_callbacks):
        publish_and_announce(django_capture_on_commit_callbacks, news_index, title="Yksi", publisher=org.keha)
        publish_and_announce(
            django_capture_on_commit_callbacks, news_index, title="Kaksi", publisher=org.keha
        )
        client.force_login(org.people["aino"].user)
        client.post(reverse("realtime:notifications_mark_read"))
        assert not Notification.objects.filter(
            recipient=org.people["aino"].user, read_at__isnull=True
        ).exists()
        assert Notification.objects.filter(read_at__isnull=True).exists()  # others' stay unread

    def test_demo_style_articles_already_announced_notify_nobody(
        self, org, news_index, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            publish_article(news_index, title="Vanha uutinen", publisher=org.keha, announced=True)
        assert not Notification.objects.exists()
        assert NewsArticlePage.objects.get(title="Vanha uutinen").live


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "count", "word"),
    [
        ("sv", 1, "oläst"),
        ("sv", 2, "olästa"),
        ("fi", 1, "lukematta"),
        ("fi", 3, "lukematta"),
        ("en", 1, "unread"),
        ("en", 2, "unread"),
    ],
)
def test_the_bell_says_unread_in_the_right_form(client, org, language, count, word):
    from realtime import actions

    user = org.people["aino"].user
    for number in range(count):
        actions.notify(
            user_ids=[user.pk], key=f"test:{number}", kind=Notification.Kind.NEWS, title=f"Ilmoitus {number}"
        )
    client.force_login(user)
    client.cookies["django_language"] = language
    html = client.get(reverse("teams:directory")).content.decode()
    assert f'{count}<span class="visually-hidden" data-bell-word' in html
    assert f"> {word}</span>" in html
