"""The hub's direct path to a socket under Daphne: one prepared frame for a whole broadcast, and a bound on
what waits for each socket.

Why: Daphne's websocket writes never block. Each ASGI ``websocket.send`` goes through Channels, Daphne's
``handle_reply`` and autobahn's ``sendMessage`` (which frames the payload again for every recipient) into
the Twisted transport, which buffers whatever the client does not read, without limit. A client that stops
reading (a laptop lid closed on a flaky network, a stuck tab) would grow the server's memory for ever, and
ASGI gives an application no way to see it.

The mechanism (what this module relies on, checked by tests/realtime/test_wire.py):

* Daphne calls the application with ``send=functools.partial(server.handle_reply, protocol)``; the consumer
  keeps it as ``base_send`` (Channels), so ``base_send.args[0]`` is Daphne's ``WebSocketProtocol`` (an
  autobahn ``WebSocketServerProtocol``) and ``protocol.transport`` its Twisted TCP transport.
* A broadcast is framed once: ``autobahn.websocket.protocol.PreparedMessage`` (autobahn's own broadcast
  API; server frames are unmasked, so the bytes are the same for every socket). When nothing is queued
  for the socket, the frame goes straight to the socket (``transport.writeSomeData``, Twisted's own
  non-blocking send); whatever the kernel does not take, or any frame behind queued bytes, goes through
  ``transport.write`` (Twisted's buffer, flushed when the socket is writable), so the order is kept.
* Before writing, the bytes the transport still holds for the socket are
  ``len(dataBuffer) - offset + _tempDataLen`` (Twisted's ``FileDescriptor`` write buffer; the first two
  are its public attributes, ``_tempDataLen`` is the not-yet-joined part). Past
  :data:`SOCKET_BUFFER_LIMIT` the connection is aborted (no close handshake: the client is not reading);
  Daphne then sends ``websocket.disconnect`` to the consumer, which leaves its hub topics. The browser
  reconnects and fetches what it missed after its last sequence number (docs/chat.md, "Nothing lost").

Anything else (uvicorn, Channels' test communicator, a TLS-wrapped transport, a socket not yet accepted)
gets ``None`` from :func:`attach` or ``False`` from :meth:`DaphneWire.write`, and the hub uses the
consumer's ordinary ASGI send (unbounded, as before).
"""

from __future__ import annotations

import functools
import logging
import os

logger = logging.getLogger(__name__)

# Bytes that may wait in the server's buffer for one socket before it is dropped (on top of what the
# kernel's socket buffer holds, up to net.ipv4.tcp_wmem's maximum). Larger: a client on a slow link
# survives longer bursts without a reconnect (a reconnect costs a handshake, the auth query and one
# resync request); smaller: less memory held for stuck clients (550 stuck sockets × 256 KiB ≈ 140 MiB at
# worst). 256 KiB is about 400 chat frames, minutes of the busiest room at 2 messages per second.
SOCKET_BUFFER_LIMIT = int(os.environ.get("REALTIME_SOCKET_BUFFER_LIMIT") or 256 * 1024)


class SlowSocket(Exception):
    """The socket had more than SOCKET_BUFFER_LIMIT bytes waiting; it has been dropped."""


class DaphneWire:
    """Direct, bounded writes to one Daphne websocket (see the module docstring)."""

    __slots__ = ("protocol",)

    def __init__(self, protocol):
        self.protocol = protocol

    @staticmethod
    def prepare(text: str):
        from autobahn.websocket.protocol import PreparedMessage

        return PreparedMessage(text.encode(), False, False, True)

    def buffered(self) -> int:
        transport = self.protocol.transport
        return len(transport.dataBuffer) - transport.offset + transport._tempDataLen

    def write(self, prepared) -> bool:
        """Write a prepared frame; False when the socket is not open (the caller uses the ASGI send).
        Raises SlowSocket after dropping a socket that is too far behind."""
        protocol = self.protocol
        if protocol.state != 3:  # autobahn's WebSocketProtocol.STATE_OPEN
            return False
        transport = protocol.transport
        waiting = len(transport.dataBuffer) - transport.offset + transport._tempDataLen
        if waiting > SOCKET_BUFFER_LIMIT:
            logger.info(
                "Dropping websocket %s: %d bytes unread (limit %d)",
                getattr(protocol, "client_addr", "?"),
                waiting,
                SOCKET_BUFFER_LIMIT,
            )
            protocol.dropConnection(abort=True)
            raise SlowSocket(waiting)
        if protocol._perMessageCompress is not None or protocol.send_queue:  # not negotiated by Daphne
            protocol.sendPreparedMessage(prepared)
            return True
        data = prepared.payloadHybi
        if not waiting and not transport.disconnecting:
            # Nothing queued before it: try the socket now, as asyncio's transports do. Twisted's write would
            # register the socket for writability and send on a later loop turn (two epoll_ctl calls and a
            # wake-up per socket); autobahn's sendData would format debug-log arguments on every frame.
            sent = transport.writeSomeData(data)
            if not isinstance(sent, int):  # the connection is gone: let Twisted find out and close it
                sent = 0
            if sent == len(data):
                return True
            data = data[sent:]
        transport.write(data)  # behind what is queued, in order; Twisted sends it when the socket is writable
        return True


def attach(consumer) -> DaphneWire | None:
    """The direct wire of a consumer served by Daphne over plain TCP, else None."""
    send = getattr(consumer, "base_send", None)
    if not isinstance(send, functools.partial) or not send.args:
        return None
    protocol = send.args[0]
    transport = getattr(protocol, "transport", None)
    needed = ("dataBuffer", "offset", "_tempDataLen", "writeSomeData", "disconnecting")
    if not hasattr(protocol, "sendPreparedMessage") or not all(hasattr(transport, name) for name in needed):
        return None
    return DaphneWire(protocol)
