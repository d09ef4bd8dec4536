"""@mentions in comments: the person is notified in-app and live, once per comment, also when an edit adds them;
the people search behind the autocomplete."""

import pytest
from channels.db import database_sync_to_async
from django.urls import reverse

from news import actions, comments
from news.models import Mention, NewsArticlePage, NewsIndexPage
from realtime import actions as transport
from realtime.models import Notification
from tests.factories import PersonFactory, UserFactory
from tests.news.conftest import publish_article, translate


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def article(org, publish):
    article = publish(title="Budjetti 2027", publisher=org.keha)
    NewsArticlePage.objects.filter(pk=article.pk).update(allow_comments=True)
    article.allow_comments = True
    return article


@pytest.fixture
def frames(monkeypatch):
    """Frames news.actions pushes (group names and frame), recorded instead of sent."""
    sent = []
    monkeypatch.setattr(transport, "publish", lambda groups, frame: sent.append((groups, frame)))
    return sent


def user(org, key):
    return org.people[key].user


def mentions_of(person_user):
    return list(Notification.objects.filter(recipient=person_user, kind=Notification.Kind.MENTION))


@pytest.mark.django_db
class TestNotifications:
    def test_mention_in_a_new_comment(self, client, org, article, frames, django_capture_on_commit_callbacks):
        matti, aino = user(org, "matti"), user(org, "aino")
        client.force_login(matti)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("news:comment_post", args=[article.pk]), {"text": "Mitä mieltä @aino.virtanen?"}
            )
        assert response.status_code == 302
        comment = Mention.objects.get().comment
        [notification] = mentions_of(aino)
        assert notification.key == f"mention:{comment.pk}:{aino.pk}"
        assert notification.url == f"{article.url}#comment-{comment.pk}"
        assert "Matti Äijälä" in notification.title and "Budjetti 2027" in notification.title
        assert frames == [
            (
                [f"user.{aino.pk}"],
                {
                    "type": "mention",
                    "mention": {
                        "comment": comment.pk,
                        "by": "Matti Äijälä",
                        "title": notification.title,
                        "title_sv": notification.title_sv,
                        "url": notification.url,
                    },
                },
            )
        ]
        assert not Notification.objects.exclude(recipient=aino).exists()

        # The mention is a link to the person's profile.
        html = client.get(article.url).content.decode()
        assert '<a class="mention" href="/ihmiset/aino.virtanen/">@aino.virtanen</a>?' in html

    def test_swedish_title_for_swedish_readers(self, org, article, frames):
        translate(article, title="Budget 2027")
        comments.post_comment(user=user(org, "matti"), article=article, text="@erik.sjoberg titta")
        [notification] = mentions_of(user(org, "erik"))
        assert "Budget 2027" in notification.title_sv

    def test_mention_added_by_an_edit_notifies_once(
        self, org, article, frames, django_capture_on_commit_callbacks
    ):
        matti, aino, sanna = user(org, "matti"), user(org, "aino"), user(org, "sanna")
        with django_capture_on_commit_callbacks(execute=True):
            comment = comments.post_comment(user=matti, article=article, text="Kysyn @aino.virtanen")
        assert len(mentions_of(aino)) == 1 and mentions_of(sanna) == []
        with django_capture_on_commit_callbacks(execute=True):
            comments.edit_comment(user=matti, comment=comment, text="Kysyn @aino.virtanen ja @sanna.lehtola")
        assert len(mentions_of(aino)) == 1 and len(mentions_of(sanna)) == 1
        # Removing and adding a mention again, or any other edit, notifies nobody again.
        with django_capture_on_commit_callbacks(execute=True):
            comments.edit_comment(user=matti, comment=comment, text="Kysyn vain")
            comments.edit_comment(user=matti, comment=comment, text="@Sanna.Lehtola @aino.virtanen uudestaan")
            comments.edit_comment(
                user=matti, comment=comment, text="@Sanna.Lehtola @aino.virtanen uudestaan!"
            )
        assert len(mentions_of(aino)) == 1 and len(mentions_of(sanna)) == 1
        assert Mention.objects.count() == 2
        assert [groups for groups, _frame in frames] == [[f"user.{aino.pk}"], [f"user.{sanna.pk}"]]

    def test_edit_through_the_view(self, client, org, article, frames):
        matti, pekka = user(org, "matti"), user(org, "pekka")
        comment = comments.post_comment(user=matti, article=article, text="Ei mainintoja")
        client.force_login(matti)
        client.post(reverse("news:comment_edit", args=[comment.pk]), {"text": "Nyt @pekka.ohman"})
        client.post(reverse("news:comment_edit", args=[comment.pk]), {"text": "Nyt @pekka.ohman!"})
        assert len(mentions_of(pekka)) == 1

    def test_each_comment_notifies_once_even_when_named_twice(self, org, article, frames):
        aino = user(org, "aino")
        comments.post_comment(user=user(org, "matti"), article=article, text="@aino.virtanen @aino.virtanen")
        comments.post_comment(user=user(org, "sanna"), article=article, text="Minäkin @aino.virtanen")
        assert len(mentions_of(aino)) == 2  # two comments, two notifications

    def test_calling_the_action_twice_notifies_once(self, org, article, frames):
        comments.post_comment(user=user(org, "matti"), article=article, text="@aino.virtanen")
        mention = Mention.objects.select_related("comment__article", "comment__author").get()
        assert actions.mention_created(mention=mention) == 0
        assert len(mentions_of(user(org, "aino"))) == 1

    def test_nobody_is_notified_about_themselves_the_unknown_or_the_inactive(self, org, article, frames):
        erik = user(org, "erik")
        erik.is_active = False
        erik.save()
        comment = comments.post_comment(
            user=user(org, "matti"),
            article=article,
            text="@matti.aijala @erik.sjoberg @ei.ketaan @<script> kirjoitti",
        )
        assert not Notification.objects.exists() and not Mention.objects.exists() and frames == []
        html = comments.render_text(comment.text, {})
        assert "<a" not in html and "@erik.sjoberg" in html and "@&lt;script&gt;" in html

    def test_emails_and_addresses_are_not_mentions(self, org, article, frames):
        text = "aino@keha.example, https://example.com/@aino.virtanen ja (@sanna.lehtola). @pekka.ohman."
        assert comments.mentioned_usernames(text) == ["sanna.lehtola", "pekka.ohman"]
        comments.post_comment(user=user(org, "matti"), article=article, text=text)
        assert {n.recipient.username for n in Notification.objects.all()} == {"sanna.lehtola", "pekka.ohman"}

    def test_at_most_ten_people_per_comment(self, org, article, frames):
        names = []
        for number in range(comments.MAX_MENTIONS + 3):
            person = UserFactory(username=f"henkilo.{number}")
            PersonFactory(user=person, agency=org.keha)
            names.append(f"@{person.username}")
        comment = comments.post_comment(user=user(org, "matti"), article=article, text=" ".join(names))
        assert Notification.objects.count() == comments.MAX_MENTIONS
        assert {n.recipient.username for n in Notification.objects.all()} == {
            name[1:] for name in names[: comments.MAX_MENTIONS]
        }
        # Editing other names in does not go past the limit either.
        comments.edit_comment(user=user(org, "matti"), comment=comment, text=" ".join(reversed(names)))
        assert Notification.objects.count() == comments.MAX_MENTIONS

    def test_a_refused_comment_notifies_nobody(self, client, org, article, frames):
        client.force_login(user(org, "matti"))
        response = client.post(
            reverse("news:comment_post", args=[article.pk]),
            {"text": "@aino.virtanen " + "x" * comments.MAX_COMMENT_LENGTH},
        )
        assert response.status_code == 400
        assert not Notification.objects.exists() and frames == []


