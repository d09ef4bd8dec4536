"""Websocket helpers for the chat consumer tests: a signed-in communicator and frame waiting."""

import asyncio
import json

from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from intranet.asgi import application
from tests.realtime.test_consumer import session_cookie_of


class Client:
    """One browser tab: a communicator that keeps every frame it receives."""

    def __init__(self, ws):
        self.ws = ws
        self.frames = []

    async def send(self, **frame):
        await self.ws.send_to(text_data=json.dumps(frame))

    async def next(self, timeout=2.0):
        frame = json.loads(await self.ws.receive_from(timeout=timeout))
        self.frames.append(frame)
        return frame

    async def wait_for(self, frame_type, timeout=3.0, **match):
        """The next frame of this type (and with these fields); earlier frames of other kinds are kept."""
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while True:
            remaining = end - loop.time()
            if remaining <= 0:
                raise AssertionError(f"no {frame_type} {match} frame; got {self.frames[-10:]}")
            try:
                frame = await self.next(timeout=remaining)
            except TimeoutError:
                raise AssertionError(f"no {frame_type} {match} frame; got {self.frames[-10:]}") from None
            if frame.get("type") == frame_type and all(frame.get(k) == v for k, v in match.items()):
                return frame

    async def nothing(self, timeout=0.3):
        """True when no chat frame arrives within the timeout (presence frames may come and go)."""
        return not [f for f in await self.drain(timeout) if f.get("type", "").startswith("chat.")]

    async def drain(self, timeout=0.5) -> list[dict]:
        """Every frame that arrives within the timeout."""
        got = []
        # receive_nothing, not a receive with a timeout: a timed-out receive cancels the application.
        while not await self.ws.receive_nothing(timeout=timeout):
            got.append(await self.next())
        return got

    async def request(self, **frame):
        """Send a frame with a ref and return the answer to it (a reply or an error)."""
        ref = frame.setdefault("ref", f"r{id(frame)}")
        loop = asyncio.get_running_loop()
        end = loop.time() + 3
        await self.send(**frame)
        while loop.time() < end:
            answer = await self.next(timeout=end - loop.time())
            if answer.get("type", "").startswith("presence"):
                continue
            # Frames the protocol layer refuses (unknown type, bad ref) are answered without a ref.
            if answer.get("ref") == ref or (answer.get("type") == "error" and "ref" not in answer):
                return answer
        raise AssertionError(f"no answer to {frame}")

    async def close(self):
        await self.ws.disconnect()


async def connect(user, rooms=()) -> Client:
    _user_id, cookie = await database_sync_to_async(session_cookie_of)(user)
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
    client = Client(ws)
    await client.wait_for("hello")
    if rooms:
        answer = await client.request(type="chat.subscribe", rooms=[r.pk for r in rooms])
        assert answer["type"] == "chat.subscribed", answer
    return client
