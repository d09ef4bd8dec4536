"""Chat over the websocket: membership on every frame, no spoofed authors, live fan-out, typing, idempotency."""

import pytest
from channels.db import database_sync_to_async
from django.core.cache import cache

from chat import handlers, rooms
from chat.models import Message, Room
from realtime.models import Notification
from tests.chat.wsutil import connect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def team_room(org):
    return Room.objects.get(team=org.payroll_team)


async def test_members_chat_live_and_a_stranger_sees_nothing(team_room, users):
    aino = await connect(users["aino"], [team_room])
    matti = await connect(users["matti"], [team_room])
    stranger = await connect(users["sanna"])
    answer = await stranger.request(type="chat.subscribe", rooms=[team_room.pk, 999999])
    assert answer["rooms"] == [] and answer["forbidden"] == [team_room.pk, 999999]

    ack = await aino.request(
        type="chat.send",
        room=team_room.pk,
        body="Hei tiimi! 👋 Åsa ja Öljy",
        client_id="a1",
        author=users["matti"].pk,
    )  # an "author" field is ignored: the socket's user writes
    assert ack["type"] == "chat.ack" and ack["seq"] == 1 and not ack["duplicate"]
    got = await matti.wait_for("chat.message")
    assert got["message"]["body"] == "Hei tiimi! 👋 Åsa ja Öljy"
    assert got["message"]["author"]["username"] == "aino.virtanen"
    stored = await database_sync_to_async(Message.objects.get)(pk=ack["id"])
    assert stored.author_id == users["aino"].pk

    for frame in (
        {"type": "chat.send", "room": team_room.pk, "body": "Saanko tulla?", "client_id": "s1"},
        {"type": "chat.typing", "room": team_room.pk},
        {"type": "chat.read", "room": team_room.pk, "seq": 1},
        {"type": "chat.react", "message": ack["id"], "emoji": "👍"},
        {"type": "chat.edit", "message": ack["id"], "body": "kaapattu"},
        {"type": "chat.delete", "message": ack["id"]},
    ):
        answer = await stranger.request(**frame)
        assert answer["type"] == "error" and answer["code"] in {"not_member", "not_author"}, (frame, answer)
    assert await stranger.nothing()
    assert await database_sync_to_async(Message.objects.count)() == 1
    for client in (aino, matti, stranger):
        await client.close()


async def test_only_the_author_edits_and_deletes_and_owners_moderate(users):
    room = await database_sync_to_async(rooms.create_room)(
        user=users["aino"], name="Projekti", member_ids=[users["matti"].pk, users["pekka"].pk]
    )
    aino = await connect(users["aino"], [room])
    matti = await connect(users["matti"], [room])
    ack = await matti.request(type="chat.send", room=room.pk, body="Luonnos valmis", client_id="m1")
    refused = await aino.request(type="chat.edit", message=ack["id"], body="Ei ole")
    assert refused["code"] == "not_author"
    assert (await matti.request(type="chat.edit", message=ack["id"], body="Luonnos 2 valmis"))[
        "type"
    ] == "chat.ok"
    update = await aino.wait_for("chat.update")
    assert update["message"]["body"] == "Luonnos 2 valmis" and update["message"]["edited"]
    pekka = await connect(users["pekka"], [room])
    assert (await pekka.request(type="chat.delete", message=ack["id"]))["code"] == "not_author"
    assert (await aino.request(type="chat.delete", message=ack["id"]))["type"] == "chat.ok"  # owner moderates
    deleted = await pekka.wait_for("chat.update")
    assert deleted["message"]["deleted"] and deleted["message"]["body"] == ""
    for client in (aino, matti, pekka):
        await client.close()


async def test_resend_with_the_same_client_id_is_stored_and_broadcast_once(team_room, users):
    aino = await connect(users["aino"], [team_room])
    matti = await connect(users["matti"], [team_room])
    first = await aino.request(type="chat.send", room=team_room.pk, body="Kerran vain", client_id="same-1")
    second = await aino.request(type="chat.send", room=team_room.pk, body="Kerran vain", client_id="same-1")
    assert first["id"] == second["id"] and second["duplicate"]
    await matti.wait_for("chat.message")
    assert await matti.nothing()
    assert await database_sync_to_async(Message.objects.count)() == 1
    await aino.close()
    await matti.close()


