"""Signed-in websocket clients for the realtime tests (Channels' WebsocketCommunicator)."""

import asyncio

from channels.db import database_sync_to_async

from tests.realtime.test_consumer import communicator, session_cookie_of


async def connect(user, *, skip_hello=True):
    """A connected communicator for ``user`` (their hello frame read and returned as .hello)."""
    _pk, cookie = await database_sync_to_async(session_cookie_of)(user)
    ws = communicator(cookie)
    connected, _ = await ws.connect()
    assert connected
    ws.hello = await ws.receive_json_from()
    assert ws.hello["type"] == "hello"
    return ws


async def next_frame(ws, timeout=3):
    """The next frame, or AssertionError after ``timeout`` s (without cancelling the consumer, which
    a timeout in WebsocketCommunicator.receive_json_from would do)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while await ws.receive_nothing(timeout=0.02, interval=0.005):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"No frame within {timeout} s")
    return await ws.receive_json_from()


async def request(ws, frame, timeout=3):
    """Send a frame with a ref and return the answer carrying that ref (other frames are kept aside)."""
    ref = f"r{id(frame)}"
    await ws.send_json_to({**frame, "ref": ref})
    while True:
        frame_in = await next_frame(ws, timeout)
        if frame_in.get("ref") == ref:
            return frame_in
        ws.__dict__.setdefault("aside", []).append(frame_in)


async def frames_until(ws, predicate, timeout=3):
    """Read frames until one satisfies ``predicate``; returns (that frame, all frames read)."""
    seen = list(ws.__dict__.pop("aside", []))
    for frame in seen:
        if predicate(frame):
            return frame, seen
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        remaining = deadline - asyncio.get_running_loop().time()
        if remaining <= 0:
            raise AssertionError(f"No matching frame within {timeout} s; got {seen}")
        try:
            frame = await next_frame(ws, remaining)
        except AssertionError:
            raise AssertionError(f"No matching frame within {timeout} s; got {seen}") from None
        seen.append(frame)
        if predicate(frame):
            return frame, seen


def status_of(user_id):
    """Predicate: a presence frame that carries ``user_id``."""
    return lambda frame: frame.get("type") == "presence" and str(user_id) in frame.get("people", {})
