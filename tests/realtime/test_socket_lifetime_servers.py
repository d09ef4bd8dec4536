"""Sockets follow the session across processes: two real Daphne workers sharing Redis (as in production),
and a third process standing for the admin or the job worker. A logout or password change on one worker
ends the person's sockets on both; a deactivation, a removed role or an expired session, made elsewhere,
ends them too; and a chat message sent on such a socket is never stored.

The browser side is plain HTTP (the real login form, CSRF tokens and all) and real websockets. One pair of
servers for the module (docs/access.md, "Socket lifetime"; the one-process version is
test_socket_lifetime.py).
"""

import asyncio
import http.cookiejar
import json
import os
import re
import urllib.parse
import urllib.request

import pytest
import websockets

from realtime.session_guard import CLOSE_RECONNECT, CLOSE_SIGNED_OUT
from tests.chat.servers import Daphne, manage, prepare_database
from tests.factories import PASSWORD
from tests.realtime.test_request_limits_server import free_port

pytestmark = pytest.mark.redis

SETUP = """
import json
from django.contrib.auth.models import Group
from core import roles
from chat import rooms
from tests.factories import AgencyFactory, PersonFactory, UserFactory
agency = AgencyFactory(slug="keha-sockets", name_fi="KEHA-keskus")
users = [UserFactory(username=name) for name in ("liisa", "pekka", "sanna", "erik", "matti", "olli")]
for user in users:
    PersonFactory(user=user, agency=agency)
users[3].groups.add(Group.objects.get(name=roles.COMMUNICATION))
room = rooms.create_room(user=users[-1], name="Yhteinen", member_ids=[u.pk for u in users[:-1]])
print("SETUP" + json.dumps({"room": room.pk}))
"""


