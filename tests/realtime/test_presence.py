"""Presence over the websocket: who sees what, several tabs, manual and hidden status, expiry, coalescing."""

import asyncio
import datetime

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from presence import state
from presence.publisher import PUBLISHER
from presence.store import get_store
from tests.factories import LocationFactory, MembershipFactory, PersonFactory, TeamFactory, UserFactory
from tests.realtime.helpers import connect, frames_until, next_frame, request, status_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@database_sync_to_async
def people(*names, team=True):
    """Users with profiles; with ``team`` all of them in one team. Returns (users, team)."""
    the_team = TeamFactory() if team else None
    users = []
    for name in names:
        user = UserFactory(username=name, first_name=name.capitalize())
        person = PersonFactory(user=user)
        if the_team:
            MembershipFactory(team=the_team, person=person)
        users.append(user)
    return users, the_team


def people_of(frame):
    return frame.get("people", {})


async def watch(ws, *topics):
    answer = await request(ws, {"type": "subscribe", "topics": list(topics)})
    assert answer["type"] == "subscribed"
    return answer


async def test_a_watcher_sees_a_person_come_online_and_go_offline():
    (aino, bert), _team = await people("aino", "bert", team=False)
    b = await connect(bert)
    await watch(b, f"presence.user.{aino.pk}")
    a = await connect(aino)
    frame, _ = await frames_until(b, status_of(aino.pk))
    assert people_of(frame)[str(aino.pk)]["status"] == "online"
    await a.disconnect()
    frame, _ = await frames_until(
        b, lambda f: status_of(aino.pk)(f) and people_of(f)[str(aino.pk)]["status"] == "offline"
    )
    await b.disconnect()


async def test_team_mates_see_each_other_without_subscribing_and_others_do_not():
    (aino, bert), _team = await people("aino", "bert")
    (outsider,), _ = await people("olli", team=False)
    b = await connect(bert)
    o = await connect(outsider)
    a = await connect(aino)
    frame, _ = await frames_until(b, status_of(aino.pk))
    assert people_of(frame)[str(aino.pk)]["status"] == "online"
    assert await o.receive_nothing(timeout=0.2)
    for ws in (a, b, o):
        await ws.disconnect()


async def test_the_most_available_tab_wins():
    (aino, bert), _team = await people("aino", "bert")
    b = await connect(bert)
    tab1, tab2 = await connect(aino), await connect(aino)
    await frames_until(b, status_of(aino.pk))
    await tab1.send_json_to({"type": "presence.activity", "state": "away"})
    await asyncio.sleep(0.15)
    assert get_store().read([aino.pk])[aino.pk]["status"] == "online"  # tab2 is still in use
    await tab2.send_json_to({"type": "presence.activity", "state": "away"})
    frame, _ = await frames_until(
        b, lambda f: status_of(aino.pk)(f) and people_of(f)[str(aino.pk)]["status"] == "away"
    )
    await tab1.send_json_to({"type": "presence.activity", "state": "online"})
    await frames_until(
        b, lambda f: status_of(aino.pk)(f) and people_of(f)[str(aino.pk)]["status"] == "online"
    )
    await tab1.disconnect()  # the online tab closes: the remaining one is away
    await frames_until(b, lambda f: status_of(aino.pk)(f) and people_of(f)[str(aino.pk)]["status"] == "away")
    for ws in (tab2, b):
        await ws.disconnect()


async def test_manual_status_and_custom_status_reach_watchers_and_all_own_tabs():
    (aino, bert), _team = await people("aino", "bert")
    b = await connect(bert)
    a1, a2 = await connect(aino), await connect(aino)
    until = (timezone.now() + datetime.timedelta(hours=1)).isoformat()
    answer = await request(
        a1, {"type": "presence.set", "status": "dnd", "text": "Lounaalla", "emoji": "🍜", "until": until}
    )
    assert answer["type"] == "presence.ok"
    frame, _ = await frames_until(
        b, lambda f: status_of(aino.pk)(f) and people_of(f)[str(aino.pk)]["status"] == "dnd"
    )
    seen = people_of(frame)[str(aino.pk)]
    assert seen["text"] == "Lounaalla" and seen["emoji"] == "🍜" and seen["until"]
    own, _ = await frames_until(a2, lambda f: f["type"] == "presence.self" and f["status"] == "dnd")
    assert own["text"] == "Lounaalla"
    for ws in (a1, a2, b):
        await ws.disconnect()


