"""Hypothesis: whatever a client sends as a presence frame, the consumer answers and stays usable."""

import json

import pytest
from channels.db import database_sync_to_async
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import PersonFactory, UserFactory
from tests.realtime.helpers import connect, next_frame

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)
frames = st.fixed_dictionaries(
    {
        "type": st.sampled_from(
            [
                "presence.set",
                "presence.activity",
                "presence.query",
                "subscribe",
                "unsubscribe",
                "worklocation.set",
                "ping",
                "presence.nonsense",
            ]
        )
    },
    optional={
        "status": json_values,
        "state": json_values,
        "text": json_values,
        "emoji": json_values,
        "until": json_values,
        "hidden": json_values,
        "users": json_values,
        "topics": json_values,
        "kind": json_values,
        "location": json_values,
        "note": json_values,
        "v": json_values,
        "ref": st.text(max_size=10),
    },
)


@database_sync_to_async
def a_user():
    user = UserFactory()
    PersonFactory(user=user)
    return user


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    batch=st.lists(
        frames | st.text(min_size=1, max_size=50).map(lambda t: {"raw": t}), min_size=1, max_size=8
    )
)
async def test_random_presence_frames_never_break_the_socket(batch):
    ws = await connect(await a_user())
    for frame in batch:
        await ws.send_to(text_data=frame["raw"] if "raw" in frame else json.dumps(frame))
    await ws.send_json_to({"type": "ping", "ref": "last"})
    answers = []
    while True:
        answer = await next_frame(ws, timeout=5)
        answers.append(answer)
        if answer.get("ref") == "last":
            break
    assert answers[-1]["type"] == "pong"
    assert not [a for a in answers if a.get("code") == "server_error"], answers
    await ws.disconnect()
