"""Reactions on articles and comments: one per kind per person, toggled, counted; with and without JavaScript."""

import re

import pytest
from django.urls import reverse

from news import comments
from news.models import NewsArticlePage, Reaction
from tests.news.conftest import translate

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def article(org, publish):
    article = publish(title="Reagoitava", publisher=org.keha)
    NewsArticlePage.objects.filter(pk=article.pk).update(allow_comments=True)
    article.allow_comments = True
    return article


def user(org, key):
    return org.people[key].user


def button(html, kind, form_action):
    """The reaction button of this kind inside the form posting to form_action: (aria-pressed, count)."""
    form = re.search(rf'<form[^>]*action="{re.escape(form_action)}".*?</form>', html, re.DOTALL)
    assert form, f"no reaction form for {form_action}"
    found = re.search(
        rf'<button class="reaction" name="kind" value="{kind}" aria-pressed="(true|false)"[^>]*>.*?'
        r'<span class="reaction__count">(\d+)</span></button>',
        form.group(0),
        re.DOTALL,
    )
    assert found, f"no {kind} button"
    return found.group(1) == "true", int(found.group(2))


class TestArticleReactions:
    def test_without_javascript_a_post_toggles_and_redirects_back(self, client, org, article):
        url = reverse("news:react_article", args=[article.pk])
        client.force_login(user(org, "aino"))
        assert button(client.get(article.url).content.decode(), "like", url) == (False, 0)

        response = client.post(url, {"kind": "like"})
        assert response.status_code == 302 and response["Location"] == f"{article.url}#reactions"
        html = client.get(article.url).content.decode()
        assert button(html, "like", url) == (True, 1)
        assert 'id="reactions"' in html and '<span class="visually-hidden">Like</span>' in html

        client.post(url, {"kind": "like"})  # again: off
        assert button(client.get(article.url).content.decode(), "like", url) == (False, 0)
        assert not Reaction.objects.exists()

    def test_with_javascript_the_answer_is_json(self, client, org, article):
        url = reverse("news:react_article", args=[article.pk])
        client.force_login(user(org, "aino"))
        assert client.post(url, {"kind": "thanks"}, **JSON).json() == {
            "kind": "thanks",
            "active": True,
            "count": 1,
        }
        client.force_login(user(org, "matti"))
        assert client.post(url, {"kind": "thanks"}, **JSON).json() == {
            "kind": "thanks",
            "active": True,
            "count": 2,
        }
        assert client.post(url, {"kind": "thanks"}, **JSON).json() == {
            "kind": "thanks",
            "active": False,
            "count": 1,
        }

    def test_one_per_kind_per_person_several_kinds_allowed(self, client, org, article):
        aino = user(org, "aino")
        assert comments.toggle_reaction(user=aino, kind="like", article=article) == (True, 1)
        assert comments.toggle_reaction(user=aino, kind="celebrate", article=article) == (True, 1)
        comments.toggle_reaction(user=user(org, "matti"), kind="like", article=article)
        assert Reaction.objects.filter(user=aino).count() == 2
        client.force_login(aino)
        html = client.get(article.url).content.decode()
        url = reverse("news:react_article", args=[article.pk])
        assert button(html, "like", url) == (True, 2)
        assert button(html, "celebrate", url) == (True, 1)
        assert button(html, "insightful", url) == (False, 0)

    def test_unknown_kind_is_refused(self, client, org, article):
        url = reverse("news:react_article", args=[article.pk])
        client.force_login(user(org, "aino"))
        assert client.post(url, {"kind": "angry"}, **JSON).status_code == 400
        assert client.post(url, {"kind": "<script>"}).status_code == 302  # back to the article with a message
        assert client.get(url).status_code == 405
        assert not Reaction.objects.exists()
        with pytest.raises(comments.ValidationError):
            comments.toggle_reaction(user=user(org, "aino"), kind="angry", article=article)

    def test_the_swedish_version_shares_the_reactions(self, client, org, article):
        swedish = translate(article, title="Nyhet")
        client.force_login(user(org, "erik"))
        client.post(reverse("news:react_article", args=[swedish.pk]), {"kind": "insightful"})
        assert Reaction.objects.get().article_id == article.pk

    def test_reactions_work_where_comments_are_off(self, client, org, publish):
        article = publish(title="Ei kommentteja", publisher=org.keha)
        client.force_login(user(org, "aino"))
        response = client.post(reverse("news:react_article", args=[article.pk]), {"kind": "like"}, **JSON)
        assert response.json()["active"] is True

    def test_unpublished_article_answers_404(self, client, org, article):
        article.unpublish()
        client.force_login(user(org, "aino"))
        assert (
            client.post(reverse("news:react_article", args=[article.pk]), {"kind": "like"}).status_code == 404
        )


class TestCommentReactions:
    def test_toggle_on_a_comment(self, client, org, article):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Hyvä pointti")
        url = reverse("news:react_comment", args=[comment.pk])
        client.force_login(user(org, "matti"))
        response = client.post(url, {"kind": "insightful"})
        assert response["Location"] == f"{article.url}#comment-{comment.pk}"
        html = client.get(article.url).content.decode()
        assert button(html, "insightful", url) == (True, 1)
        assert client.post(url, {"kind": "insightful"}, **JSON).json()["active"] is False
        assert not Reaction.objects.exists()

    def test_no_reactions_to_hidden_deleted_or_closed_comments(
        self, client, org, article, communication_user
    ):
        hidden = comments.post_comment(user=user(org, "aino"), article=article, text="Piilotettu")
        comments.hide_comment(user=communication_user, comment=hidden, reason="Syy")
        deleted = comments.post_comment(user=user(org, "aino"), article=article, text="Poistettu")
        comments.delete_comment(user=user(org, "aino"), comment=deleted)
        client.force_login(user(org, "matti"))
        for comment in [hidden, deleted]:
            assert (
                client.post(reverse("news:react_comment", args=[comment.pk]), {"kind": "like"}).status_code
                == 403
            )
        html = client.get(article.url).content.decode()
        assert reverse("news:react_comment", args=[hidden.pk]) not in html
        open_one = comments.post_comment(user=user(org, "aino"), article=article, text="Auki")
        comments.toggle_reaction(user=user(org, "sanna"), kind="like", comment=open_one)
        NewsArticlePage.objects.filter(pk=article.pk).update(allow_comments=False)
        assert (
            client.post(reverse("news:react_comment", args=[open_one.pk]), {"kind": "like"}).status_code
            == 403
        )
        html = client.get(article.url).content.decode()
        # Counts stay visible; the buttons are gone.
        assert reverse("news:react_comment", args=[open_one.pk]) not in html and "reactions--closed" in html
        assert Reaction.objects.count() == 1

    def test_missing_comment_answers_404(self, client, org, article):
        client.force_login(user(org, "aino"))
        assert client.post(reverse("news:react_comment", args=[999999]), {"kind": "like"}).status_code == 404

    def test_script_and_markup(self, client, org, article):
        comments.post_comment(user=user(org, "aino"), article=article, text="Hei")
        client.force_login(user(org, "matti"))
        html = client.get(article.url).content.decode()
        assert "news/engagement.js" in html
        # Toggle buttons with a state, text for screen readers, emoji hidden from them.
        assert html.count('aria-pressed="false"') == 8
        assert '<span aria-hidden="true">👍</span><span class="visually-hidden">Like</span>' in html
        assert 'role="group" aria-label="Reactions to the article"' in html
        assert 'aria-label="Reactions to the comment by Aino Virtanen"' in html