def test_an_expired_custom_status_is_not_shown():
    now = 1_000_000.0
    status = {"text": "Koulutuksessa", "emoji": "📚", "until": now - 1}
    assert state.effective(["online"], status, now) == {
        "status": "online",
        "text": "",
        "emoji": "",
        "until": None,
        "hidden": False,
    }
    status["until"] = now + 60
    assert state.effective(["online"], status, now)["text"] == "Koulutuksessa"


async def test_hidden_presence_looks_offline_to_others_but_the_person_sees_everyone():
    (aino, bert), _team = await people("aino", "bert")
    a = await connect(aino)
    b = await connect(bert)
    await frames_until(a, status_of(bert.pk))
    answer = await request(a, {"type": "presence.set", "hidden": True, "text": "salainen"})
    assert answer["type"] == "presence.ok"
    frame, _ = await frames_until(
        b, lambda f: status_of(aino.pk)(f) and people_of(f)[str(aino.pk)]["status"] == "offline"
    )
    assert people_of(frame)[str(aino.pk)]["text"] == ""  # no custom status leaks either
    own, _ = await frames_until(a, lambda f: f["type"] == "presence.self" and f["hidden"])
    assert own["status"] == "online"
    snapshot = await request(b, {"type": "presence.query", "users": [aino.pk]})
    assert snapshot["people"][str(aino.pk)]["status"] == "offline"
    # …and she still sees Bert.
    snapshot = await request(a, {"type": "presence.query", "users": [bert.pk]})
    assert snapshot["people"][str(bert.pk)]["status"] == "online"
    # A new tab of hers stays hidden (the setting is stored, not per socket).
    a2 = await connect(aino)
    assert a2.hello["presence"]["hidden"] is True
    for ws in (a, a2, b):
        await ws.disconnect()


async def test_who_may_subscribe_to_what():
    (aino, bert), team = await people("aino", "bert")
    location = await database_sync_to_async(LocationFactory)()
    a = await connect(aino)
    answer = await request(
        a,
        {
            "type": "subscribe",
            "topics": [
                f"presence.user.{bert.pk}",
                f"presence.team.{team.pk}",
                f"presence.location.{location.pk}",
                f"user.{bert.pk}",  # someone else's private topic
                "presence.team.999999",  # no such team
                "presence.user.abc",
                "everything",
                "presence.user.",
            ],
        },
    )
    assert answer["topics"] == [
        f"presence.user.{bert.pk}",
        f"presence.team.{team.pk}",
        f"presence.location.{location.pk}",
    ]
    assert set(answer["forbidden_topics"]) == {
        f"user.{bert.pk}",
        "presence.team.999999",
        "presence.user.abc",
        "everything",
        "presence.user.",
    }
    too_many = await request(a, {"type": "subscribe", "topics": [f"presence.user.{n}" for n in range(101)]})
    assert too_many["type"] == "error" and too_many["code"] == "invalid_frame"
    await a.disconnect()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ({"type": "presence.activity", "state": "asleep"}, "invalid_frame"),
        ({"type": "presence.activity"}, "invalid_frame"),
        ({"type": "presence.set", "status": "invisible"}, "invalid_frame"),
        ({"type": "presence.set", "text": "x" * 101}, "invalid_frame"),
        ({"type": "presence.set", "text": 5}, "invalid_frame"),
        ({"type": "presence.set", "hidden": "yes"}, "invalid_frame"),
        ({"type": "presence.set", "until": "tomorrow"}, "invalid_frame"),
        ({"type": "presence.set", "text": "x", "until": "2001-01-01T00:00:00+00:00"}, "invalid_value"),
        ({"type": "presence.set", "emoji": "abc"}, "invalid_value"),
        ({"type": "presence.set"}, "invalid_frame"),
        ({"type": "presence.query", "users": ["1"]}, "invalid_frame"),
        ({"type": "presence.query", "users": list(range(1, 300))}, "invalid_frame"),
        ({"type": "subscribe", "topics": "presence.user.1"}, "invalid_frame"),
        ({"type": "worklocation.set", "kind": "moon"}, "invalid_frame"),
        ({"type": "worklocation.set", "kind": "office"}, "invalid_frame"),
        ({"type": "worklocation.set", "kind": "office", "location": 999999}, "invalid_value"),
        ({"type": "ping", "v": 2}, "unsupported_version"),
    ],
)
async def test_bad_presence_frames_get_an_error_and_change_nothing(frame, code):
    (aino,), _team = await people("aino", team=False)
    a = await connect(aino)
    answer = await request(a, frame)
    assert answer["type"] == "error" and answer["code"] == code and answer["message"], answer
    assert (await request(a, {"type": "ping"}))["type"] == "pong"
    own = await request(a, {"type": "presence.query", "users": [aino.pk]})
    assert own["people"][str(aino.pk)] == {"status": "online", "text": "", "emoji": "", "until": None}
    await a.disconnect()


