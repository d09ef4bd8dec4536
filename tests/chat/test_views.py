"""HTTP: the chat page, the JSON API and the room forms; membership checked on every request."""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse

from chat import messages, rooms
from chat.models import Message, Room

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_chat_page_lists_my_rooms_with_unread_counts(client, chat, users, django_assert_max_num_queries):
    _org, team_room, vaasa = chat
    messages.post_message(user=users["aino"], room_id=team_room.pk, body="Huomenta")
    messages.post_message(user=users["aino"], room_id=vaasa.pk, body="Vaasan kahvit")
    for other in ("erik", "sanna", "pekka", "liisa"):
        rooms.direct_room(user=users["matti"], other_id=users[other].pk)
    client.force_login(users["matti"])
    # session, user, shell (bell, presence and today's location in the header), banner … room list (1), open rooms (1)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("chat:index"))
    assert response.status_code == 200
    config = json.loads(response.context["config"] and json.dumps(response.context["config"]))
    unread = {r["title"]: r["unread"] for r in config["rooms"]}
    assert unread["Maksatus – palkkatukitiimi"] == 1 and unread["Vaasa"] == 1 and unread["Erik Sjöberg"] == 0
    assert response.context["unread_total"] == 2
    # The number of queries does not grow with the number of rooms.
    for other in ("aino",):
        rooms.direct_room(user=users["matti"], other_id=users[other].pk)
    rooms.create_room(user=users["matti"], name="Lisää huoneita", member_ids=[users["aino"].pk])
    with django_assert_max_num_queries(16):
        client.get(reverse("chat:index"))


def test_room_page_is_for_members_only(client, chat, users):
    _org, team_room, _vaasa = chat
    client.force_login(users["sanna"])
    assert client.get(reverse("chat:room", kwargs={"room_id": team_room.pk})).status_code == 404
    client.force_login(users["aino"])
    response = client.get(reverse("chat:room", kwargs={"room_id": team_room.pk}))
    assert response.status_code == 200 and response.context["current_title"] == "Maksatus – palkkatukitiimi"


def test_api_refuses_non_members_everywhere(client, chat, users):
    _org, team_room, _vaasa = chat
    message, _ = messages.post_message(user=users["aino"], room_id=team_room.pk, body="Sisäinen asia")
    client.force_login(users["sanna"])
    room_url = lambda name: reverse(name, kwargs={"room_id": team_room.pk})  # noqa: E731
    message_url = lambda action: reverse(
        "chat:api_message_action",
        kwargs={
            "message_id": message.pk,  # noqa: E731
            "action": action,
        },
    )
    refused = [
        client.get(room_url("chat:api_messages")),
        client.get(room_url("chat:api_messages") + "?after=0"),
        post_json(client, room_url("chat:api_messages"), {"body": "Hei"}),
        client.get(room_url("chat:api_members")),
        post_json(
            client, reverse("chat:api_read", kwargs={"room_id": team_room.pk, "action": "read"}), {"seq": 1}
        ),
        client.post(room_url("chat:api_upload"), {}),
        post_json(client, message_url("edit"), {"body": "x"}),
        post_json(client, message_url("delete"), {}),
        post_json(client, message_url("react"), {"emoji": "👍"}),
        client.get(reverse("chat:api_edit_history", kwargs={"message_id": message.pk})),
        client.get(reverse("chat:api_search") + f"?q=asia&room={team_room.pk}"),
    ]
    for response in refused:
        assert response.status_code in (403, 404), response.content
        assert "Sisäinen" not in response.content.decode()
    assert Message.objects.count() == 1
    assert client.get(reverse("chat:api_search") + "?q=asia").json() == {"results": [], "degraded": False}


def test_api_posts_pages_and_resyncs(client, chat, users):
    _org, team_room, _vaasa = chat
    client.force_login(users["aino"])
    url = reverse("chat:api_messages", kwargs={"room_id": team_room.pk})
    first = post_json(client, url, {"body": "Eka 😀 äö", "client_id": "web-1"})
    again = post_json(client, url, {"body": "Eka 😀 äö", "client_id": "web-1"})
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["message"]["id"] == again.json()["message"]["id"]
    bad = post_json(client, url, {"body": ""})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "empty"
    for number in range(2, 6):
        post_json(client, url, {"body": f"Viesti {number}"})
    page = client.get(url).json()
    assert [m["seq"] for m in page["messages"]] == [1, 2, 3, 4, 5] and not page["more_before"]
    assert page["messages"][0]["body"] == "Eka 😀 äö"
    missed = client.get(url + "?after=3").json()
    assert [m["seq"] for m in missed["messages"]] == [4, 5]
    older = client.get(url + "?before=3").json()
    assert [m["seq"] for m in older["messages"]] == [1, 2]


def test_forms_create_rooms_open_direct_messages_and_manage_members(client, users):
    client.force_login(users["aino"])
    response = client.post(
        reverse("chat:create"),
        {"name": "Hankeryhmä", "members": "matti.aijala, @erik.sjoberg", "kind": "group"},
    )
    room = Room.objects.get(name="Hankeryhmä")
    assert response.url == reverse("chat:room", kwargs={"room_id": room.pk})
    assert set(room.memberships.values_list("user__username", flat=True)) == {
        "aino.virtanen",
        "matti.aijala",
        "erik.sjoberg",
    }
    response = client.post(reverse("chat:direct_form"), {"username": "@sanna.lehtola"})
    direct = Room.objects.get(kind="direct")
    assert response.url == reverse("chat:room", kwargs={"room_id": direct.pk})
    client.force_login(users["matti"])  # a member, not the owner
    client.post(
        reverse("chat:room_action", kwargs={"room_id": room.pk, "action": "rename"}), {"name": "Minun"}
    )
    client.post(
        reverse("chat:room_action", kwargs={"room_id": room.pk, "action": "add"}), {"members": "pekka.ohman"}
    )
    room.refresh_from_db()
    assert room.name == "Hankeryhmä" and room.memberships.count() == 3
    client.force_login(users["sanna"])  # not even a member
    assert (
        client.post(reverse("chat:room_action", kwargs={"room_id": room.pk, "action": "archive"})).status_code
        == 404
    )
    room.refresh_from_db()
    assert room.archived_at is None


def test_search_page_links_to_the_message_in_context(client, chat, users):
    _org, team_room, _vaasa = chat
    message, _ = messages.post_message(
        user=users["aino"], room_id=team_room.pk, body="Maksuerä lähtee perjantaina"
    )
    client.force_login(users["matti"])
    response = client.get(reverse("chat:search") + "?q=maksuerä")
    assert f"/chat/{team_room.pk}/?seq={message.seq}#m{message.seq}" in response.content.decode()
    client.force_login(users["sanna"])
    assert "Maksuerä" not in client.get(reverse("chat:search") + "?q=maksuerä").content.decode()


def test_the_navigation_links_to_chat(client, users):
    client.force_login(users["aino"])
    html = client.get("/").content.decode()
    assert 'href="/chat/"' in html and "data-chat-unread" in html
