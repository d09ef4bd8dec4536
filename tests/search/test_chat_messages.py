"""Chat messages through the search app, on both engines: only the reader's rooms (filtered inside the engine's
query), edits re-indexed, deletes removed, never in /haku/, and the database when the engine does not answer."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chat import messages, rooms
from chat.models import Room
from search.engines.base import SearchQuery
from search.indexing import drain
from search.models import IndexOutbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(org):
    return {name: person.user for name, person in org.people.items()}


@pytest.fixture
def team_room(org):
    return Room.objects.get(team=org.payroll_team)  # aino, matti and pekka


@pytest.fixture
def group_room(users):
    return rooms.create_room(user=users["aino"], name="Lounasporukka", member_ids=[users["matti"].pk])


def post(user, room, body):
    message, _ = messages.post_message(user=user, room_id=room.pk, body=body)
    return message


def bodies(user, text, **kwargs):
    return sorted(m.body for m in messages.search(user=user, query=text, **kwargs).messages)


def test_only_members_find_a_rooms_messages(use_engine, users, team_room, group_room):
    post(users["aino"], team_room, "Palkkatuen takaisinperintä etenee ensi viikolla")
    post(users["aino"], group_room, "Takaisinperinnät käydään läpi lounaalla")
    drain(engine=use_engine)
    # Inflected and compound forms: the engine's analysis, not the database's substring match.
    assert bodies(users["matti"], "takaisinperintää") == [
        "Palkkatuen takaisinperintä etenee ensi viikolla",
        "Takaisinperinnät käydään läpi lounaalla",
    ]
    assert bodies(users["pekka"], "takaisinperintä") == ["Palkkatuen takaisinperintä etenee ensi viikolla"]
    assert bodies(users["sanna"], "takaisinperintä") == []  # in neither room
    assert bodies(users["matti"], "palkkatuki") == ["Palkkatuen takaisinperintä etenee ensi viikolla"]
    assert bodies(users["matti"], "takaisinperintä", room_id=group_room.pk) == [
        "Takaisinperinnät käydään läpi lounaalla"
    ]
    # A room one is not in cannot be searched, even by id.
    with pytest.raises(Exception) as refused:
        messages.search(user=users["pekka"], query="takaisinperintä", room_id=group_room.pk)
    assert getattr(refused.value, "code", "") == "not_member"
    # Leaving a room takes its messages out of one's results at once (the filter is the rooms of now).
    rooms.remove_member(user=users["aino"], room_id=group_room.pk, member_id=users["matti"].pk)
    assert bodies(users["matti"], "takaisinperintä") == ["Palkkatuen takaisinperintä etenee ensi viikolla"]


def test_the_room_filter_is_inside_the_engine_query(use_engine, users, team_room, group_room):
    """Straight at the engine: the rooms are the query's audience; other rooms' messages are never matched."""
    from search.chat import search_messages

    theirs = post(users["aino"], group_room, "Kulunvalvonta vaihtuu maanantaina")
    post(users["aino"], team_room, "Kulunvalvonta ei koske meitä")
    drain(engine=use_engine)
    hits = search_messages(text="kulunvalvonta", room_ids=[team_room.pk])
    assert theirs.pk not in [hit.message_id for hit in hits] and len(hits) == 1
    assert "<mark>" in hits[0].snippet_html


def test_edit_reindexes_and_delete_removes(use_engine, users, team_room):
    message = post(users["aino"], team_room, "Matkalasku pitää tehdä perjantaihin mennessä")
    drain(engine=use_engine)
    assert bodies(users["matti"], "matkalaskut") == ["Matkalasku pitää tehdä perjantaihin mennessä"]
    messages.edit_message(user=users["aino"], message_id=message.pk, body="Kilometrikorvaus haetaan erikseen")
    assert list(IndexOutbox.objects.values_list("ref", flat=True)) == [f"chat:{message.pk}"]
    drain(engine=use_engine)
    assert bodies(users["matti"], "matkalasku") == []
    assert bodies(users["matti"], "kilometrikorvaus") == ["Kilometrikorvaus haetaan erikseen"]
    messages.delete_message(user=users["aino"], message_id=message.pk)
    drain(engine=use_engine)
    assert f"chat:{message.pk}" not in use_engine.keys()
    assert bodies(users["matti"], "kilometrikorvaus") == []


def test_reactions_write_nothing_to_the_outbox(use_engine, users, team_room):
    message = post(users["aino"], team_room, "Kahvia?")
    IndexOutbox.objects.all().delete()
    messages.react(user=users["matti"], message_id=message.pk, emoji="👍")
    messages.mark_read(user=users["matti"], room_id=team_room.pk, seq=message.seq)
    assert not IndexOutbox.objects.exists()


def test_general_search_never_shows_chat_messages(client, use_engine, users, team_room):
    post(users["aino"], team_room, "Kulunvalvonta vaihtuu maanantaina")
    drain(engine=use_engine)
    client.force_login(users["matti"])  # a member of the room
    html = client.get(reverse("search:search"), {"q": "kulunvalvonta"}).content.decode()
    assert "maanantaina" not in html
    assert use_engine.search(SearchQuery(text="kulunvalvonta", audience="keha")).total == 0
    assert client.get(reverse("search:autocomplete"), {"q": "kulunval"}).json()["results"] == []


def test_archived_room_stays_searchable_deleted_room_leaves(use_engine, users, group_room):
    message = post(users["aino"], group_room, "Pikkujoulut pidetään Vaasassa")
    drain(engine=use_engine)
    rooms.archive(user=users["aino"], room_id=group_room.pk)
    drain(engine=use_engine)
    assert bodies(users["matti"], "pikkujoulu") == ["Pikkujoulut pidetään Vaasassa"]
    group_room.delete()
    drain(engine=use_engine)
    assert f"chat:{message.pk}" not in use_engine.keys()


def test_search_page_links_to_the_message_with_a_highlighted_snippet(client, use_engine, users, team_room):
    message = post(users["aino"], team_room, "Maksuerä lähtee perjantaina <script>alert(1)</script>")
    drain(engine=use_engine)
    client.force_login(users["matti"])
    html = client.get(reverse("chat:search"), {"q": "maksuerän"}).content.decode()
    assert f"/chat/{team_room.pk}/?seq={message.seq}#m{message.seq}" in html
    assert "<mark>Maksuerä</mark>" in html and "<script>alert" not in html and "notice--warning" not in html
    data = client.get(reverse("chat:api_search"), {"q": "maksuerä", "room": team_room.pk}).json()
    assert [r["seq"] for r in data["results"]] == [message.seq] and data["degraded"] is False
    client.force_login(users["sanna"])
    assert "Maksuerä" not in client.get(reverse("chat:search"), {"q": "maksuerä"}).content.decode()


def test_engine_down_answers_from_the_database_with_a_notice(client, settings, users, team_room):
    from search.engines import _elastic

    message = post(users["aino"], team_room, "Maksuerä lähtee perjantaina")
    settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX, settings.SEARCH_TIMEOUT = (
        "http://127.0.0.1:9",
        "nowhere",
        1,
    )
    _elastic.cache_clear()
    try:
        found = messages.search(user=users["matti"], query="maksuerä")
        assert found.degraded and [m.pk for m in found.messages] == [message.pk]
        assert messages.search(user=users["sanna"], query="maksuerä").messages == []
        client.force_login(users["matti"])
        html = client.get(reverse("chat:search"), {"q": "maksuerä"}).content.decode()
        assert "notice--warning" in html and f"#m{message.seq}" in html
    finally:
        _elastic.cache_clear()
    # The outbox kept the message for when the engine is back.
    assert f"chat:{message.pk}" in IndexOutbox.objects.values_list("ref", flat=True)
