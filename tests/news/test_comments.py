"""Comments on articles: who may do what (in the page and by direct POST), limits, safe rendering, query counts."""

import datetime
import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import ratelimit
from news import comments, discussion
from news.models import Comment, CommentEdit, NewsArticlePage, Reaction
from tests.factories import PersonFactory, UserFactory
from tests.html_checks import duplicate_ids, heading_problems, parse_errors
from tests.news.conftest import translate

pytestmark = pytest.mark.django_db

FINNISH_SWEDISH_EMOJI = "Hyvää päivää, Åsa! Ärligt talat: 👍🏽 👩‍👩‍👧 🇫🇮 – “lainaus” ja ÖÄÅöäå\nToinen rivi."


@pytest.fixture(autouse=True)
def english(client):
    """Messages are asserted in English, the source language (the UI defaults to Finnish)."""
    client.cookies["django_language"] = "en"


def allow_comments(article, allowed=True):
    NewsArticlePage.objects.filter(pk=article.pk).update(allow_comments=allowed)
    article.allow_comments = allowed
    return article


@pytest.fixture
def article(org, publish):
    return allow_comments(publish(title="Kommentoitava uutinen", publisher=org.keha))


@pytest.fixture
def regional_article(publish, regional_editor_user):
    """Regional news of the regional editor's own agency (Lapin ELY), comments on."""
    agency = regional_editor_user.person.agency
    return allow_comments(publish(title="Lapin uutinen", publisher=agency, agencies=[agency]))


def user(org, key):
    return org.people[key].user


def post(client, article, text, parent=None):
    data = {"text": text}
    if parent is not None:
        data["parent"] = parent.pk
    return client.post(reverse("news:comment_post", args=[article.pk]), data)


