"""realtime.wire: the hub's direct, bounded path to Daphne sockets.

The end-to-end proof (a real Daphne dropping a client that stops reading) is tests/chat/test_slow_client.py;
these tests pin what the mechanism relies on in the installed Twisted, autobahn and Daphne (so an upgrade
that moves it fails here, not silently in production) and the hub's handling of wires.
"""

import functools
from collections import deque

import pytest
from autobahn.websocket.protocol import TrafficStats
from daphne.ws_protocol import WebSocketProtocol
from twisted.internet.abstract import FileDescriptor

from realtime import wire
from realtime.hub import Hub


class QuietReactor:
    def __getattr__(self, name):
        return lambda *args, **kwargs: None


class Transport(FileDescriptor):
    """Twisted's real write buffer (FileDescriptor.write) on a reactor that never flushes it, over a "kernel"
    that takes ``accept`` bytes per send (None: everything)."""

    aborted = False
    accept = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sent = b""

    def writeSomeData(self, data):
        taken = bytes(data if self.accept is None else data[: self.accept])
        self.sent += taken
        return len(taken)

    def abortConnection(self):
        self.aborted = True


def daphne_protocol():
    protocol = WebSocketProtocol()
    protocol.transport = Transport(reactor=QuietReactor())
    protocol.transport.connected = True
    protocol.state = WebSocketProtocol.STATE_OPEN
    protocol.trafficStats = TrafficStats()
    protocol.send_queue = deque()
    protocol.logOctets = False
    protocol._perMessageCompress = None
    protocol.wasClean = True
    return protocol


def test_attach_finds_daphnes_protocol_behind_the_consumers_send_and_nothing_elsewhere():
    protocol = daphne_protocol()

    class Consumer:
        base_send = functools.partial(lambda protocol, message: None, protocol)

    found = wire.attach(Consumer())
    assert isinstance(found, wire.DaphneWire) and found.protocol is protocol

    class Elsewhere:  # uvicorn, Channels' test communicator: a plain callable
        async def base_send(self, message):
            pass

    assert wire.attach(Elsewhere()) is None


def test_one_prepared_frame_is_written_as_is_and_counted_as_waiting_until_the_bound():
    protocol = daphne_protocol()
    direct = wire.DaphneWire(protocol)
    prepared = direct.prepare('{"type":"chat.message","body":"äö ☕"}')
    payload = '{"type":"chat.message","body":"äö ☕"}'.encode()
    assert prepared.payloadHybi == bytes([0x81, len(payload)]) + payload  # an unmasked text frame (RFC 6455)
    transport = protocol.transport
    assert direct.write(prepared) is True  # nothing queued: straight to the socket
    assert transport.sent == prepared.payloadHybi and direct.buffered() == 0
    transport.accept = 10  # the kernel takes part of it: the rest waits in Twisted's buffer
    assert direct.write(prepared) is True
    assert direct.buffered() == len(prepared.payloadHybi) - 10
    transport.accept = None  # behind queued bytes a frame is queued too (order), not sent past them
    assert direct.write(prepared) is True
    assert direct.buffered() == 2 * len(prepared.payloadHybi) - 10
    assert transport.sent == prepared.payloadHybi + prepared.payloadHybi[:10]
    big = direct.prepare("x" * 70_000)  # 64-bit length header
    while direct.buffered() <= wire.SOCKET_BUFFER_LIMIT:
        assert direct.write(big) is True
    assert not protocol.transport.aborted
    with pytest.raises(wire.SlowSocket):
        direct.write(prepared)
    assert protocol.transport.aborted and protocol.state == WebSocketProtocol.STATE_CLOSED


def test_a_socket_not_yet_open_uses_the_asgi_send():
    protocol = daphne_protocol()
    protocol.state = WebSocketProtocol.STATE_CONNECTING
    assert wire.DaphneWire(protocol).write(wire.DaphneWire.prepare("{}")) is False
    assert wire.DaphneWire(protocol).buffered() == 0


class WiredSocket:
    def __init__(self, result=True):
        self.hub_wire = self
        self.result = result
        self.written, self.got = [], []

    prepared_count = 0

    @staticmethod
    def prepare(text):
        WiredSocket.prepared_count += 1
        return ("frame", text)

    def write(self, prepared):
        if self.result == "slow":
            raise wire.SlowSocket(1)
        self.written.append(prepared)
        return self.result

    async def hub_send(self, text):
        self.got.append(text)


async def test_the_hub_prepares_once_per_broadcast_drops_slow_sockets_and_falls_back_to_hub_send():
    hub = Hub()
    fast = [WiredSocket() for _ in range(5)]
    slow, opening = WiredSocket("slow"), WiredSocket(False)
    for socket in [*fast, slow, opening]:
        hub.subscribe("chat.room.1", socket)
    hub.subscribe("user.9", slow)
    WiredSocket.prepared_count = 0
    assert await hub.deliver_local("chat.room.1", '{"n":1}') == 6
    assert WiredSocket.prepared_count == 1
    assert all(s.written == [("frame", '{"n":1}')] for s in fast)
    assert opening.got == ['{"n":1}']  # not open yet: the ordinary ASGI send
    assert hub.topics_of(slow) == set()  # dropped from every topic
    await hub.deliver_local("chat.room.1", '{"n":2}')
    assert all(len(s.written) == 2 for s in fast) and slow.written == []
