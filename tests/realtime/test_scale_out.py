"""Two real Daphne processes sharing presence and broadcasts through Redis.

User A connects to one process and user B to the other; presence and work
location changes must cross, and killing A's process must make A offline for
B within the (shortened) expiry, with nobody left to say goodbye.
"""

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.chat.servers import free_port
from tests.factories import MembershipFactory, PersonFactory, TeamFactory, UserFactory
from tests.realtime.test_consumer import session_cookie_of

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BIN = Path(sys.executable).parent


def _two_ports() -> tuple[int, int]:
    first = free_port()
    while (second := free_port()) == first:
        pass
    return first, second


PORTS = _two_ports()  # two Daphne processes, each on a port nobody listens on


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start_daphne(port: int, env: dict) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(BIN / "python"),
            "-m",
            "realtime.daphne_server",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "intranet.asgi:application",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode()[-3000:])
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"Daphne on {port} did not start")


@pytest.fixture
def two_daphnes(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="intranet.settings",
        DATABASE_URL=database_url(),
        SECRET_KEY=settings.SECRET_KEY,
        VAR_DIR=str(tmp_path),
        REALTIME_HUB_PREFIX=f"scaleout-{os.getpid()}:",
        LOG_LEVEL="WARNING",
        PRESENCE_EXPIRY="4",
        PRESENCE_REFRESH="1",
        PRESENCE_AUDIT="1",
        PRESENCE_MIN_GAP="0",
        PRESENCE_FLUSH="0.1",
    )
    processes = [start_daphne(port, env) for port in PORTS]
    yield processes
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


async def open_socket(port, cookie):
    import websockets

    ws = await websockets.connect(
        f"ws://127.0.0.1:{port}/ws/", origin=f"http://127.0.0.1:{port}", additional_headers={"Cookie": cookie}
    )
    hello = json.loads(await asyncio.wait_for(ws.recv(), 10))
    assert hello["type"] == "hello"
    return ws


async def wait_for(ws, predicate, timeout):
    deadline = time.monotonic() + timeout
    seen = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"not within {timeout} s; saw {seen}")
        frame = json.loads(await asyncio.wait_for(ws.recv(), remaining))
        seen.append(frame)
        if predicate(frame):
            return frame


def status(user_id, value):
    return lambda f: f.get("type") == "presence" and f["people"].get(str(user_id), {}).get("status") == value


def test_presence_and_work_location_cross_processes_and_a_killed_process_goes_offline(two_daphnes):
    team = TeamFactory()
    users = {}
    for name in ("aino", "bert"):
        users[name] = UserFactory(username=name)
        MembershipFactory(team=team, person=PersonFactory(user=users[name]))
    cookies = {name: session_cookie_of(user)[1] for name, user in users.items()}
    a_id = users["aino"].pk

    async def scenario():
        bert = await open_socket(PORTS[1], cookies["bert"])
        aino = await open_socket(PORTS[0], cookies["aino"])
        await wait_for(bert, status(a_id, "online"), 10)
        await aino.send(json.dumps({"type": "presence.set", "status": "busy", "ref": "1"}))
        await wait_for(bert, status(a_id, "busy"), 10)
        await aino.send(
            json.dumps({"type": "worklocation.set", "kind": "remote", "note": "kotona", "ref": "2"})
        )
        moved = await wait_for(bert, lambda f: f.get("type") == "worklocation" and f["user"] == a_id, 10)
        assert moved["where"]["kind"] == "remote" and moved["where"]["note"] == "kotona"
        # Aino's process dies without a word: no disconnect, no goodbye frame.
        os.killpg(two_daphnes[0].pid, signal.SIGKILL)
        started = time.monotonic()
        await wait_for(bert, status(a_id, "offline"), 20)
        took = time.monotonic() - started
        assert took < 4 + 1 + 3  # expiry + audit + a tick of slack
        await bert.close()

    asyncio.run(scenario())