def page(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return response.content.decode()


def textarea_value(html, textarea_id):
    match = re.search(rf'<textarea id="{textarea_id}"[^>]*>\n(.*?)</textarea>', html, re.DOTALL)
    assert match, f"no textarea {textarea_id}"
    return match.group(1)


class TestPosting:
    def test_reader_comments_and_everyone_sees_it(self, client, org, article):
        client.force_login(user(org, "aino"))
        response = post(client, article, "Hyvä uutinen!")
        comment = Comment.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"{article.url}#comment-{comment.pk}"
        assert (comment.article, comment.author, comment.parent) == (article, user(org, "aino"), None)

        client.force_login(user(org, "matti"))
        html = page(client, article)
        assert "Hyvä uutinen!" in html and "Aino Virtanen" in html
        assert 'id="comments-heading"' in html and "(1)" in html

    def test_finnish_swedish_and_emoji_are_kept_exactly(self, client, org, article):
        client.force_login(user(org, "aino"))
        post(client, article, FINNISH_SWEDISH_EMOJI.replace("\n", "\r\n"))
        assert Comment.objects.get().text == FINNISH_SWEDISH_EMOJI
        html = page(client, article)
        assert FINNISH_SWEDISH_EMOJI.replace("\n", "<br>").replace("“", "“") in html

    def test_one_level_of_replies(self, client, org, article):
        client.force_login(user(org, "aino"))
        post(client, article, "Kysymys")
        question = Comment.objects.get()
        client.force_login(user(org, "matti"))
        post(client, article, "Vastaus", parent=question)
        answer = Comment.objects.get(text="Vastaus")
        post(client, article, "Vastaus vastaukseen", parent=answer)
        assert answer.parent == question
        assert Comment.objects.get(text="Vastaus vastaukseen").parent == question  # joins the same thread
        html = page(client, article)
        assert html.index("Kysymys") < html.index("Vastaus") < html.index("Vastaus vastaukseen")
        assert html.count('class="comment-list comment-list--replies"') == 1
        assert f"?vastaa={question.pk}#" in html
        assert f"?vastaa={answer.pk}#" not in html  # no replies to a reply
        # Without JavaScript, "Reply" opens the form under the comment.
        html = client.get(article.url, {"vastaa": question.pk}).content.decode()
        assert f'id="comment-{question.pk}-reply"' in html and f'name="parent" value="{question.pk}"' in html

    def test_comment_goes_to_the_original_from_the_swedish_version(self, client, org, article):
        swedish = translate(article, title="Nyhet")
        client.force_login(user(org, "erik"))
        response = post(client, swedish, "Bra nyhet!")
        assert response.status_code == 302
        assert Comment.objects.get().article_id == article.pk
        client.cookies["django_language"] = "sv"
        html = page(client, article)
        assert "Nyhet" in html and "Bra nyhet!" in html

    def test_reply_to_another_articles_comment_is_refused(self, client, org, article, publish):
        other = allow_comments(publish(title="Toinen", publisher=org.keha))
        theirs = comments.post_comment(user=user(org, "aino"), article=other, text="Toisen artikkelin")
        client.force_login(user(org, "matti"))
        assert post(client, article, "Ristiin", parent=theirs).status_code == 404
        assert not Comment.objects.filter(text="Ristiin").exists()


class TestCommentsOff:
    def test_no_form_and_direct_post_is_refused(self, client, org, publish):
        article = publish(title="Ei kommentteja", publisher=org.keha)
        client.force_login(user(org, "aino"))
        html = page(client, article)
        assert 'name="text"' not in html and "comments-heading" not in html
        response = post(client, article, "Yritän silti")
        assert response.status_code == 403
        assert not Comment.objects.exists()
        # The text is shown to copy, not lost.
        assert "Yritän silti" in response.content.decode()

    def test_service_refuses(self, org, publish):
        article = publish(title="Ei kommentteja", publisher=org.keha)
        with pytest.raises(comments.PermissionDenied):
            comments.post_comment(user=user(org, "aino"), article=article, text="Hei")

    def test_turned_off_later_keeps_comments_readable_but_closed(self, client, org, article):
        mine = comments.post_comment(user=user(org, "aino"), article=article, text="Ehdin ensin")
        allow_comments(article, False)
        client.force_login(user(org, "aino"))
        html = page(client, article)
        assert "Ehdin ensin" in html and "closed" in html
        assert 'id="comment-new"' not in html and "?muokkaa=" not in html and "?vastaa=" not in html
        edit = client.post(reverse("news:comment_edit", args=[mine.pk]), {"text": "Muutos"})
        assert edit.status_code == 403
        assert (
            client.post(
                reverse("news:comment_post", args=[article.pk]), {"text": "Vastaus", "parent": mine.pk}
            ).status_code
            == 403
        )
        react = client.post(reverse("news:react_comment", args=[mine.pk]), {"kind": "like"})
        assert react.status_code == 403
        mine.refresh_from_db()
        assert mine.text == "Ehdin ensin" and not Reaction.objects.exists() and Comment.objects.count() == 1
        # The author can still remove their words.
        assert client.post(reverse("news:comment_delete", args=[mine.pk])).status_code == 302

    def test_unpublished_article_answers_404(self, client, org, article):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Hei")
        article.unpublish()
        client.force_login(user(org, "aino"))
        assert post(client, article, "Hei taas").status_code == 404
        assert client.post(reverse("news:comment_edit", args=[comment.pk]), {"text": "x"}).status_code == 404


class TestEditing:
    def test_author_edits_with_mark_and_history(self, client, org, article):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Ensimmäinen versio")
        client.force_login(user(org, "aino"))
        assert f"?muokkaa={comment.pk}#" in page(client, article)
        html = client.get(article.url, {"muokkaa": comment.pk}).content.decode()
        assert reverse("news:comment_edit", args=[comment.pk]) in html
        assert textarea_value(html, f"comment-{comment.pk}-edit") == "Ensimmäinen versio"
        response = client.post(reverse("news:comment_edit", args=[comment.pk]), {"text": "Korjattu versio"})
        assert response.status_code == 302
        comment.refresh_from_db()
        assert comment.text == "Korjattu versio" and comment.edited_at is not None
        assert list(CommentEdit.objects.values_list("text", flat=True)) == ["Ensimmäinen versio"]
        html = page(client, article)
        assert "(edited" in html and "Earlier version" in html and "Ensimmäinen versio" in html

        # Other readers see the mark, not the earlier text.
        client.force_login(user(org, "matti"))
        html = page(client, article)
        assert "(edited" in html and "Korjattu versio" in html and "Ensimmäinen versio" not in html

    def test_saving_the_same_text_keeps_no_history(self, org, article):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Sama")
        comments.edit_comment(user=user(org, "aino"), comment=comment, text="Sama ")
        assert not CommentEdit.objects.exists() and comment.edited_at is None

    def test_only_the_author_edits(self, client, org, article, communication_user):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Minun")
        for other in [user(org, "matti"), communication_user]:
            client.force_login(other)
            assert f"?muokkaa={comment.pk}" not in page(client, article)
            html = client.get(article.url, {"muokkaa": comment.pk}).content.decode()
            assert reverse("news:comment_edit", args=[comment.pk]) not in html
            response = client.post(reverse("news:comment_edit", args=[comment.pk]), {"text": "Sinun"})
            assert response.status_code == 403
            with pytest.raises(comments.PermissionDenied):
                comments.edit_comment(user=other, comment=comment, text="Sinun")
        comment.refresh_from_db()
        assert comment.text == "Minun" and not CommentEdit.objects.exists()

    def test_edit_get_is_not_allowed(self, client, org, article):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Minun")
        client.force_login(user(org, "aino"))
        assert client.get(reverse("news:comment_edit", args=[comment.pk])).status_code == 405

    def test_too_long_edit_keeps_the_typed_text(self, client, org, article):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Lyhyt")
        client.force_login(user(org, "aino"))
        long_text = "ä" * (comments.MAX_COMMENT_LENGTH + 1)
        response = client.post(reverse("news:comment_edit", args=[comment.pk]), {"text": long_text})
        assert response.status_code == 400
        html = response.content.decode()
        assert textarea_value(html, f"comment-{comment.pk}-edit") == long_text
        assert "at most 2000 characters" in html and 'aria-invalid="true"' in html
        comment.refresh_from_db()
        assert comment.text == "Lyhyt"


class TestDeleting:
    def test_author_deletes_a_comment_without_replies_and_it_vanishes(self, client, org, article):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Poistettava")
        client.force_login(user(org, "aino"))
        response = client.post(reverse("news:comment_delete", args=[comment.pk]))
        assert response.status_code == 302 and response["Location"].endswith("#comments")
        comment.refresh_from_db()
        assert comment.deleted_at is not None  # kept in the database
        html = page(client, article)
        assert "Poistettava" not in html and ">Deleted<" not in html and "(0)" in html

    def test_deleted_comment_with_replies_leaves_a_placeholder(self, client, org, article):
        question = comments.post_comment(user=user(org, "aino"), article=article, text="Kysymys")
        comments.post_comment(user=user(org, "matti"), article=article, text="Vastaus", parent=question)
        comments.delete_comment(user=user(org, "aino"), comment=question)
        client.force_login(user(org, "sanna"))
        html = page(client, article)
        assert "Kysymys" not in html and "Deleted" in html and "Vastaus" in html
        assert f"?vastaa={question.pk}#" not in html  # no replies to a deleted comment

    def test_only_the_author_deletes(self, client, org, article, communication_user):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Minun")
        for other in [user(org, "matti"), communication_user]:
            client.force_login(other)
            assert reverse("news:comment_delete", args=[comment.pk]) not in page(client, article)
            assert client.post(reverse("news:comment_delete", args=[comment.pk])).status_code == 403
            with pytest.raises(comments.PermissionDenied):
                comments.delete_comment(user=other, comment=comment)
        comment.refresh_from_db()
        assert comment.deleted_at is None


class TestModeration:
    def hide(self, client, comment, reason="Asiaton"):
        return client.post(reverse("news:comment_hide", args=[comment.pk]), {"reason": reason})

    def test_national_editor_hides_with_a_reason_the_author_sees(
        self, client, org, article, communication_user
    ):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Sopimaton teksti")
        client.force_login(communication_user)
        assert f"?piilota={comment.pk}#" in page(client, article)
        form = client.get(article.url, {"piilota": comment.pk}).content.decode()
        assert (
            reverse("news:comment_hide", args=[comment.pk]) in form
            and f'id="comment-{comment.pk}-reason"' in form
        )
        response = self.hide(client, comment, "Henkilötietoja – poistettu")
        assert response.status_code == 302
        comment.refresh_from_db()
        assert (
            comment.hidden_by == communication_user and comment.hidden_reason == "Henkilötietoja – poistettu"
        )

        client.force_login(user(org, "matti"))
        html = page(client, article)
        assert (
            "Hidden by an editor" in html and "Sopimaton teksti" not in html and "Henkilötietoja" not in html
        )

        client.force_login(user(org, "aino"))
        html = page(client, article)
        assert "Henkilötietoja – poistettu" in html and "Sopimaton teksti" in html
        assert f"?muokkaa={comment.pk}" not in html  # hidden: not editable
        assert (
            client.post(reverse("news:comment_edit", args=[comment.pk]), {"text": "Kierrän"}).status_code
            == 400
        )

        client.force_login(communication_user)
        html = page(client, article)
        assert reverse("news:comment_unhide", args=[comment.pk]) in html and "Sopimaton teksti" in html
        client.post(reverse("news:comment_unhide", args=[comment.pk]))
        comment.refresh_from_db()
        assert comment.hidden_at is None

    def test_hiding_needs_a_reason(self, client, org, article, communication_user):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Teksti")
        client.force_login(communication_user)
        response = self.hide(client, comment, "   ")
        assert response.status_code == 400
        assert "Tell the author why" in response.content.decode()
        comment.refresh_from_db()
        assert comment.hidden_at is None

    def test_regional_editor_moderates_own_agency_news_only(
        self, client, org, article, regional_article, regional_editor_user
    ):
        national = comments.post_comment(user=user(org, "aino"), article=article, text="Valtakunnallinen")
        regional = comments.post_comment(user=user(org, "aino"), article=regional_article, text="Alueellinen")
        client.force_login(regional_editor_user)
        assert f"?piilota={national.pk}" not in page(client, article)
        assert self.hide(client, national).status_code == 403
        assert f"?piilota={regional.pk}" in page(client, regional_article)
        assert self.hide(client, regional).status_code == 302
        national.refresh_from_db()
        regional.refresh_from_db()
        assert national.hidden_at is None and regional.hidden_at is not None

    def test_readers_and_authors_cannot_moderate(self, client, org, article, communication_user):
        comment = comments.post_comment(user=user(org, "aino"), article=article, text="Teksti")
        for reader in [user(org, "matti"), user(org, "aino")]:
            client.force_login(reader)
            assert f"?piilota={comment.pk}" not in page(client, article)
            html = client.get(article.url, {"piilota": comment.pk}).content.decode()
            assert reverse("news:comment_hide", args=[comment.pk]) not in html
            assert self.hide(client, comment).status_code == 403
            with pytest.raises(comments.PermissionDenied):
                comments.hide_comment(user=reader, comment=comment, reason="x")
        comments.hide_comment(user=communication_user, comment=comment, reason="Syy")
        client.force_login(user(org, "aino"))
        assert client.post(reverse("news:comment_unhide", args=[comment.pk])).status_code == 403
        comment.refresh_from_db()
        assert comment.hidden_at is not None


class TestLimits:
    def test_too_long_is_refused_with_the_text_kept(self, client, org, article):
        client.force_login(user(org, "aino"))
        text = "Pitkä 👍 " * 300
        response = post(client, article, text)
        assert response.status_code == 400
        html = response.content.decode()
        assert "at most 2000 characters" in html
        assert textarea_value(html, "comment-new") == text
        assert not Comment.objects.exists()

    def test_exactly_the_limit_is_fine_and_emoji_count_as_one(self, client, org, article):
        client.force_login(user(org, "aino"))
        assert post(client, article, "👩‍👩‍👧" + "ö" * (comments.MAX_COMMENT_LENGTH - 5)).status_code == 302

    def test_empty_and_nul_are_refused(self, client, org, article):
        client.force_login(user(org, "aino"))
        assert "Write something" in post(client, article, " \r\n ").content.decode()
        response = post(client, article, "Nolla\x00merkki")
        assert response.status_code == 400
        assert not Comment.objects.exists()

    def test_rate_per_minute(self, client, org, article):
        client.force_login(user(org, "aino"))
        for number in range(comments.COMMENTS_PER_MINUTE):
            assert post(client, article, f"Viesti {number}").status_code == 302
        response = post(client, article, "Yksi liikaa – säilyykö?")
        assert response.status_code == 400
        html = response.content.decode()
        assert "at most 5 comments a minute" in html
        assert textarea_value(html, "comment-new") == "Yksi liikaa – säilyykö?"
        # Someone else is not limited by Aino's pace.
        client.force_login(user(org, "matti"))
        assert post(client, article, "Minä ehdin").status_code == 302

    def test_rate_counts_deleted_comments_and_resets_after_a_minute(self, org, article, monkeypatch):
        aino = user(org, "aino")
        for number in range(comments.COMMENTS_PER_MINUTE):
            comments.delete_comment(
                user=aino, comment=comments.post_comment(user=aino, article=article, text=f"{number}")
            )
        with pytest.raises(comments.ValidationError):
            comments.post_comment(user=aino, article=article, text="Vielä")
        # A minute later (core.ratelimit's window has turned) the same person may send again.
        later = time.time() + 61
        monkeypatch.setattr(ratelimit.time, "time", lambda: later)
        comments.post_comment(user=aino, article=article, text="Nyt onnistuu")

    def test_rate_per_day(self, client, org, article):
        aino = user(org, "aino")
        earlier = timezone.now() - datetime.timedelta(hours=3)
        Comment.objects.bulk_create(
            [
                Comment(article=article, author=aino, text=f"{number}", created_at=earlier)
                for number in range(comments.COMMENTS_PER_DAY)
            ]
        )
        client.force_login(aino)
        response = post(client, article, "Huomenna sitten")
        assert response.status_code == 400
        assert "in the last 24 hours" in response.content.decode()
        Comment.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
        assert post(client, article, "Huomenna sitten").status_code == 302

    def test_reply_error_reopens_the_reply_form_with_the_text(self, client, org, article):
        question = comments.post_comment(user=user(org, "aino"), article=article, text="Kysymys")
        client.force_login(user(org, "matti"))
        response = post(client, article, "x" * 2001, parent=question)
        assert response.status_code == 400
        html = response.content.decode()
        assert textarea_value(html, f"comment-{question.pk}-reply") == "x" * 2001
        assert f'id="comment-{question.pk}-reply-form"' in html and "at most 2000 characters" in html

    def test_reply_to_a_deleted_comment_moves_the_text_to_a_new_comment(self, client, org, article):
        question = comments.post_comment(user=user(org, "aino"), article=article, text="Kysymys")
        comments.delete_comment(user=user(org, "aino"), comment=question)
        client.force_login(user(org, "matti"))
        response = post(client, article, "Vastaukseni", parent=question)
        assert response.status_code == 400
        html = response.content.decode()
        assert textarea_value(html, "comment-new") == "Vastaukseni"
        assert "no longer shown" in html


ATTACKS = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    '<a href="javascript:alert(1)">klikkaa</a>',
    "[linkki](javascript:alert(1))",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    'https://example.com/"onmouseover="alert(1)',
    "https://example.com/<script>alert(1)</script>",
    "vbscript:msgbox(1) ftp://example.com file:///etc/passwd",
    "&lt;script&gt; {{ request }} {% csrf_token %}",
)


