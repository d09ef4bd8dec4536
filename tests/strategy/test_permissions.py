"""Who may do what, by direct request: only the strategy team edits, only leadership answers, moderation."""

import pytest
from django.urls import reverse

from strategy import roles
from strategy.models import Comment, Proposal, Statement, Version
from tests.strategy.conftest import make_round, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(poll_round, people):
    return Proposal.objects.create(
        round=poll_round["round"], author=people[0], title="Ehdotus", text="Teksti"
    )


def test_only_the_strategy_team_publishes_versions(client, strategy_map, people, leader_user, team_user):
    url = reverse("strategy:publish")
    for user in (people[0], leader_user):
        client.force_login(user)
        assert client.post(url, {"change_note_fi": "Muutos"}).status_code == 403
    assert not Version.objects.exists()
    client.force_login(team_user)
    assert client.post(url, {"change_note_fi": "Muutos"}).status_code == 302
    assert Version.objects.get().number == 1


def test_only_the_strategy_team_edits_in_the_admin(client, strategy_map, people, team_user):
    element = strategy_map["vision"]
    url = reverse("wagtailsnippets_strategy_element:edit", args=[element.pk])
    client.force_login(people[0])
    assert client.get(url).status_code in (302, 403)
    client.force_login(team_user)
    assert client.get(url).status_code == 200


def test_only_leadership_answers(client, proposal, people, team_user, leader_user):
    url = reverse("strategy:answer", args=["ehdotus", proposal.pk])
    for user in (people[1], team_user):
        client.force_login(user)
        assert client.post(url, {"answer": "taken_in"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.answer == ""
    client.force_login(leader_user)
    client.post(url, {"answer": "not_taken_in", "text": ""})
    proposal.refresh_from_db()
    assert proposal.answer == ""  # "not taken in" needs its reason
    client.post(url, {"answer": "not_taken_in", "text": "Ei sovi tavoitteisiin."})
    proposal.refresh_from_db()
    assert proposal.answer == "not_taken_in" and proposal.answered_by == leader_user


def test_only_moderators_show_statements_and_hide_comments(
    client, poll_round, strategy_map, people, moderator_user, team_user
):
    round = poll_round["round"]
    pending = Statement.objects.create(round=round, text="Uusi väite")
    comment = Comment.objects.create(round=round, anchor="visio", text="Kommentti")
    approve = reverse("strategy:moderate", args=[pending.pk])
    hide = reverse("strategy:hide_comment", args=[comment.pk])
    client.force_login(people[0])
    assert client.post(approve, {"decision": "approve"}).status_code == 403
    assert client.post(hide).status_code == 403
    pending.refresh_from_db()
    assert pending.state == Statement.State.PENDING
    for user in (moderator_user, team_user):
        client.force_login(user)
        assert client.post(approve, {"decision": "approve"}).status_code == 302
    pending.refresh_from_db()
    assert pending.state == Statement.State.APPROVED
    assert client.post(hide).status_code == 302
    comment.refresh_from_db()
    assert comment.hidden


def test_participants_statements_wait_for_moderation(client, poll_round, people):
    round = poll_round["round"]
    client.force_login(people[0])
    client.post(reverse("strategy:add_statement", args=[round.slug]), {"text": "Lisää etätyötä kaikille."})
    statement = Statement.objects.get(text="Lisää etätyötä kaikille.")
    assert statement.state == Statement.State.PENDING and statement.author is None  # anonymous round
    assert (
        "Lisää etätyötä kaikille."
        not in client.get(reverse("strategy:round", args=[round.slug])).content.decode()
    )


def test_facilitation_and_exports_for_the_team_only(
    client, poll_round, people, team_user, leader_user, django_capture_on_commit_callbacks
):
    from strategy.models import RoundExport

    round = poll_round["round"]
    page = reverse("strategy:facilitation", args=[round.slug])
    ask = reverse("strategy:export", args=[round.slug])
    for user in (people[0], leader_user):
        client.force_login(user)
        assert client.get(page).status_code == 403
        assert client.post(ask, {"format": "csv"}).status_code == 403
    assert not RoundExport.objects.exists()
    client.force_login(team_user)
    assert client.get(page).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(ask, {"format": "xlsx"}).status_code == 302
    export = RoundExport.objects.get()
    urls = [
        reverse("strategy:export_status", args=[export.token]),
        reverse("strategy:export_download", args=[export.token]),
    ]
    assert [client.get(url).status_code for url in urls] == [200, 200]
    # Nobody else, not another member of the strategy team either, can follow or download it.
    other_team_member = person("toinen-tiimilainen", group=roles.STRATEGY_TEAM)
    for user in (people[0], leader_user, other_team_member):
        client.force_login(user)
        assert [client.get(url).status_code for url in urls] == [404, 404]


def test_only_the_responsible_person_or_team_updates_an_action(client, strategy_map, people, team_user):
    action = strategy_map["action"]
    action.responsible = people[1]
    action.save()
    url = reverse("strategy:action", args=[action.key])
    client.force_login(people[0])
    assert client.post(url, {"status": "at_risk", "text": "Viivästyy"}).status_code == 403
    client.force_login(people[1])
    assert client.post(url, {"status": "at_risk", "text": "Viivästyy"}).status_code == 302
    action.refresh_from_db()
    assert action.status == "at_risk"


def test_closed_round_takes_no_votes(client, db, people):
    from strategy.models import Poll, PollAnswer

    round = make_round(slug="suljettu", open=False)
    poll = Poll.objects.create(round=round, kind="single", question_fi="?", options_fi="A\nB")
    client.force_login(people[0])
    client.post(reverse("strategy:vote_poll", args=[poll.pk]), {"choice": "0"})
    assert not PollAnswer.objects.exists()


def test_an_export_link_expires(client, poll_round, team_user, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    from strategy import tasks
    from strategy.models import RoundExport

    client.force_login(team_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("strategy:export", args=[poll_round["round"].slug]), {"format": "csv"})
    export = RoundExport.objects.get()
    url = reverse("strategy:export_download", args=[export.token])
    assert client.get(url).status_code == 200
    path = export.file.path
    RoundExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert client.get(url).status_code == 403  # expired: refused even before the job removes the file
    assert tasks.expire_round_exports.call() == 1
    export.refresh_from_db()
    assert export.status == RoundExport.Status.EXPIRED and not export.file
    import os

    assert not os.path.exists(path)
    assert client.get(url).status_code == 403
