"""The article's discussion is cached per kind of viewer (news.discussion): every reader still sees their own page.

Each test lets one person fill the cache and then looks at the page as
someone else of the same or another kind, so a per-person bit leaking through
the cache, or a change not reaching it, fails here.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news import comments
from news.models import NewsArticlePage, Reaction
from tests.news.test_comments import allow_comments, page, user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def article(org, publish):
    return allow_comments(publish(title="Kommentoitava uutinen", publisher=org.keha))


def pressed(html: str, action: str) -> dict[str, str]:
    """aria-pressed of each reaction button in the reaction form that posts to ``action``: {kind: "true"/"false"}."""
    form = re.search(rf'<form[^>]*action="{re.escape(action)}".*?</form>', html, re.DOTALL)
    assert form, f"no reaction form for {action}"
    return dict(re.findall(r'value="(\w+)" aria-pressed="(true|false)"', form.group(0)))


def as_reader(client, person_user, article) -> str:
    client.force_login(person_user)
    return page(client, article)


class TestPerPersonBits:
    def test_own_reactions_show_as_pressed_only_for_their_giver(self, client, org, article):
        first = comments.post_comment(user=user(org, "liisa"), article=article, text="Eka")
        comments.toggle_reaction(user=user(org, "aino"), kind="like", article=article)
        comments.toggle_reaction(user=user(org, "aino"), kind="thanks", comment=first)
        comments.toggle_reaction(user=user(org, "matti"), kind="celebrate", article=article)
        article_action = reverse("news:react_article", args=[article.pk])
        comment_action = reverse("news:react_comment", args=[first.pk])
        for _round in range(2):  # the first round fills the cache, the second reads it
            aino = as_reader(client, user(org, "aino"), article)
            assert pressed(aino, article_action) == {
                "like": "true",
                "thanks": "false",
                "insightful": "false",
                "celebrate": "false",
            }
            assert pressed(aino, comment_action)["thanks"] == "true"
            matti = as_reader(client, user(org, "matti"), article)
            assert pressed(matti, article_action) == {
                "like": "false",
                "thanks": "false",
                "insightful": "false",
                "celebrate": "true",
            }
            assert pressed(matti, comment_action)["thanks"] == "false"
            for html in (aino, matti):
                assert "<!--taimi:" not in html

    def test_each_reader_gets_their_own_working_csrf_token(self, org, article):
        """The forms inside the cached discussion carry the viewer's token: a real CSRF-checked POST goes through."""
        comments.post_comment(user=user(org, "liisa"), article=article, text="Eka")
        for key in ["aino", "matti"]:
            browser = Client(enforce_csrf_checks=True)
            browser.cookies["django_language"] = "en"
            browser.force_login(user(org, key))
            html = page(browser, article)
            form = re.search(
                r'<form class="comment-form".*?name="csrfmiddlewaretoken" value="([^"]+)"', html, re.DOTALL
            )
            assert form, "the new-comment form has no CSRF token"
            response = browser.post(
                reverse("news:comment_post", args=[article.pk]),
                {"text": f"Kommentti {key}", "csrfmiddlewaretoken": form.group(1)},
            )
            assert response.status_code == 302, response.status_code
        refused = Client(enforce_csrf_checks=True)
        refused.force_login(user(org, "aino"))
        assert (
            refused.post(
                reverse("news:comment_post", args=[article.pk]),
                {"text": "Ilman", "csrfmiddlewaretoken": "x" * 64},
            ).status_code
            == 403
        )

    def test_the_author_sees_edit_and_delete_on_their_own_comment_only(self, client, org, article):
        own = comments.post_comment(user=user(org, "aino"), article=article, text="Ainon kommentti")
        edit_link = f"?muokkaa={own.pk}#"
        delete_action = reverse("news:comment_delete", args=[own.pk])
        for _round in range(2):
            matti = as_reader(client, user(org, "matti"), article)
            assert edit_link not in matti and delete_action not in matti
            aino = as_reader(client, user(org, "aino"), article)
            assert edit_link in aino and delete_action in aino
            liisa = as_reader(client, user(org, "liisa"), article)
            assert edit_link not in liisa and delete_action not in liisa

    def test_the_moderator_sees_hide_buttons_and_reasons_readers_do_not(
        self, client, org, article, communication_user
    ):
        visible = comments.post_comment(user=user(org, "aino"), article=article, text="Näkyvä")
        hidden = comments.post_comment(user=user(org, "matti"), article=article, text="Piilotettava teksti")
        comments.hide_comment(user=communication_user, comment=hidden, reason="Henkilötietoja")
        for _round in range(2):
            editor = as_reader(client, communication_user, article)
            assert f"?piilota={visible.pk}#" in editor and "Henkilötietoja" in editor
            assert reverse("news:comment_unhide", args=[hidden.pk]) in editor
            reader = as_reader(client, user(org, "liisa"), article)
            assert f"?piilota={visible.pk}#" not in reader and "Henkilötietoja" not in reader
            assert "Piilotettava teksti" not in reader and "Hidden by an editor" in reader
            author = as_reader(client, user(org, "matti"), article)
            assert "Henkilötietoja" in author and f"?piilota={visible.pk}#" not in author

    def test_typed_markers_stay_text(self, client, org, article):
        comments.toggle_reaction(user=user(org, "matti"), kind="like", article=article)
        text = "<!--taimi:csrf--> <!--taimi:pressed:a:like-->"
        comments.post_comment(user=user(org, "aino"), article=article, text=text)
        html = as_reader(client, user(org, "matti"), article)
        assert "&lt;!--taimi:csrf--&gt; &lt;!--taimi:pressed:a:like--&gt;" in html