class TestSafeRendering:
    @pytest.mark.parametrize("attack", ATTACKS)
    def test_injection_attempts_render_as_text(self, client, org, article, attack):
        comments.post_comment(user=user(org, "aino"), article=article, text=attack)
        client.force_login(user(org, "matti"))
        html = page(client, article)
        body = html[html.index('id="comments"') :]
        assert "<script>alert" not in body and "<img src=x" not in body
        assert not re.search(r"<a [^>]*href=\"(?!https?://|/|#)", body), "a link with another scheme"
        assert 'onmouseover="' not in body
        assert "{{ request }}" not in attack or "{{ request }}" in body

    def test_links_are_http_only_with_rel(self):
        html = comments.render_text(
            "Katso https://example.com/a?b=1&c=2. Tai (www.example.fi/sivu), javascript:alert(1) "
            "ja https://fi.wikipedia.org/wiki/Äänekoski!"
        )
        assert '<a href="https://example.com/a?b=1&amp;c=2" rel="nofollow noopener">' in html
        assert "</a>. Tai (" in html  # the full stop is not part of the address
        assert (
            '<a href="https://www.example.fi/sivu" rel="nofollow noopener">www.example.fi/sivu</a>),' in html
        )
        assert '<a href="https://fi.wikipedia.org/wiki/Äänekoski" rel="nofollow noopener">' in html
        assert "javascript:alert(1)" in html and 'href="javascript' not in html
        assert html.count("<a ") == 3

    def test_bare_schemes_and_emails_are_not_links(self):
        html = comments.render_text("https:// ja http://) ja aino@example.com ja mailto:aino@example.com")
        assert "<a " not in html

    def test_line_breaks_are_kept(self):
        assert (
            comments.render_text("Rivi 1\nRivi 2\n\nRivi 4 <b>") == "Rivi 1<br>Rivi 2<br><br>Rivi 4 &lt;b&gt;"
        )

    def test_author_names_render_as_text(self, client, org, article):
        evil = UserFactory(
            username="paha.nimi", first_name='<script>alert("nimi")</script>', last_name="<b>Lihavoitu</b>"
        )
        PersonFactory(user=evil, agency=org.keha)
        comments.post_comment(user=evil, article=article, text="Hei @aino.virtanen")
        question = Comment.objects.get()
        comments.post_comment(user=user(org, "aino"), article=article, text="Vastaus", parent=question)
        client.force_login(user(org, "matti"))
        html = page(client, article)
        assert '<script>alert("nimi")' not in html and "<b>Lihavoitu</b>" not in html
        assert "&lt;script&gt;alert(&quot;nimi&quot;)&lt;/script&gt; &lt;b&gt;Lihavoitu&lt;/b&gt;" in html