class Browser:
    """One browser: a cookie jar, the real login form, CSRF tokens from the pages."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.read().decode()

    def post_form(self, path: str, form_page: str, fields: dict) -> int:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(form_page)).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        try:
            request = urllib.request.Request(self.base + path, data=data)
            with self.opener.open(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def login(self, username: str, password: str = PASSWORD) -> "Browser":
        status = self.post_form("/kirjaudu/", "/kirjaudu/", {"username": username, "password": password})
        assert status == 302 and self.cookie("sessionid"), status
        return self

    def messages(self, room: int) -> list[str]:
        page = json.loads(self.get(f"/chat/api/huoneet/{room}/viestit/?after=0"))
        return [message["body"] for message in page["messages"]]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, req, fp, code, msg, headers):
        return fp


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, migrated_site):
    import redis

    var_dir = tmp_path_factory.mktemp("sockets")
    url = os.environ["REDIS_URL"]
    env = {
        "REDIS_URL": url,
        "REALTIME_HUB_PREFIX": f"sockets-test-{os.getpid()}:",
        "REALTIME_SESSION_RECHECK": "0.5",
    }
    redis.Redis.from_url(url).ping()
    # A copy of the migrated site with its hashed static files (the login page needs them).
    setup = prepare_database(var_dir, migrated_site, SETUP)
    one = Daphne(var_dir, port=free_port(), **env).start()
    two = Daphne(var_dir, port=free_port(), **env).start()
    yield var_dir, env, setup["room"], one, two
    one.stop()
    two.stop()


async def open_socket(server, browser: Browser, room: int):
    cookie = f"sessionid={browser.cookie('sessionid')}"
    ws = await websockets.connect(
        server.url.replace("http", "ws") + "/ws/",
        open_timeout=5,
        origin=server.url,
        additional_headers={"Cookie": cookie},
    )
    assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "hello"
    await ws.send(json.dumps({"type": "chat.subscribe", "rooms": [room], "ref": "s"}))
    while json.loads(await asyncio.wait_for(ws.recv(), 5)).get("ref") != "s":
        pass
    return ws


async def close_code(ws, timeout=5.0):
    """The code the server closed the socket with, within ``timeout`` s (None: still open)."""
    try:
        async with asyncio.timeout(timeout):
            async for _text in ws:
                pass
    except TimeoutError:
        return None
    except websockets.ConnectionClosed:
        pass
    return ws.close_code


async def try_to_post(ws, room: int, body: str) -> None:
    try:
        await ws.send(
            json.dumps({"type": "chat.send", "room": room, "body": body, "client_id": body, "ref": body})
        )
    except websockets.ConnectionClosed:
        pass


async def test_logout_and_a_password_change_on_one_worker_end_the_sockets_on_both(cluster):
    _var_dir, _env, room, one, two = cluster
    liisa = await asyncio.to_thread(lambda: Browser(one.url).login("liisa"))
    on_one, on_two = await open_socket(one, liisa, room), await open_socket(two, liisa, room)
    assert await asyncio.to_thread(liisa.post_form, "/kirjaudu-ulos/", "/salasana/vaihda/", {}) == 302
    await try_to_post(on_two, room, "uloskirjautumisen-jalkeen")  # sent the moment the logout answered
    assert await close_code(on_two) == CLOSE_SIGNED_OUT
    assert await close_code(on_one) == CLOSE_SIGNED_OUT

    pekka_laptop = await asyncio.to_thread(lambda: Browser(one.url).login("pekka"))
    pekka_phone = await asyncio.to_thread(lambda: Browser(two.url).login("pekka"))
    phone_socket = await open_socket(two, pekka_phone, room)
    new = "Uusi-pitka-salasana-2026"
    status = await asyncio.to_thread(
        pekka_laptop.post_form,
        "/salasana/vaihda/",
        "/salasana/vaihda/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert status == 302
    await try_to_post(phone_socket, room, "vanhalla-salasanalla")
    assert await close_code(phone_socket) == CLOSE_SIGNED_OUT
    # The laptop, which changed the password, is still signed in and may open a socket.
    laptop_socket = await open_socket(one, pekka_laptop, room)
    assert await close_code(laptop_socket, timeout=1.0) is None
    await laptop_socket.close()

    olli = await asyncio.to_thread(lambda: Browser(one.url).login("olli"))
    stored = await asyncio.to_thread(olli.messages, room)
    assert "uloskirjautumisen-jalkeen" not in stored and "vanhalla-salasanalla" not in stored


async def test_deactivation_a_removed_role_and_expiry_made_by_another_process_end_the_sockets(cluster):
    var_dir, env, room, one, two = cluster
    sanna, erik, matti = [
        await asyncio.to_thread(lambda n=n: Browser(one.url).login(n)) for n in ("sanna", "erik", "matti")
    ]
    sockets = [
        await open_socket(two, sanna, room),
        await open_socket(one, erik, room),
        await open_socket(two, matti, room),
    ]
    change = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.utils import timezone
from core import roles
sanna = get_user_model().objects.get(username="sanna")
sanna.is_active = False
sanna.save()
Group.objects.get(name=roles.COMMUNICATION).user_set.remove(get_user_model().objects.get(username="erik"))
expired = timezone.now() - timezone.timedelta(seconds=1)
Session.objects.filter(pk="{matti.cookie("sessionid")}").update(expire_date=expired)
"""
    await asyncio.to_thread(manage, var_dir, "shell", "-c", change, env_extra=env)
    await try_to_post(sockets[0], room, "deaktivoitu")
    codes = await asyncio.gather(*(close_code(ws) for ws in sockets))
    assert codes == [CLOSE_SIGNED_OUT, CLOSE_RECONNECT, CLOSE_SIGNED_OUT]
    # Erik keeps his session (only a role went): the browser's reconnect is accepted.
    again = await open_socket(one, erik, room)
    await again.close()
    olli = await asyncio.to_thread(lambda: Browser(one.url).login("olli"))
    assert "deaktivoitu" not in await asyncio.to_thread(olli.messages, room)
