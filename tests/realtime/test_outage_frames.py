"""A frame whose handler meets an outage (the database or Redis away) is answered "unavailable" with the
frame's ref, so the browser can send it again without reconnecting (docs/resilience.md)."""

import pytest
from channels.db import database_sync_to_async
from django.db import OperationalError

from realtime import dispatch
from tests.factories import UserFactory
from tests.realtime.helpers import connect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def test_an_outage_in_a_handler_is_unavailable_with_the_frames_ref(monkeypatch):
    """Before, the answer was server_error without the ref: chat.js could not tell which message failed
    and kept it unsent until the socket reconnected."""

    async def refused(conn, frame):
        raise OperationalError("could not connect to server: Connection refused")

    async def bug(conn, frame):
        raise ZeroDivisionError

    user = await database_sync_to_async(UserFactory)(username="katkos")
    ws = await connect(user)
    monkeypatch.setitem(dispatch.HANDLERS, "ping", dispatch.Handler("ping", refused))
    await ws.send_json_to({"type": "ping", "ref": "m-1"})
    answer = await ws.receive_json_from()
    assert (answer["type"], answer["code"], answer["ref"]) == ("error", "unavailable", "m-1")
    monkeypatch.setitem(dispatch.HANDLERS, "ping", dispatch.Handler("ping", bug))
    await ws.send_json_to({"type": "ping", "ref": "m-2"})
    answer = await ws.receive_json_from()
    assert (answer["code"], answer["ref"]) == ("server_error", "m-2")  # a bug is still a bug
    await ws.disconnect()
