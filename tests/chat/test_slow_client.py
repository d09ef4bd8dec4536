"""A slow client does not hold up a room: a real Daphne drops a socket that stops reading once more than
the per-socket bound waits for it (realtime/wire.py), the others keep receiving promptly, and the dropped
client resyncs from its last sequence number when it comes back.

The bound is lowered to 64 KiB for the test (REALTIME_SOCKET_BUFFER_LIMIT) and the stuck client's kernel
receive buffer is made small, so that the flood needed is a few megabytes (the server's kernel send buffer
holds up to net.ipv4.tcp_wmem's maximum before anything waits in Daphne).
"""

import asyncio
import errno
import json
import socket
import time
import urllib.request

import pytest
import websockets

from tests.chat.servers import Daphne, prepare_database

LIMIT = 64 * 1024


@pytest.fixture(scope="module")
def world(tmp_path_factory, migrated_site):
    var = tmp_path_factory.mktemp("chat-slow")
    return var, prepare_database(var, migrated_site)


async def connect(url, cookie, *, stuck=False):
    sock = None
    if stuck:
        # A client that stops reading: a small kernel buffer, and the library reads at most 2 frames ahead.
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.connect(("127.0.0.1", int(url.rsplit(":", 1)[1])))
        sock.setblocking(False)
    ws = await websockets.connect(
        url.replace("http", "ws") + "/ws/",
        sock=sock,
        open_timeout=10,
        max_queue=2 if stuck else None,
        ping_interval=None,
        additional_headers={"Cookie": cookie, "Origin": url},
    )
    ws.raw = sock
    return ws


def reset_by_server(ws) -> bool:
    """The server aborted the connection (an RST). A client that reads nothing does not notice by itself:
    the kernel records the reset as the socket's pending error."""
    if ws.state is websockets.State.CLOSED:
        return True
    error = ws.raw.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    return error in (errno.ECONNRESET, errno.EPIPE)


async def frame_of(ws, kind, timeout=10):
    end = time.monotonic() + timeout
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), max(0.01, end - time.monotonic())))
        if frame["type"] == kind:
            return frame


async def subscribe(ws, room):
    await frame_of(ws, "hello")
    await ws.send(json.dumps({"type": "chat.subscribe", "rooms": [room], "v": 1}))
    assert (await frame_of(ws, "chat.subscribed"))["rooms"] == [room]


def fetch(url, cookie, path):
    request = urllib.request.Request(url + path, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


async def test_a_client_that_stops_reading_is_dropped_and_resyncs_while_the_room_goes_on(world):
    var, setup = world
    server = Daphne(var, REALTIME_SOCKET_BUFFER_LIMIT=str(LIMIT)).start()
    users, room = setup["users"], setup["room"]
    try:
        aino = await connect(server.url, users["aino"]["cookie"])
        await subscribe(aino, room)
        bertil = await connect(server.url, users["bertil"]["cookie"], stuck=True)
        await subscribe(bertil, room)

        async def say(body, client_id):
            await aino.send(
                json.dumps({"type": "chat.send", "room": room, "body": body, "client_id": client_id, "v": 1})
            )
            ack = await frame_of(aino, "chat.ack")
            return ack["seq"], ack["id"]

        first, _id = await say("Aloitetaan", "slow-0")
        assert (await frame_of(bertil, "chat.message"))["message"]["seq"] == first
        bertil_last_seq = first  # what the stuck client has shown; it reads nothing from here on

        big, message_id = await say("ä" * 3900, "slow-big")
        lags, edits, posted = [], 0, [big]
        # Flood the room with large updates (edits of a 3,900-character message: ~16 KB frames). Aino reads
        # everything and must get each update promptly while Bertil's socket fills up and is dropped.
        deadline = time.monotonic() + 120
        dropped = False
        while not dropped and time.monotonic() < deadline:
            edits += 1
            body = f"{edits:05d} " + "ä" * 3900
            started = time.monotonic()
            await aino.send(json.dumps({"type": "chat.edit", "message": message_id, "body": body, "v": 1}))
            while True:
                frame = await frame_of(aino, "chat.update")
                if frame["message"]["body"] == body:
                    break
            lags.append(time.monotonic() - started)
            if edits % 100 == 0:
                posted.append((await say(f"Välitiedote {edits}", f"slow-{edits}"))[0])
            dropped = reset_by_server(bertil)
        assert dropped, f"still connected after {edits} updates of ~16 KB"
        assert edits < 1500
        lags.sort()
        # The reader was never held up by the stuck socket (generous bounds: a shared, loaded machine).
        assert lags[len(lags) // 2] < 0.5 and lags[-1] < 5, (lags[len(lags) // 2], lags[-1])
        posted.append((await say("Bertil, oletko siellä?", "slow-after"))[0])

        # Bertil comes back: a new socket works, and the missed messages come from his last sequence number.
        again = await connect(server.url, users["bertil"]["cookie"])
        await subscribe(again, room)
        missed = fetch(
            server.url,
            users["bertil"]["cookie"],
            f"/chat/api/huoneet/{room}/viestit/?after={bertil_last_seq}",
        )
        seqs = [m["seq"] for m in missed["messages"]]
        assert seqs == sorted(set(seqs)) and set(posted) <= set(seqs)
        assert seqs == list(range(bertil_last_seq + 1, posted[-1] + 1))
        edited = next(m for m in missed["messages"] if m["seq"] == big)
        assert edited["body"].startswith(f"{edits:05d} ") and edited["edited"]
        # …and live frames reach him again.
        await say("Tervetuloa takaisin", "slow-back")
        assert (await frame_of(again, "chat.message"))["message"]["body"] == "Tervetuloa takaisin"
        await again.close()
        await aino.close()
    finally:
        server.stop()
    assert f"limit {LIMIT}" in server.log.read_text(errors="replace")
