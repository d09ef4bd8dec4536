"""What readers do on the strategy pages: versions and their diffs, anchored comments, votes, follow-up."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from realtime.models import Notification
from strategy import draft, steering, tasks, voting
from strategy.models import Comment, PollAnswer, Proposal, Support

pytestmark = pytest.mark.django_db


def test_map_is_an_svg_with_a_list_in_both_languages(client, strategy_map, people):
    client.force_login(people[0])
    html = client.get(reverse("strategy:index")).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert 'id="toiminta-ajatus"' in html and "Tuemme virastoja ja kuntia." in html
    client.cookies["django_language"] = "sv"
    html = client.get(reverse("strategy:index"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Verksamhetsidé" in html


def test_versions_show_a_readable_diff_and_what_changed_since_the_last_visit(
    client, strategy_map, people, team_user
):
    round = __import__("tests.strategy.conftest", fromlist=["make_round"]).make_round(slug="visio-kierros")
    reader = people[0]
    draft.publish_version(user=team_user, change_note_fi="Ensimmäinen versio")
    client.force_login(reader)
    client.get(reverse("strategy:index"))  # seen version 1
    mission = strategy_map["mission"]
    mission.body_fi = "Tuotamme yhteiset palvelut.\n\nTuemme virastoja, kuntia ja hyvinvointialueita."
    mission.save()
    draft.publish_version(user=team_user, change_note_fi="Kunnat ja alueet mukaan", round=round)
    html = client.get(reverse("strategy:index")).content.decode()
    assert "What changed since your last visit" in html or "Mikä on muuttunut" in html
    assert "Kunnat ja alueet mukaan" in html and "Kierros visio-kierros" in html
    assert "<ins>" in html and "hyvinvointialueita" in html and "<del>" in html
    # Readers see the published map; a later draft edit waits for the next version.
    mission.title_fi = "Luonnosotsikko"
    mission.save()
    assert (
        "Luonnosotsikko" not in html
        and "Luonnosotsikko" not in client.get(reverse("strategy:index")).content.decode()
    )
    # Seen now: the next visit shows no changes.
    assert "Kunnat ja alueet mukaan" not in client.get(reverse("strategy:index")).content.decode()
    page = client.get(reverse("strategy:version", args=[2])).content.decode()
    assert '<del><span class="visually-hidden">' in page and "Tuemme virastoja ja kuntia." in page


def test_comment_on_a_paragraph_is_shown_there(client, strategy_map, poll_round, people):
    round = poll_round["round"]
    client.force_login(people[0])
    response = client.post(
        reverse("strategy:comment", args=[round.slug]),
        {"anchor": "toiminta-ajatus-p2", "text": "Entä kunnat?"},
    )
    assert response["Location"].endswith("#toiminta-ajatus-p2")
    comment = Comment.objects.get()
    assert comment.anchor == "toiminta-ajatus-p2" and comment.author is None  # anonymous round
    html = client.get(reverse("strategy:round", args=[round.slug])).content.decode()
    paragraph = html.split('id="toiminta-ajatus-p2"')[1].split('class="strategy-paragraph"')[0]
    assert "Entä kunnat?" in paragraph
    # A paragraph that does not exist: a clear error, nothing stored.
    client.post(reverse("strategy:comment", args=[round.slug]), {"anchor": "toiminta-ajatus-p9", "text": "X"})
    assert Comment.objects.count() == 1


def test_vote_through_the_page(client, poll_round, people):
    round = poll_round["round"]
    client.force_login(people[0])
    client.post(reverse("strategy:vote_poll", args=[poll_round["multiple"].pk]), {"choice": ["0", "2"]})
    client.post(
        reverse("strategy:vote_poll", args=[poll_round["scale"].pk]), {"choice": "9"}
    )  # off the scale
    assert sorted(PollAnswer.objects.values_list("choice", flat=True)) == [0, 2]
    response = client.post(
        reverse("strategy:vote_statement", args=[poll_round["statement"].pk]), {"choice": "1"}
    )
    assert response.cookies[f"strategy_voter_{round.pk}"]["httponly"]
    html = client.get(reverse("strategy:round", args=[round.slug])).content.decode()
    assert "You have answered." in html or "Olet vastannut." in html


def test_round_page_queries_do_not_grow_with_votes(client, strategy_map, poll_round, people):
    from tests.strategy.conftest import person

    round = poll_round["round"]
    url = reverse("strategy:round", args=[round.slug])
    client.force_login(people[0])
    client.get(url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    Comment.objects.create(round=round, anchor="visio", text="Ensimmäinen")
    few = count()
    for n in range(12):
        user = person(f"lisa{n}")
        voting.vote_poll(poll=poll_round["single"], user=user, choices=[n % 3])
        voting.vote_statement(statement=poll_round["statement"], user=user, voter=f"t{n}", choice=1)
        Comment.objects.create(round=round, anchor="visio", text=f"K{n}", author=user if n % 2 else None)
    assert count() == few


def test_supporters_hear_when_a_proposal_is_edited_or_answered(
    poll_round, people, leader_user, django_capture_on_commit_callbacks
):
    from strategy import services

    round = poll_round["round"]
    proposal = Proposal.objects.create(round=round, author=people[0], title="Etäpäivät", text="Kaksi päivää")
    for user in people[1:4]:
        services.support(proposal=proposal, user=user)
    assert Proposal.objects.get().supporters_count == 3
    with django_capture_on_commit_callbacks(execute=True):
        services.edit_proposal(proposal=proposal, user=people[0], title="Etäpäivät", text="Kolme päivää")
        services.answer(target=proposal, user=leader_user, answer="to_be_studied", text="")
    # The jobs ran in the test's immediate backend: each supporter twice (edit, answer), the author once.
    kinds = Notification.objects.filter(key__startswith="strategy-proposal:")
    assert sorted(kinds.values_list("recipient_id", flat=True)) == sorted(
        [u.pk for u in people[1:4]] * 2 + [people[0].pk] * 2
    )
    assert not Support.objects.filter(user=leader_user).exists()


def test_action_review_reminder_once(strategy_map, people):
    action = strategy_map["action"]
    action.responsible = people[2]
    action.review_date = datetime.date.today() + datetime.timedelta(days=3)
    action.save()
    assert steering.send_review_reminders() == 1
    assert steering.send_review_reminders() == 0
    assert Notification.objects.get().recipient == people[2]


def test_reminders_respect_the_opt_out(client, poll_round, people):
    client.force_login(people[0])
    client.post(reverse("strategy:reminders"), {"remind": "no"})
    voting.vote_poll(poll=poll_round["single"], user=people[1], choices=[0])
    mail.outbox.clear()
    tasks.send_participation_reminders.call()
    reminded = set(Notification.objects.values_list("recipient_id", flat=True))
    assert people[0].pk not in reminded and people[1].pk not in reminded and people[2].pk in reminded
    assert len(mail.outbox) == len(reminded)


def test_search_documents_in_both_languages_once_published(strategy_map, team_user):
    from strategy.search import StrategyAdapter

    mission = strategy_map["mission"]
    assert StrategyAdapter().documents_for([mission.pk])[0] == []  # the draft is not found
    draft.publish_version(user=team_user, change_note_fi="Ensimmäinen")
    mission.title_fi = "Luonnos, ei vielä julkaistu"
    mission.save()

    documents, deletes = StrategyAdapter().documents_for(
        [strategy_map["mission"].pk, strategy_map["vision"].pk]
    )
    assert {d.key for d in documents} == {
        f"strategy:{strategy_map['mission'].pk}:fi",
        f"strategy:{strategy_map['mission'].pk}:sv",
        f"strategy:{strategy_map['vision'].pk}:fi",
    }
    assert f"strategy:{strategy_map['vision'].pk}:sv" in deletes
    assert "Toiminta-ajatus" in {d.title for d in documents}  # the published title, not the later draft


def test_reply_joins_the_thread_of_its_paragraph(client, strategy_map, poll_round, people):
    round = poll_round["round"]
    first = Comment.objects.create(round=round, anchor="visio-p1", text="Aloitus")
    client.force_login(people[0])
    client.post(reverse("strategy:comment", args=[round.slug]), {"parent": first.pk, "text": "Vastaus tähän"})
    reply = Comment.objects.get(text="Vastaus tähän")
    assert reply.parent == first and reply.anchor == "visio-p1"
    html = client.get(reverse("strategy:round", args=[round.slug])).content.decode()
    assert html.index("Aloitus") < html.index("Vastaus tähän") < html.index('id="tavoite-1"')
