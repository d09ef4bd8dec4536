"""Sockets follow the session (docs/access.md, "Socket lifetime"), in one process: logout, a password change,
deactivation, a removed role and an expired session end the person's open websocket within seconds, and a
chat message sent on it afterwards is never stored.

Everything goes through the real paths: the login session made by Django's test client, the real logout and
password-change views, the ORM saves an admin would make. With REDIS_URL set the events cross Redis; the
two-process version is tests/realtime/test_socket_lifetime_servers.py.
"""

import asyncio
import json

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from chat.models import Message, Room
from core import roles
from intranet.asgi import application
from realtime.session_guard import CLOSE_RECONNECT, CLOSE_SIGNED_OUT
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_PASSWORD = "Uusi-pitka-salasana-2026"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


async def open_socket(client: Client, room=None) -> WebsocketCommunicator:
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    ws = WebsocketCommunicator(
        application,
        "/ws/",
        headers=[
            (b"origin", b"http://127.0.0.1:8000"),
            (b"host", b"127.0.0.1:8000"),
            (b"cookie", cookie.encode()),
        ],
    )
    connected, _ = await ws.connect()
    assert connected
    await until(ws, lambda frame: frame.get("type") == "hello")
    if room is not None:
        await ws.send_to(text_data=json.dumps({"type": "chat.subscribe", "rooms": [room.pk], "ref": "s"}))
        await until(ws, lambda frame: frame.get("type") == "chat.subscribed")
    return ws


async def until(ws, predicate, timeout=5.0):
    """Outputs until one is a frame satisfying ``predicate``; a close fails the test."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        # receive_nothing, not a receive with a timeout: a timed-out receive cancels the application.
        if await ws.receive_nothing(timeout=0.02, interval=0.005):
            continue
        output = await ws.receive_output()
        assert output["type"] == "websocket.send", output
        frame = json.loads(output["text"])
        if predicate(frame):
            return frame
    raise AssertionError("no such frame")


async def close_code(ws, timeout=5.0):
    """The code the server closes the socket with within ``timeout`` s, or None if it stays open."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if await ws.receive_nothing(timeout=0.02, interval=0.005):
            continue
        output = await ws.receive_output()
        if output["type"] == "websocket.close":
            return output.get("code")
    return None


async def post_after(ws, room, body):
    """Send a chat message on a socket that should be dead, then give it time to be (not) stored."""
    await ws.send_to(
        text_data=json.dumps(
            {
                "type": "chat.send",
                "room": room.pk,
                "body": body,
                "client_id": f"late-{abs(hash(body))}",
                "ref": "late",
            }
        )
    )
    await asyncio.sleep(0.3)
    return await database_sync_to_async(Message.objects.filter(body=body).exists)()


@pytest.fixture
def team_room(org):
    return Room.objects.get(team=org.payroll_team)


@pytest.fixture
def aino(org):
    return org.people["aino"].user


async def test_logout_closes_that_sessions_socket_and_a_later_message_is_not_stored(aino, team_room):
    laptop, phone = [await database_sync_to_async(signed_in)(aino) for _device in range(2)]
    laptop_ws, phone_ws = await open_socket(laptop, team_room), await open_socket(phone, team_room)

    response = await database_sync_to_async(laptop.post)("/kirjaudu-ulos/")
    assert response.status_code == 302
    assert not await post_after(laptop_ws, team_room, "kirjauduttu ulos")  # sent at once: refused
    assert await close_code(laptop_ws) == CLOSE_SIGNED_OUT
    # The phone's session was not signed out: its socket still works.
    await phone_ws.send_to(
        text_data=json.dumps(
            {"type": "chat.send", "room": team_room.pk, "body": "puhelimesta", "client_id": "p1", "ref": "p1"}
        )
    )
    assert (await until(phone_ws, lambda frame: frame.get("ref") == "p1"))["type"] == "chat.ack"
    assert await laptop_ws.receive_nothing(
        timeout=0.3
    )  # the room's messages no longer reach the ended socket
    await phone_ws.disconnect()


async def test_a_password_change_closes_the_persons_other_sockets(aino, team_room):
    laptop, phone = [await database_sync_to_async(signed_in)(aino) for _device in range(2)]
    phone_ws = await open_socket(phone, team_room)

    response = await database_sync_to_async(laptop.post)(
        "/salasana/vaihda/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert await close_code(phone_ws) == CLOSE_SIGNED_OUT
    assert not await post_after(phone_ws, team_room, "vanhalla salasanalla")
    # The session that changed the password stays signed in (Django's update_session_auth_hash): a new
    # socket with it is accepted.
    laptop_ws = await open_socket(laptop)
    await laptop_ws.disconnect()


async def test_deactivation_closes_every_socket_of_the_person(aino, team_room):
    client = await database_sync_to_async(signed_in)(aino)
    ws = await open_socket(client, team_room)

    aino.is_active = False
    await database_sync_to_async(aino.save)()
    assert await close_code(ws) == CLOSE_SIGNED_OUT
    assert not await post_after(ws, team_room, "poistettu käyttäjä")


async def test_a_removed_role_closes_the_sockets_to_reconnect_and_an_added_one_does_not(aino):
    group = await database_sync_to_async(Group.objects.get)(name=roles.COMMUNICATION_APPROVERS)
    await database_sync_to_async(aino.groups.add)(group)
    client = await database_sync_to_async(signed_in)(aino)
    ws = await open_socket(client)

    other = await database_sync_to_async(Group.objects.get)(name=roles.COMMUNICATION)
    await database_sync_to_async(other.user_set.add)(aino)
    assert await close_code(ws, timeout=0.5) is None

    # From the group's side, as the admin's group form does it.
    await database_sync_to_async(group.user_set.remove)(aino)
    assert await close_code(ws) == CLOSE_RECONNECT
    ws = await open_socket(client)  # the session is still valid: the browser's reconnect is accepted
    await database_sync_to_async(aino.groups.clear)()
    assert await close_code(ws) == CLOSE_RECONNECT


async def test_an_expired_session_closes_its_socket_at_the_next_check(aino, team_room, settings):
    settings.REALTIME_SESSION_RECHECK = 0.2
    client = await database_sync_to_async(signed_in)(aino)
    ws = await open_socket(client, team_room)
    assert await close_code(ws, timeout=0.5) is None  # checked, still valid

    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    await database_sync_to_async(Session.objects.filter(pk=key).update)(
        expire_date=timezone.now() - timezone.timedelta(seconds=1)
    )
    assert await close_code(ws) == CLOSE_SIGNED_OUT
    assert not await post_after(ws, team_room, "vanhentunut istunto")