class TestPage:
    def test_markup_of_a_busy_discussion(self, client, org, article, communication_user):
        aino, matti = user(org, "aino"), user(org, "matti")
        first = comments.post_comment(
            user=aino, article=article, text="Eka @matti.aijala https://example.com"
        )
        comments.post_comment(user=matti, article=article, text="Vastaus", parent=first)
        hidden = comments.post_comment(user=matti, article=article, text="Piilotettava")
        comments.hide_comment(user=communication_user, comment=hidden, reason="Syy")
        comments.edit_comment(user=aino, comment=first, text="Eka, korjattu @matti.aijala")
        deleted = comments.post_comment(user=aino, article=article, text="Poistettu")
        comments.post_comment(user=matti, article=article, text="Jää", parent=deleted)
        comments.delete_comment(user=aino, comment=deleted)
        comments.toggle_reaction(user=matti, kind="like", comment=first)
        for reader in [aino, matti, communication_user]:
            client.force_login(reader)
            html = page(client, article)
            assert heading_problems(html) == []
            assert duplicate_ids(html) == []
            assert parse_errors(html) == []
            assert "news/engagement.js" in html and 'data-people-url="/uutiset/kommentit/henkilot/"' in html

    def test_query_count_does_not_grow_with_comments(self, client, org, article, communication_user):
        people = [user(org, key) for key in ["aino", "matti", "sanna", "erik", "liisa", "pekka"]]

        def add_comments(count):
            start = Comment.objects.count()
            made = []
            for number in range(start, start + count):
                parent = made[-1] if number % 3 == 2 and made and made[-1].parent_id is None else None
                comment = Comment.objects.create(
                    article=article,
                    author=people[number % len(people)],
                    parent=parent,
                    text=f"Kommentti {number} @{people[(number + 1) % len(people)].username} https://example.com/{number}",
                    edited_at=timezone.now() if number % 4 == 0 else None,
                    deleted_at=timezone.now() if number % 11 == 0 else None,
                    hidden_at=timezone.now() if number % 13 == 0 else None,
                    hidden_by=communication_user if number % 13 == 0 else None,
                )
                made.append(comment)
                comment.mentions.create(user=people[(number + 1) % len(people)])
                if number % 4 == 0:
                    CommentEdit.objects.create(comment=comment, text="Aiempi")
                Reaction.objects.create(user=people[number % 5], kind="like", comment=comment)
                Reaction.objects.create(user=people[(number + 2) % 5], kind="thanks", comment=comment)
            Reaction.objects.get_or_create(user=people[len(made) % 5], kind="celebrate", article=article)

        def queries(reader, cached):
            """Queries of a repeat visit, with the discussion's HTML cached (news.discussion) or rendered afresh."""
            client.force_login(reader)
            client.get(article.url)  # warm-up: "opened", Wagtail's caches, the cached fragments
            if not cached:
                discussion.renew_article(article.pk)  # a new token: only the discussion is rendered afresh
            with CaptureQueriesContext(connection) as captured:
                response = client.get(article.url)
            assert response.status_code == 200
            return len(captured), response.content.decode()

        readers = [people[0], communication_user]
        add_comments(3)
        small = {
            (reader.pk, cached): queries(reader, cached)[0] for reader in readers for cached in (True, False)
        }
        for reader in readers:
            assert small[reader.pk, True] < small[reader.pk, False], (
                "the discussion was not served from the cache"
            )
        add_comments(297)
        assert Comment.objects.count() == 300
        for reader in readers:
            for cached in (True, False):
                count, html = queries(reader, cached)
                expected = small[reader.pk, cached]
                assert count == expected, (
                    f"{count} queries with 300 comments, {expected} with 3 (cached: {cached})"
                )
                assert "Kommentti 298" in html