class TestChangesReachTheCache:
    def test_a_new_comment_reply_edit_and_hide_show_at_once(self, client, org, article, communication_user):
        reader = user(org, "liisa")
        as_reader(client, reader, article)  # fills the cache
        first = comments.post_comment(user=user(org, "aino"), article=article, text="Ensimmäinen")
        assert "Ensimmäinen" in as_reader(client, reader, article)
        comments.post_comment(user=user(org, "matti"), article=article, text="Vastaus tähän", parent=first)
        assert "Vastaus tähän" in as_reader(client, reader, article)
        comments.edit_comment(user=user(org, "aino"), comment=first, text="Korjattu @matti.aijala")
        html = as_reader(client, reader, article)
        assert "Korjattu" in html and "Ensimmäinen" not in html and 'class="mention"' in html
        comments.hide_comment(user=communication_user, comment=first, reason="Syy")
        html = as_reader(client, reader, article)
        assert "Korjattu" not in html and "Hidden by an editor" in html
        comments.unhide_comment(user=communication_user, comment=first)
        assert "Korjattu" in as_reader(client, reader, article)
        comments.delete_comment(user=user(org, "aino"), comment=first)
        assert "Deleted" in as_reader(client, reader, article)

    def test_reaction_counts_follow_toggles(self, client, org, article):
        reader = user(org, "liisa")
        action = reverse("news:react_article", args=[article.pk])

        def like_count():
            html = as_reader(client, reader, article)
            form = re.search(rf'<form[^>]*action="{re.escape(action)}".*?</form>', html, re.DOTALL).group(0)
            return int(re.search(r'value="like".*?reaction__count">(\d+)<', form, re.DOTALL).group(1))

        assert like_count() == 0
        comments.toggle_reaction(user=user(org, "aino"), kind="like", article=article)
        assert like_count() == 1
        client.force_login(user(org, "matti"))
        client.post(action, {"kind": "like"})  # through the view, as a reader does
        assert like_count() == 2
        comments.toggle_reaction(user=user(org, "aino"), kind="like", article=article)
        assert like_count() == 1

    def test_a_renamed_author_shows_with_the_new_name(self, client, org, article):
        author = user(org, "aino")
        comments.post_comment(user=author, article=article, text="Hei")
        reader = user(org, "matti")
        assert author.get_full_name() in as_reader(client, reader, article)
        author.last_name = "Uusinimi"
        author.save()
        assert "Uusinimi" in as_reader(client, reader, article)

    def test_turning_comments_off_by_publishing_closes_the_form(self, client, org, article):
        comments.post_comment(user=user(org, "aino"), article=article, text="Ennen")
        reader = user(org, "matti")
        assert 'class="comment-form"' in as_reader(client, reader, article)
        live = NewsArticlePage.objects.get(pk=article.pk)
        live.allow_comments = False
        live.save_revision().publish()
        html = as_reader(client, reader, article)
        assert 'class="comment-form"' not in html and "Commenting on this article is closed." in html
        assert "Ennen" in html

    def test_the_swedish_reader_gets_swedish(self, client, org, article):
        comments.post_comment(user=user(org, "aino"), article=article, text="Hei")
        reader = user(org, "matti")
        assert "Write a comment" in as_reader(client, reader, article)
        client.cookies["django_language"] = "sv"
        html = as_reader(client, reader, article)
        assert "Write a comment" not in html and 'lang="sv"' in html


def test_a_cached_discussion_is_not_read_from_the_database_again(client, org, article):
    """A second reader of the same kind gets the cached HTML: no comment rows, mentions or counts are queried."""
    for number in range(5):
        comments.post_comment(
            user=user(org, ["aino", "matti"][number % 2]), article=article, text=f"Kommentti {number}"
        )
    Reaction.objects.create(user=user(org, "aino"), kind="like", article=article)
    as_reader(client, user(org, "liisa"), article)
    client.force_login(user(org, "sanna"))
    client.get(article.url)  # "opened" and Wagtail's caches
    with CaptureQueriesContext(connection) as captured:
        html = page(client, article)
    assert "Kommentti 4" in html
    statements = " ".join(query["sql"] for query in captured.captured_queries)
    assert '"news_comment"."text"' not in statements and "news_mention" not in statements