async def test_a_killed_process_users_go_offline_after_the_expiry(monkeypatch):
    """A connection whose process died is never refreshed: watchers see its user offline after EXPIRY."""
    monkeypatch.setattr(state, "EXPIRY", 0.5)
    monkeypatch.setattr(state, "AUDIT", 0.1)
    monkeypatch.setattr(state, "REFRESH", 0.15)
    (aino, bert), team = await people("aino", "bert")
    b = await connect(bert)
    # Aino's tab lives in a process that then dies: its entry is in the store, nobody refreshes it.
    await get_store().aconnect("dead-process.1", aino.pk, "online", {"teams": [team.pk]})
    PUBLISHER.changed(aino.pk)
    await frames_until(
        b, lambda f: status_of(aino.pk)(f) and people_of(f)[str(aino.pk)]["status"] == "online"
    )
    frame, _ = await frames_until(
        b, lambda f: status_of(aino.pk)(f) and people_of(f)[str(aino.pk)]["status"] == "offline", timeout=3
    )
    # Bert's own connection is refreshed by his live process and stays online.
    assert get_store().read([bert.pk])[bert.pk]["status"] == "online"
    await b.disconnect()


async def test_a_burst_of_people_becomes_few_frames_for_a_watcher(monkeypatch):
    monkeypatch.setattr(state, "FLUSH", 0.3)
    names = [f"p{n}" for n in range(15)]
    users, team = await people("watcher", *names)
    watcher = await connect(users[0])
    others = await asyncio.gather(*(connect(user) for user in users[1:]))
    seen_online = set()
    frames = 0
    while len(seen_online) < len(names):
        frame = await next_frame(watcher, timeout=3)
        if frame["type"] == "presence":
            frames += 1
            seen_online.update(uid for uid, value in people_of(frame).items() if value["status"] == "online")
    assert frames <= 3, f"{frames} frames for {len(names)} people"
    for ws in [watcher, *others]:
        await ws.disconnect()


async def test_min_gap_limits_updates_per_person_and_the_latest_state_wins(monkeypatch):
    monkeypatch.setattr(state, "MIN_GAP", 0.6)
    (aino, bert), _team = await people("aino", "bert")
    b = await connect(bert)
    a = await connect(aino)
    await frames_until(b, status_of(aino.pk))
    for value in ["away", "online", "away", "online", "away"]:
        await a.send_json_to({"type": "presence.activity", "state": value})
    await asyncio.sleep(0.3)
    assert await b.receive_nothing(timeout=0.1)  # held back within the gap
    frame, seen = await frames_until(b, status_of(aino.pk), timeout=2)
    assert people_of(frame)[str(aino.pk)]["status"] == "away"
    assert len([f for f in seen if status_of(aino.pk)(f)]) == 1
    for ws in (a, b):
        await ws.disconnect()