@pytest.mark.django_db
class TestPeopleSearch:
    def search(self, client, q):
        response = client.get(reverse("news:people"), {"q": q})
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
        return response.json()["results"]

    def test_by_name_user_name_and_finnish_letters(self, client, org):
        client.force_login(user(org, "matti"))
        assert self.search(client, "aino") == [
            {"username": "aino.virtanen", "name": "Aino Virtanen", "title": "Maksatusasiantuntija"}
        ]
        assert [p["username"] for p in self.search(client, "aino.vi")] == ["aino.virtanen"]
        assert [p["username"] for p in self.search(client, "@sanna.l")] == ["sanna.lehtola"]
        assert [p["username"] for p in self.search(client, "ÄIJÄ")] == ["matti.aijala"]
        assert [p["username"] for p in self.search(client, "öhm")] == ["pekka.ohman"]
        assert self.search(client, "") == [] and self.search(client, "  \x00 ") == []

    def test_best_match_first_then_team_mates(self, client, org):
        """Issue 22: the list put other people alphabetically before the best match and the writer's team-mates."""
        for username in ("pekka.aalto", "liisa.aalto"):
            first = username.split(".")[0].capitalize()
            PersonFactory(
                user=UserFactory(username=username, first_name=first, last_name="Aalto"), agency=org.keha
            )
        client.force_login(user(org, "matti"))
        # Pekka Öhman is Matti's team-mate: first among the equal matches, before Pekka Aalto.
        assert [p["username"] for p in self.search(client, "pekka")] == ["pekka.ohman", "pekka.aalto"]
        # Typed without ä: the whole name first, then a name that only contains the word.
        assert [p["username"] for p in self.search(client, "liisa makela")] == ["liisa.makela"]
        assert [p["username"] for p in self.search(client, "makela")] == ["liisa.makela"]

    def test_at_most_eight_active_people(self, client, org):
        for number in range(12):
            PersonFactory(
                user=UserFactory(username=f"virtanen.{number}", last_name="Virtanen"), agency=org.keha
            )
        inactive = UserFactory(username="virtanen.poissa", last_name="Virtanen", is_active=False)
        PersonFactory(user=inactive, agency=org.keha)
        client.force_login(user(org, "matti"))
        results = self.search(client, "virtanen")
        assert len(results) == comments.PEOPLE_SUGGESTIONS
        assert "virtanen.poissa" not in {p["username"] for p in results}

    def test_names_are_data_not_markup(self, client, org):
        PersonFactory(
            user=UserFactory(username="paha", first_name="<img src=x onerror=alert(1)>"), agency=org.keha
        )
        client.force_login(user(org, "matti"))
        response = client.get(reverse("news:people"), {"q": "paha"})
        # Data in a JSON string, never parsed as HTML (engagement.js inserts it with textContent only).
        assert response.json()["results"][0]["name"].startswith("<img src=x")
        assert response["Content-Type"] == "application/json"
        assert response["X-Content-Type-Options"] == "nosniff"

    def test_sign_in_required(self, client, org):
        response = client.get(reverse("news:people"), {"q": "aino"})
        assert response.status_code == 302 and "/kirjaudu/" in response["Location"]

    def test_autocomplete_markup_on_the_article(self, client, org, article):
        client.force_login(user(org, "matti"))
        html = client.get(article.url).content.decode()
        assert '<textarea id="comment-new" name="text" rows="4" data-mention-input' in html
        assert 'aria-describedby="comment-new-help"' in html and "mention a colleague" in html
        assert f'data-people-url="{reverse("news:people")}"' in html


