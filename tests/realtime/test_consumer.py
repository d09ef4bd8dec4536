"""The websocket endpoint: session authentication, origin checks and frame validation."""

import json

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from intranet.asgi import application
from realtime import hub
from realtime.consumers import CLOSE_UNAUTHENTICATED, user_group
from realtime.protocol import MAX_FRAME_BYTES
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@database_sync_to_async
def session_cookie_for(username: str) -> tuple[int, str]:
    return session_cookie_of(UserFactory(username=username))


def session_cookie_of(user) -> tuple[int, str]:
    """A logged-in session for an existing user, as the browser's cookie header value."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return user.pk, f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def communicator(cookie: str | None = None, origin: str = "http://127.0.0.1:8000"):
    headers = [(b"origin", origin.encode()), (b"host", b"127.0.0.1:8000")]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, "/ws/", headers=headers)


async def test_signed_in_user_is_greeted_and_answered():
    _user_id, cookie = await session_cookie_for("aino")
    ws = communicator(cookie)
    connected, _ = await ws.connect()
    assert connected
    hello = await ws.receive_json_from()
    assert {key: hello[key] for key in ("type", "v", "user", "user_id", "unread_notifications")} == {
        "type": "hello",
        "v": 1,
        "user": "aino",
        "user_id": _user_id,
        "unread_notifications": 0,
    }
    assert hello["presence"]["status"] == "online"
    await ws.send_json_to({"type": "ping", "ref": 7})
    assert await ws.receive_json_from() == {"type": "pong", "ref": "7"}
    await ws.disconnect()


async def test_anonymous_connection_is_closed_with_a_reason():
    ws = communicator()
    await ws.connect()
    assert await ws.receive_output() == {"type": "websocket.close", "code": CLOSE_UNAUTHENTICATED}


async def test_foreign_origin_is_refused():
    _user_id, cookie = await session_cookie_for("aino")
    ws = communicator(cookie, origin="https://evil.example")
    connected, _ = await ws.connect()
    assert not connected


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("not json", "invalid_json"),
        ("[1, 2]", "invalid_frame"),
        ('{"no": "type"}', "invalid_frame"),
        ('{"type": "launch_missiles"}', "unknown_type"),
        ('{"type": "ping", "ref": {"a": 1}}', "invalid_frame"),
        (json.dumps({"type": "ping", "pad": "x" * MAX_FRAME_BYTES}), "frame_too_large"),
    ],
)
async def test_bad_frames_get_an_error_and_the_connection_stays_open(frame, code):
    _user_id, cookie = await session_cookie_for("aino")
    ws = communicator(cookie)
    await ws.connect()
    await ws.receive_json_from()  # hello
    await ws.send_to(text_data=frame)
    error = await ws.receive_json_from()
    assert error["type"] == "error" and error["code"] == code and error["message"]
    await ws.send_json_to({"type": "ping"})
    assert (await ws.receive_json_from())["type"] == "pong"
    await ws.disconnect()


async def test_binary_frames_are_refused_politely():
    _user_id, cookie = await session_cookie_for("aino")
    ws = communicator(cookie)
    await ws.connect()
    await ws.receive_json_from()
    await ws.send_to(bytes_data=b"\x00\x01")
    assert (await ws.receive_json_from())["code"] == "binary_not_supported"
    await ws.disconnect()


async def test_frames_pushed_to_a_user_reach_all_their_connections():
    user_id, cookie = await session_cookie_for("aino")
    tabs = [communicator(cookie), communicator(cookie)]
    for tab in tabs:
        await tab.connect()
        await tab.receive_json_from()
    await hub.apublish(user_group(user_id), '{"type": "notice"}')
    for tab in tabs:
        assert await tab.receive_json_from() == {"type": "notice"}
        await tab.disconnect()


async def test_a_frame_broadcast_while_connecting_comes_after_the_accept_and_hello(monkeypatch):
    """A broadcast that reaches a socket during its connect hooks (subscribed, not yet accepted) is held
    and sent after hello, in order; it never overtakes the accept (a burst of people connecting at once
    made presence frames arrive before the accept)."""
    from realtime import dispatch

    user_id, cookie = await session_cookie_for("aino")

    async def broadcast_during_connect(conn):
        await hub.apublish(user_group(user_id), '{"type": "notice", "n": 1}')
        await hub.apublish(user_group(user_id), '{"type": "notice", "n": 2}')
        return {}

    monkeypatch.setattr(dispatch, "CONNECT_HOOKS", [*dispatch.CONNECT_HOOKS, broadcast_during_connect])
    ws = communicator(cookie)
    connected, _ = await ws.connect()
    assert connected
    assert (await ws.receive_json_from())["type"] == "hello"
    assert await ws.receive_json_from() == {"type": "notice", "n": 1}
    assert await ws.receive_json_from() == {"type": "notice", "n": 2}
    await ws.disconnect()
