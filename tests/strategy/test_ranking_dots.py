"""Ranking and dot-vote polls: the forms, their errors (nothing typed is lost), Borda count and dots."""

import pytest
from django.urls import reverse

from strategy import exports, results, voting
from strategy.models import PollAnswer, PollParticipation
from tests.strategy.conftest import close

pytestmark = pytest.mark.django_db


def _post(client, poll, data):
    return client.post(reverse("strategy:vote_poll", args=[poll.pk]), data)


def test_ranking_form_refuses_duplicates_and_missing_positions_keeping_what_was_chosen(
    client, poll_round, people
):
    poll = poll_round["ranking"]
    client.force_login(people[0])
    client.cookies["django_language"] = "en"
    page = client.get(reverse("strategy:round", args=["arvot"])).content.decode()
    # One labelled select per option: usable from the keyboard, no dragging.
    for i in range(3):
        assert f'<label for="rank-{poll.pk}-{i}">' in page and f'name="rank-{i}"' in page
    response = _post(client, poll, {"rank-0": "1", "rank-1": "1", "rank-2": "2"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give each option its own position: 1 is used more than once." in html
    assert f'aria-describedby="poll-error-{poll.pk}"' in html
    # What was chosen is still chosen.
    assert html.count('<option value="1" selected>') == 2 and '<option value="2" selected>' in html
    response = _post(client, poll, {"rank-0": "3", "rank-1": "", "rank-2": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give every option a position: 1 option has none." in html
    assert '<option value="3" selected>' in html
    assert not PollParticipation.objects.filter(poll=poll).exists() and not PollAnswer.objects.filter(
        poll=poll
    )
    response = _post(client, poll, {"rank-0": "3", "rank-1": "2", "rank-2": "1"})
    assert response.status_code == 302
    assert sorted(PollAnswer.objects.filter(poll=poll).values_list("choice", "value", "user_id")) == [
        (0, 3, None),
        (1, 2, None),
        (2, 1, None),
    ]


def test_dot_vote_refuses_over_and_under_spending_keeping_the_numbers(client, poll_round, people):
    poll = poll_round["dots"]
    client.force_login(people[0])
    client.cookies["django_language"] = "en"
    page = client.get(reverse("strategy:round", args=["arvot"])).content.decode()
    assert "0 of 10 dots given; 10 left." in page and 'data-strategy-dots="10"' in page
    response = _post(client, poll, {"dots-0": "6", "dots-1": "7", "dots-2": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "You gave 13 dots; you have 10. Take away 3." in html
    assert 'name="dots-0" type="number"' in html and 'value="6"' in html and 'value="7"' in html
    assert "13 of 10 dots given; -3 left." in html
    response = _post(client, poll, {"dots-0": "2", "dots-1": "", "dots-2": "3"})
    assert "You gave 5 dots; you have 10. Give the remaining 5." in response.content.decode()
    response = _post(client, poll, {"dots-0": "two", "dots-1": "8"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write the number of dots as a whole number." in html and 'value="two"' in html
    assert not PollParticipation.objects.filter(poll=poll).exists()
    # In Finnish and Swedish too.
    client.cookies["django_language"] = "fi"
    html = _post(client, poll, {"dots-0": "6", "dots-1": "7"}).content.decode()
    assert "Annoit 13 pistettä; käytössäsi on 10. Poista 3." in html
    client.cookies["django_language"] = "sv"
    html = _post(
        client, poll_round["ranking"], {"rank-0": "1", "rank-1": "1", "rank-2": "2"}
    ).content.decode()
    assert "Ge varje alternativ en egen placering: 1 används mer än en gång." in html
    response = _post(client, poll, {"dots-0": "2", "dots-1": "", "dots-2": "8"})
    assert response.status_code == 302
    assert sorted(PollAnswer.objects.filter(poll=poll).values_list("choice", "value")) == [(0, 2), (2, 8)]
    # A second ballot is refused like any poll's.
    with pytest.raises(voting.VoteRefused):
        voting.vote_poll(poll=poll, user=people[0], values={0: 10})
    with pytest.raises(voting.VoteRefused):
        voting.vote_poll(poll=poll, user=people[1], values={0: -1, 1: 11})


def test_borda_count_and_dots_after_close_on_page_and_export(client, poll_round, people):
    ranking, dots = poll_round["ranking"], poll_round["dots"]
    ballots = [{0: 1, 1: 2, 2: 3}] * 3 + [{0: 3, 1: 1, 2: 2}] * 2
    for user, ballot in zip(people, ballots):
        voting.vote_poll(poll=ranking, user=user, values=ballot)
        voting.vote_poll(poll=dots, user=user, values={1: 5, 2: 5})
    assert results.poll_results(poll=ranking) is None  # hidden until close
    close(poll_round["round"])
    found = results.poll_results(poll=ranking)
    # Avoimuus 3×2 = 6, Luotettavuus 3×1 + 2×2 = 7, Rohkeus 2×1 = 2.
    assert [(r["place"], r["label"], r["points"], r["positions"]) for r in found["rows"]] == [
        (1, "Luotettavuus", 7, [2, 3, 0]),
        (2, "Avoimuus", 6, [3, 0, 2]),
        (3, "Rohkeus", 2, [0, 2, 3]),
    ]
    assert found["voters"] == 5
    assert [r["count"] for r in results.poll_results(poll=dots)["rows"]] == [0, 25, 25]
    client.force_login(people[0])
    client.cookies["django_language"] = "en"
    html = client.get(reverse("strategy:round", args=["arvot"])).content.decode()
    assert "Borda count" in html and "<td>Luotettavuus</td><td>7</td><td>2</td><td>3</td><td>0</td>" in html
    csv = exports.as_csv(round=poll_round["round"]).decode("utf-8-sig")
    assert "poll (Borda points): Arvot tärkeysjärjestykseen,Luotettavuus,7" in csv
    assert "poll (positions 1–3): Arvot tärkeysjärjestykseen,Luotettavuus,2/3/0" in csv
    assert "poll (dots): Mihin panostetaan?,Rohkeus,25" in csv


def test_editors_validate_options_and_dots(poll_round):
    from django.core.exceptions import ValidationError

    poll = poll_round["dots"]
    poll.dots = 0
    with pytest.raises(ValidationError):
        poll.full_clean()
    poll.dots, poll.options_fi = 10, "Vain yksi"
    with pytest.raises(ValidationError):
        poll.full_clean()


def test_the_strategy_team_adds_a_dot_vote_in_the_admin(client, poll_round, team_user):
    from strategy.models import Poll

    url = reverse("wagtailsnippets_strategy_poll:add")
    client.force_login(team_user)
    client.cookies["django_language"] = "en"
    form = {
        "round": poll_round["round"].pk,
        "kind": "dots",
        "question_fi": "Mihin aikaa?",
        "question_sv": "",
        "options_fi": "Yksi",
        "options_sv": "",
        "scale_max": 5,
        "dots": 12,
        "order": 5,
    }
    refused = client.post(url, form)
    assert refused.status_code == 200 and "Give at least two options." in refused.content.decode()
    assert client.post(url, {**form, "options_fi": "Yksi\nKaksi"}).status_code == 302
    poll = Poll.objects.get(question_fi="Mihin aikaa?")
    assert poll.kind == "dots" and poll.dots == 12 and poll.options() == ["Yksi", "Kaksi"]


def test_a_second_ranking_is_refused_with_a_message(client, poll_round, people):
    poll = poll_round["ranking"]
    voting.vote_poll(poll=poll, user=people[0], values={0: 1, 1: 2, 2: 3})
    client.force_login(people[0])
    client.cookies["django_language"] = "en"
    response = _post(client, poll, {"rank-0": "3", "rank-1": "2", "rank-2": "1"})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "You have already answered this poll." in html
    assert sorted(PollAnswer.objects.filter(poll=poll).values_list("choice", "value")) == [
        (0, 1),
        (1, 2),
        (2, 3),
    ]