# --- Live: the frame reaches the mentioned person's open tab ----------------------------------


@database_sync_to_async
def setup_live():
    from tests.factories import AgencyFactory

    keha = AgencyFactory(slug="keha-keskus", name_fi="KEHA-keskus", kind="keha")
    index = NewsIndexPage.objects.get(locale__language_code="fi")
    article = publish_article(index, title="Live-uutinen", publisher=keha)
    NewsArticlePage.objects.filter(pk=article.pk).update(allow_comments=True)
    article.allow_comments = True
    people = {}
    for username, first in [("aino.live", "Aino"), ("matti.live", "Matti"), ("muu.live", "Muu")]:
        people[username] = UserFactory(username=username, first_name=first, last_name="Live")
        PersonFactory(user=people[username], agency=keha)
    return article, people


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_the_mentioned_person_gets_a_live_frame_once():
    from tests.news.test_live import connected

    article, people = await setup_live()
    aino_ws, other_ws = await connected("aino.live"), await connected("muu.live")
    comment = await database_sync_to_async(comments.post_comment)(
        user=people["matti.live"], article=article, text="Katso tämä @aino.live 👀"
    )
    frame = await aino_ws.receive_json_from(timeout=2)
    assert frame["type"] == "mention"
    assert frame["mention"]["by"] == "Matti Live" and frame["mention"]["comment"] == comment.pk
    assert frame["mention"]["url"].endswith(f"#comment-{comment.pk}")
    assert await other_ws.receive_nothing(timeout=0.3)
    await database_sync_to_async(comments.edit_comment)(
        user=people["matti.live"], comment=comment, text="Katso tämä @aino.live 👀 (korjattu)"
    )
    assert await aino_ws.receive_nothing(timeout=0.3)
    await aino_ws.disconnect()
    await other_ws.disconnect()
