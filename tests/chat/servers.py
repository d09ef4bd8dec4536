"""Real Daphne processes for the chat end-to-end tests, and a Python chat client that behaves like chat.js.

The servers run on a SQLite database of their own (a temporary VAR_DIR with a copy of the session's
migrated site, tests/server_sites.py), so they are separate processes in every sense: killing one loses its
memory, its sockets and its hub.
"""

import asyncio
import json
import socket
import urllib.request
from pathlib import Path

import websockets

from tests.processes import ServerProcess

# BIN, manage and server_env are imported from here by the process tests.
from tests.server_sites import BIN, manage, server_env  # noqa: F401


def free_port() -> int:
    """A port no process listens on now (the kernel's choice)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from chat import rooms
from tests.factories import AgencyFactory, PersonFactory, UserFactory
agency = AgencyFactory(slug="keha-e2e", name_fi="KEHA-keskus")
out = {"users": {}}
users = []
for name in ("aino", "bertil"):
    user = UserFactory(username=name, first_name=name.capitalize(), last_name="Testinen")
    PersonFactory(user=user, agency=agency)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    out["users"][name] = {"id": user.pk, "cookie": "sessionid=" + session.session_key}
    users.append(user)
room = rooms.create_room(user=users[0], name="Päivystys", member_ids=[users[1].pk])
out["room"] = room.pk
out["room2"] = rooms.create_room(user=users[0], name="Kahvihuone", member_ids=[users[1].pk]).pk
print("SETUP" + json.dumps(out))
"""


def prepare_database(var_dir: Path, migrated_site, setup: str = SETUP) -> dict:
    """``var_dir`` with a copy of the session's migrated site (fixture ``migrated_site``: database, secret
    key, collected static files) and ``setup``'s people and rooms; returns what ``setup`` printed."""
    migrated_site.copy_to(var_dir)
    output = manage(var_dir, "shell", "-c", setup)
    return json.loads(output.split("SETUP", 1)[1])


class Daphne(ServerProcess):
    """One Daphne process on a port; start(), kill() (SIGKILL: no goodbye), stop()."""

    name = "daphne"

    def start(self, timeout=60):
        argv = [str(BIN / "python"), "-m", "realtime.daphne_server", "-b", "127.0.0.1", "-p", str(self.port)]
        self.launch([*argv, "intranet.asgi:application"], server_env(self.var_dir, **self.env))
        return self.wait_ready(timeout)

    def stop(self):
        self.kill()


class ChatClient:
    """What chat.js does, in Python: subscribe on every hello, resync after the last seq over HTTP, keep an
    outbox of unacknowledged messages (client ids) and resend it on reconnect, place each seq once.

    ``duplicates`` counts messages stored twice: one client id under two sequence numbers (a resend the
    server did not recognise). A seq that arrives twice (by a resync and then by its broadcast, which
    can come late when two Daphnes broadcast one room) is placed once, as chat.js does (``redelivered``).
    """

    def __init__(self, name: str, cookie: str, room: int, servers):
        self.name = name
        self.cookie = cookie
        self.room = room
        self.servers = servers  # a callable returning the base URL to (re)connect to
        self.shown: dict[int, dict] = {}  # seq -> message, each seq once
        self.redelivered = 0
        self.last_seq = 0
        self.outbox: dict[str, str] = {}  # client id -> body, until acknowledged
        self.frames: list[dict] = []
        self.ws = None
        self.connected = asyncio.Event()
        self._task = None
        self.reconnects = 0
        self.errors: list[dict] = []
        self.close_codes: list[int | None] = []

    # --- connection ---------------------------------------------------------------------------
    def start(self):
        self._task = asyncio.create_task(self._run())

    async def close(self):
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):  # noqa: BLE001
                pass

    async def _run(self):
        while True:
            base = self.servers()
            try:
                async with websockets.connect(
                    base.replace("http", "ws") + "/ws/",
                    open_timeout=3,
                    additional_headers={"Cookie": self.cookie, "Origin": base},
                ) as ws:
                    self.ws = ws
                    try:
                        async for text in ws:
                            await self._on_frame(json.loads(text))
                    finally:
                        self.close_codes.append(ws.close_code)  # None: no close frame came
            except (
                TimeoutError,
                OSError,
                websockets.ConnectionClosed,
                websockets.InvalidStatus,
                websockets.InvalidMessage,
            ):
                pass
            self.ws = None
            self.connected.clear()
            self.reconnects += 1
            # taimi-live.js: 4503 (the server drains) reconnects at once, anything else after a pause
            await asyncio.sleep(0.02 if self.close_codes and self.close_codes[-1] == 4503 else 0.2)

    async def _send(self, frame: dict) -> bool:
        ws = self.ws
        if ws is None:
            return False
        try:
            await ws.send(json.dumps(frame))
            return True
        except websockets.ConnectionClosed:
            return False

    async def _on_frame(self, frame: dict):
        self.frames.append(frame)
        kind = frame.get("type")
        if kind == "hello":
            await self._send({"type": "chat.subscribe", "rooms": [self.room], "ref": "sub"})
        elif kind == "chat.subscribed":
            await self.resync()
            for client_id, body in list(self.outbox.items()):
                await self._send(
                    {
                        "type": "chat.send",
                        "room": self.room,
                        "body": body,
                        "client_id": client_id,
                        "ref": client_id,
                    }
                )
            self.connected.set()
        elif kind == "chat.message":
            message = frame["message"]
            if message["seq"] > self.last_seq + 1:
                await self.resync()  # a gap: fetch what is missing first
            self._show(message)
        elif kind == "chat.ack":
            self.outbox.pop(frame["client_id"], None)
        elif kind == "error" and frame.get("ref") in self.outbox:
            if frame["code"] not in ("rate_limited", "unavailable"):
                self.errors.append(frame)
                return
            client_id = frame["ref"]  # like chat.js: wait a moment and send again (same client id)
            asyncio.get_running_loop().call_later(
                2,
                lambda: asyncio.ensure_future(
                    self._send(
                        {
                            "type": "chat.send",
                            "room": self.room,
                            "body": self.outbox.get(client_id, ""),
                            "client_id": client_id,
                            "ref": client_id,
                        }
                    )
                ),
            )

    @property
    def duplicates(self) -> int:
        """Messages stored twice: the same author and client id under more than one seq."""
        sent = [
            ((message.get("author") or {}).get("id"), message["client_id"])
            for message in self.shown.values()
            if message.get("client_id")
        ]
        return len(sent) - len(set(sent))

    def _show(self, message):
        if message["seq"] in self.shown:
            self.redelivered += 1
            return
        self.shown[message["seq"]] = message
        self.last_seq = max(self.last_seq, message["seq"])

    async def resync(self):
        url = f"{self.servers()}/chat/api/huoneet/{self.room}/viestit/?after={self.last_seq}"

        def fetch():
            request = urllib.request.Request(url, headers={"Cookie": self.cookie})
            with urllib.request.urlopen(request, timeout=5) as response:
                return json.loads(response.read())

        try:
            data = await asyncio.to_thread(fetch)
        except OSError:
            return
        for message in data["messages"]:
            self._show(message)

    # --- the conversation -----------------------------------------------------------------------
    async def say(self, body: str, client_id: str):
        """Type and press Enter: into the outbox, sent now if connected (else on reconnect)."""
        self.outbox[client_id] = body
        if not self.connected.is_set():  # queued: sent after the resync, before anything newer
            return
        await self._send(
            {"type": "chat.send", "room": self.room, "body": body, "client_id": client_id, "ref": client_id}
        )