async def test_typing_is_throttled_not_stored_and_silent_in_big_rooms(team_room, users, monkeypatch):
    aino = await connect(users["aino"], [team_room])
    matti = await connect(users["matti"], [team_room])
    await aino.send(type="chat.typing", room=team_room.pk)
    typing = await matti.wait_for("chat.typing")
    assert typing["user"]["username"] == "aino.virtanen" and typing["room"] == team_room.pk
    await aino.wait_for("chat.typing")  # her own echo: the page ignores its own user
    await aino.send(type="chat.typing", room=team_room.pk)  # within the throttle window
    assert await matti.nothing()
    assert await database_sync_to_async(Message.objects.count)() == 0
    monkeypatch.setattr(handlers, "TYPING_MAX_MEMBERS", 2)  # the payroll room has 3 members
    await matti.send(type="chat.typing", room=team_room.pk)
    assert await aino.nothing()
    await aino.close()
    await matti.close()


async def test_a_removed_member_stops_receiving_at_once(users):
    room = await database_sync_to_async(rooms.create_room)(
        user=users["aino"], name="Salainen", member_ids=[users["matti"].pk]
    )
    aino = await connect(users["aino"], [room])
    matti = await connect(users["matti"], [room])
    await database_sync_to_async(rooms.remove_member)(
        user=users["aino"], room_id=room.pk, member_id=users["matti"].pk
    )
    left = await matti.wait_for("chat.membership", joined=False)
    assert left["user"] == users["matti"].pk
    await aino.request(type="chat.send", room=room.pk, body="Nyt voi puhua", client_id="x")
    chat_frames = [f["type"] for f in await matti.drain() if f["type"].startswith("chat.")]
    assert chat_frames in ([], ["chat.membership"])  # the user topic's copy
    refused = await matti.request(type="chat.send", room=room.pk, body="Olen vielä täällä", client_id="y")
    assert refused["code"] == "not_member"
    await aino.close()
    await matti.close()


async def test_mentions_arrive_live_and_in_the_list_also_when_added_by_edit(team_room, users):
    aino = await connect(users["aino"], [team_room])
    pekka = await connect(users["pekka"])
    ack = await aino.request(type="chat.send", room=team_room.pk, body="Katsotaan huomenna", client_id="m")
    await aino.request(type="chat.edit", message=ack["id"], body="Katsotaan huomenna @pekka.ohman")
    mention = await pekka.wait_for("chat.mention")
    assert mention["mention"]["room"] == team_room.pk and mention["mention"]["seq"] == 1
    await aino.request(type="chat.edit", message=ack["id"], body="Katsotaan ylihuomenna @pekka.ohman")
    assert await pekka.nothing(0.5)
    notified = await database_sync_to_async(
        lambda: list(Notification.objects.values_list("recipient__username", flat=True))
    )()
    assert notified == ["pekka.ohman"]
    await aino.close()
    await pekka.close()


async def test_read_marker_reaches_my_other_tabs_and_the_room(team_room, users):
    aino = await connect(users["aino"], [team_room])
    matti_phone = await connect(users["matti"])
    await aino.request(type="chat.send", room=team_room.pk, body="Luettavaa", client_id="r")
    matti_desk = await connect(users["matti"], [team_room])
    answer = await matti_desk.request(type="chat.read", room=team_room.pk, seq=1)
    assert answer["read_seq"] == 1
    mine = await matti_phone.wait_for("chat.read")
    assert mine == {"type": "chat.read", "room": team_room.pk, "user": users["matti"].pk, "seq": 1}
    assert (await aino.wait_for("chat.read"))["user"] == users["matti"].pk
    for client in (aino, matti_phone, matti_desk):
        await client.close()


@pytest.mark.parametrize(
    "frame",
    [
        {"type": "chat.send", "room": "1", "body": "x"},
        {"type": "chat.send", "room": 1, "body": {"a": 1}},
        {"type": "chat.send", "room": True, "body": "x"},
        {"type": "chat.subscribe", "rooms": "all"},
        {"type": "chat.subscribe", "rooms": list(range(1, 200))},
        {"type": "chat.react", "message": 1, "emoji": "x", "add": "yes"},
        {"type": "chat.read", "room": 1, "seq": -1},
        {"type": "chat.typing"},
    ],
)
async def test_malformed_chat_frames_get_errors_and_the_socket_stays(team_room, users, frame):
    aino = await connect(users["aino"], [team_room])
    answer = await aino.request(**frame)
    assert answer["type"] == "error" and answer["code"] and answer["message"]
    assert (await aino.request(type="ping"))["type"] == "pong"
    await aino.close()
