"""An SSO session's open sockets close when the session ends: logout, or a disabled account at refresh.

Both paths end the session with Django's ``logout()`` (sso.views); closing the sockets on
``user_logged_out`` is the realtime layer's part (realtime/session_signals.py).
"""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from django.conf import settings

from tests.realtime.test_consumer import communicator
from tests.sso.fixtures import idp, sign_in, sso_on  # noqa: F401 - fixtures

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


async def _open_socket(client, provider):
    _answer, browser = await sync_to_async(sign_in)(client, provider, "henkilo")
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    ws = communicator(cookie)
    connected, _ = await ws.connect()
    assert connected
    assert (await ws.receive_json_from())["type"] == "hello"
    return ws, browser


async def _assert_closed(ws):
    while True:
        output = await ws.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            return


async def test_logout_closes_the_open_sockets(client, sso_on):  # noqa: F811 - fixtures
    ws, _browser = await _open_socket(client, sso_on)
    await sync_to_async(client.post)("/kirjaudu-ulos/")
    try:
        await _assert_closed(ws)
    finally:
        await ws.disconnect()


async def test_a_disabled_account_at_refresh_closes_the_open_sockets(client, sso_on):  # noqa: F811 - fixtures
    from tests.sso.test_lifetime import expire_refresh, refresh

    ws, browser = await _open_socket(client, sso_on)
    await sync_to_async(sso_on.set_user)("henkilo", enabled=False)
    await sync_to_async(expire_refresh)(client)
    back = await sync_to_async(refresh)(client, browser)
    assert back["Location"] == "/sso/virhe/?syy=refresh"
    try:
        await _assert_closed(ws)
    finally:
        await ws.disconnect()
    await asyncio.sleep(0)
