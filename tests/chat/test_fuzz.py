"""Hypothesis throws random chat frames at the socket: no crash, an answer for each, nobody else affected."""

import json

import pytest
from asgiref.sync import async_to_sync
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chat.models import Message, Room
from tests.chat.wsutil import connect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHAT_TYPES = [
    "chat.send",
    "chat.edit",
    "chat.delete",
    "chat.react",
    "chat.read",
    "chat.unread",
    "chat.typing",
    "chat.subscribe",
    "chat.unsubscribe",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True),
    st.text(max_size=50),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
FIELDS = [
    "room",
    "rooms",
    "body",
    "client_id",
    "reply_to",
    "attachments",
    "message",
    "emoji",
    "add",
    "seq",
    "ref",
    "v",
    "author",
]


@st.composite
def frames(draw, room_ids):
    frame = {"type": draw(st.sampled_from(CHAT_TYPES + ["ping", "subscribe", "nonsense"]))}
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=6, unique=True)):
        frame[name] = draw(
            st.one_of(
                values,
                st.sampled_from(room_ids),
                st.just([room_ids[0]]),
                st.text(alphabet="äöå👍 \n<>&\x00", max_size=20),
            )
        )
    return frame


def test_random_frames_never_break_the_socket_or_reach_others(org, users):
    room = Room.objects.get(team=org.payroll_team)
    other = Room.objects.get(team=org.taimi_team)  # aino is not a member
    room_ids = [room.pk, other.pk, 10**9]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(frames(room_ids), min_size=1, max_size=6))
    def check(batch):
        cache.clear()
        async_to_sync(exchange)(batch)

    async def exchange(batch):
        aino = await connect(users["aino"], [room])
        sanna = await connect(users["sanna"], [other])
        for frame in batch:
            frame.pop("ref", None)
            if frame["type"] == "chat.typing":  # answered only when refused; a valid one is silent
                await aino.send(**frame, ref="fz")
                errors = [f for f in await aino.drain(0.05) if f["type"] == "error"]
                assert all(e["code"] != "server_error" for e in errors), (frame, errors)
                continue
            answer = await aino.request(**frame, ref="fz")
            assert answer["type"] in {
                "error",
                "chat.ack",
                "chat.ok",
                "chat.subscribed",
                "chat.unsubscribed",
                "pong",
                "subscribed",
            }, (frame, answer)
            if answer["type"] == "error":
                assert answer["code"] != "server_error", (frame, answer)
                assert isinstance(answer["message"], str) and answer["message"]
        assert (await aino.request(type="ping"))["type"] == "pong"
        # Someone else, in a room aino cannot reach, is unaffected and saw nothing of it.
        ack = await sanna.request(type="chat.send", room=other.pk, body="Toimii yhä", client_id=None)
        assert ack["type"] == "chat.ack"
        seen = [
            f
            for f in await sanna.drain(0.1)
            if f["type"].startswith("chat.")
            and f.get("room") != other.pk
            and (f.get("message") or {}).get("room") != other.pk
        ]
        assert seen == [], seen
        await aino.close()
        await sanna.close()

    check()
    # Everything aino managed to store is hers and in her room.
    assert not Message.objects.filter(room=other).exclude(author=users["sanna"]).exists()
    assert json.dumps(list(Message.objects.values_list("body", flat=True)), ensure_ascii=False)
