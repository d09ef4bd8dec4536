"""realtime.daphne_server: Daphne with less state per open websocket.

An opening handshake is driven through the real Daphne protocol and autobahn on Twisted's in-memory
transport, so these tests fail if an upgrade of Daphne, autobahn or Twisted moves what the server relies on.
The same server runs as a real process in the chat kill-the-server, two-process, slow-client and
scale-out tests (tests/chat/servers.py, tests/realtime/test_scale_out.py) and in scripts/start.sh.
"""

import asyncio

import pytest
from daphne.ws_protocol import WebSocketFactory
from twisted.internet import error
from twisted.internet.address import IPv4Address
from twisted.internet.testing import StringTransport
from twisted.python import failure
from twisted.web.http import HTTPChannel

from realtime.daphne_server import InputQueue, LeanCommandLineInterface, LeanServer

COOKIE = "sessionid=salainen-istuntoavain-1234567890"
HANDSHAKE = (
    "GET /ws/?v=1 HTTP/1.1\r\n"
    "Host: 127.0.0.1:8000\r\n"
    "Upgrade: websocket\r\n"
    "Connection: Upgrade\r\n"
    "Origin: http://127.0.0.1:8000\r\n"
    f"Cookie: {COOKIE}\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    "Sec-WebSocket-Version: 13\r\n"
    "\r\n"
).encode()


async def test_input_queue_hands_over_in_order_and_wakes_a_waiting_reader():
    queue = InputQueue()
    queue.put_nowait({"type": "websocket.connect"})
    queue.put_nowait({"type": "websocket.receive", "text": "1"})
    assert [await queue.get(), await queue.get()] == [
        {"type": "websocket.connect"},
        {"type": "websocket.receive", "text": "1"},
    ]
    reader = asyncio.ensure_future(queue.get())
    await asyncio.sleep(0)
    assert not reader.done()  # nothing queued: the reader waits
    queue.put_nowait({"type": "websocket.disconnect", "code": 1000})
    assert await asyncio.wait_for(reader, 1) == {"type": "websocket.disconnect", "code": 1000}
    assert queue.empty() and queue.qsize() == 0


async def test_a_cancelled_reader_leaves_the_queue_usable():
    queue = InputQueue()
    reader = asyncio.ensure_future(queue.get())
    await asyncio.sleep(0)
    reader.cancel()
    with pytest.raises(asyncio.CancelledError):
        await reader
    queue.put_nowait("kept")  # nothing was lost to the cancelled reader
    assert await asyncio.wait_for(queue.get(), 1) == "kept"


def test_the_command_line_is_daphnes_with_the_lean_server():
    assert LeanCommandLineInterface.server_class is LeanServer


class Recorder:
    """An ASGI websocket application that accepts and records what it receives."""

    def __init__(self):
        self.scope = None
        self.received = []

    async def __call__(self, scope, receive, send):
        self.scope = scope
        while True:
            message = await receive()
            self.received.append(message)
            if message["type"] == "websocket.connect":
                await send({"type": "websocket.accept"})
            elif message["type"] == "websocket.receive":
                await send({"type": "websocket.send", "text": "kaiku: " + message["text"]})
            else:
                return


async def open_socket():
    """A websocket opened through Daphne's protocol, autobahn and LeanServer, on an in-memory transport."""
    app = Recorder()
    server = LeanServer(application=app, endpoints=["tcp:port=0:interface=127.0.0.1"])  # never listened on
    server.connections = {}
    server.ws_factory = WebSocketFactory(server, server="Daphne")
    server.ws_factory.setProtocolOptions(autoPingTimeout=20, allowedOrigins=["*"])
    protocol = server.ws_factory.buildProtocol(IPv4Address("TCP", "127.0.0.1", 50000))
    protocol._raw_query_string = b"v=1"  # as Daphne's HTTP protocol hands it over on the upgrade
    transport = StringTransport(
        peerAddress=IPv4Address("TCP", "127.0.0.1", 50000), hostAddress=IPv4Address("TCP", "127.0.0.1", 8000)
    )
    protocol.makeConnection(transport)
    channel = HTTPChannel()  # Daphne upgrades a request Twisted's HTTP channel parsed: its producer
    transport.registerProducer(channel, True)
    protocol.dataReceived(HANDSHAKE)
    for _ in range(100):
        await asyncio.sleep(0.01)
        if protocol.state == protocol.STATE_OPEN and app.received:
            break
    return server, protocol, transport, app


async def test_an_accepted_socket_keeps_no_handshake_state_and_still_talks_both_ways():
    server, protocol, transport, app = await open_socket()
    assert transport.value().startswith(b"HTTP/1.1 101 Switching Protocols")
    assert protocol.state == protocol.STATE_OPEN
    assert app.received[0]["type"] == "websocket.connect"
    # The application read its headers (cookie, origin) before it accepted …
    assert app.scope["path"] == "/ws/" and app.scope["query_string"] == b"v=1"
    # … and after the accept nothing the socket holds keeps the handshake: not the raw request, not the
    # parsed headers, not the session cookie (which would otherwise sit in memory for the socket's life).
    for name in (
        "http_request_data",
        "http_headers",
        "http_response_data",
        "websocket_extensions",
        "clean_headers",
        "_wskey",
    ):
        assert name not in vars(protocol), name
    assert COOKIE not in repr(vars(protocol))
    # The application's scope keeps its headers: a reader after the accept gets them, not a silent [].
    assert any(name == b"cookie" for name, _value in app.scope["headers"])
    assert transport.producer is None  # the HTTP channel (with the parsed request) is let go
    assert protocol.request.path == "/ws/"  # what Daphne's disconnect log reads

    transport.clear()
    protocol.dataReceived(masked_text_frame("hei"))
    await asyncio.sleep(0.05)
    assert app.received[-1] == {"type": "websocket.receive", "text": "hei"}
    assert transport.value() == b"\x81\x0akaiku: hei"  # the reply, framed by autobahn as before

    protocol.connectionLost(failure.Failure(error.ConnectionDone()))
    await asyncio.sleep(0.05)
    assert app.received[-1]["type"] == "websocket.disconnect"
    assert server.connections[protocol]["disconnected"]  # Daphne cleans it up on its next check


def masked_text_frame(text: str) -> bytes:
    payload = text.encode()
    mask = b"\x01\x02\x03\x04"
    return bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def test_a_stopping_server_ends_within_the_grace_even_when_a_thread_hangs():
    """What Ctrl+C relies on: a thread that never finishes (a stuck handler, a library's worker) cannot keep
    the process, its port and the terminal; the stacks say what hung."""
    import subprocess
    import sys
    import time

    script = (
        "import threading, time\n"
        "from realtime.daphne_server import start_shutdown_watchdog\n"
        "def stuck_handler():\n"
        "    while True:\n"
        "        time.sleep(0.05)\n"
        "threading.Thread(target=stuck_handler).start()\n"
        "start_shutdown_watchdog(grace=0.5)\n"
    )
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert "did not stop within 0.5 s" in result.stderr
    assert "stuck_handler" in result.stderr  # the stuck thread's stack
