"""Daphne with a smaller footprint per websocket, and request limits: what ``scripts/start.sh`` runs.

``python -m realtime.daphne_server [daphne options] intranet.asgi:application`` is Daphne's own command line
(``daphne.cli.CommandLineInterface``) with its documented ``server_class`` hook pointing at
:class:`LeanServer`. Everything else is Daphne: Twisted, autobahn, the same protocol classes and options.

Why: an idle websocket cost about 35 KiB under stock Daphne with this application, and a process holding
10,000 of them (issue #11: ≤ 400 MiB) is mostly per-socket state that is only needed while the socket
opens. Measured with tracemalloc (docs/realtime.md, "Memory per socket"), three things this subclass
changes were among the largest parts of it:

* **The application's input queue.** Daphne gives every connection an ``asyncio.Queue`` (four deques of
  about 760 bytes each, 3 KiB) for what is, for a websocket, one reader and a frame now and then.
  :class:`InputQueue` is the same contract (``put_nowait`` from the protocol, ``await get()`` from the
  application) in a list and one future.
* **The handshake.** After the application accepts, the protocol still holds the raw HTTP request, the
  parsed headers (autobahn's dict; Daphne's ASGI list stays the application's), the request object, the offered
  extensions and subprotocols and the 101 response; none is read again. :func:`trim_handshake` drops them.
* **The upgraded HTTP channel.** Twisted's HTTP channel that parsed the upgrade request stays registered
  as the socket's producer, which keeps it and the request alive; :func:`trim_handshake` unregisters it.

It also answers an oversized request body (413, before the body is buffered) and an over-long request line
(414) at the protocol level: realtime/request_limits.py.

tests/realtime/test_daphne_server.py drives a handshake through it in-process; the multi-process chat and
realtime tests and scripts/start.sh run it as a real server.
"""

from __future__ import annotations

import asyncio
import faulthandler
import os
import sys
import threading
import time
from functools import partial

from daphne.cli import CommandLineInterface
from daphne.server import Server
from twisted.web.http import HTTPChannel

from realtime import request_limits

# Attributes of autobahn's WebSocketServerProtocol and Daphne's WebSocketProtocol that are read only
# while the opening handshake is processed (autobahn.websocket.protocol processHandshake and
# succeedHandshake; daphne.ws_protocol onConnect). After the 101 response they are dead weight.
HANDSHAKE_ATTRIBUTES = (
    "http_request_data",  # the raw request bytes, cookies included
    "http_headers",  # autobahn's parsed header dict
    "http_status_line",
    "http_response_data",  # the 101 response, kept by autobahn "for the test suite"
    "http_request_uri",
    "http_request_params",
    "http_request_host",
    "websocket_extensions",  # the offers; what is in use stays in websocket_extensions_in_use
    "websocket_protocols",  # the offers; what is in use stays in websocket_protocol_in_use
    "websocket_origin",
    "_wskey",
    "clean_headers",  # Daphne's reference to the ASGI headers; the scope keeps its own (see trim_handshake)
)


# Seconds a stopping server (Ctrl+C, SIGTERM) may take from the signal to its exit: the drain below, then
# closing its connections, cancelling its applications and letting its threads finish. Past it the server
# prints every thread's stack to stderr and exits. Longer: more time for a database write under way to
# complete (a message is stored before it is broadcast, so a cut write is one the client resends);
# shorter: a rolling restart moves on sooner, and a hung shutdown (seen twice in CI) holds the port for
# less time.
SHUTDOWN_GRACE = float(os.environ.get("DAPHNE_SHUTDOWN_GRACE") or 5)
# The drain on SIGTERM or Ctrl+C (docs/resilience.md): stop listening, send every websocket a close frame
# with DRAIN_CLOSE_CODE, let HTTP requests under way finish, for at most DRAIN_SECONDS; then stop.
DRAIN_SECONDS = float(os.environ.get("DAPHNE_DRAIN_SECONDS") or 3)
# 4503 (an application code, as 4401 and 4409; autobahn lets a server send only 1000 or 3000-4999, so not
# RFC 6455's 1012 "Service Restart"): the browser reconnects at once, to whichever server the front door
# gives it, instead of backing off as after a failure (realtime/static/realtime/taimi-live.js).
DRAIN_CLOSE_CODE = 4503


def start_shutdown_watchdog(grace: float = SHUTDOWN_GRACE) -> threading.Thread:
    """Make sure the process ends within ``grace`` seconds from now, whatever is still running.

    A daemon thread: it keeps running while the interpreter waits for other threads at exit, and it never
    keeps the process alive itself.
    """

    def expire():
        sys.stderr.write(f"Daphne did not stop within {grace:g} s; the threads still running:\n")
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        sys.stderr.flush()
        os._exit(1)

    watchdog = threading.Timer(grace, expire)
    watchdog.daemon = True
    watchdog.start()
    return watchdog


class HandshakeRequest:
    """What Daphne's disconnect and log lines read of the handshake request after it is trimmed."""

    __slots__ = ("path",)

    def __init__(self, path):
        self.path = path


class InputQueue:
    """The application's receive queue for one connection: ``asyncio.Queue``'s contract, a list and a future.

    Daphne calls ``put_nowait`` from the protocol (Twisted runs on the same asyncio loop, so there is no
    thread to guard against) and the application awaits ``get``, one reader at a time.
    """

    __slots__ = ("_items", "_waiter")

    def __init__(self):
        self._items: list = []
        self._waiter: asyncio.Future | None = None

    def put_nowait(self, item) -> None:
        self._items.append(item)
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def get(self):
        while not self._items:
            waiter = self._waiter = asyncio.get_running_loop().create_future()
            try:
                await waiter
            finally:
                self._waiter = None
        return self._items.pop(0)

    def qsize(self) -> int:
        return len(self._items)

    def empty(self) -> bool:
        return not self._items


def trim_handshake(protocol) -> None:
    """Drop what an open websocket's protocol holds only for its opening handshake (see the module docstring).

    Daphne's ``clean_headers`` is also the ASGI scope's ``headers``: the protocol lets go of it, the scope
    keeps it, so the application can read its headers at any time (a few hundred bytes a socket; emptying
    the list in place would leave every later reader a silent ``[]``). The request object is replaced by
    one that keeps its path, which Daphne's disconnect log reads.
    """
    state = protocol.__dict__
    transport = state.get("transport")
    producer = getattr(transport, "producer", None)
    if isinstance(producer, HTTPChannel):
        # Daphne upgrades a request that Twisted's HTTP channel parsed; the channel stays registered as the
        # transport's producer, which keeps it, the request and its headers alive for as long as the socket.
        # It has nothing left to produce (and its back-pressure would stop reading a client whose writes
        # queue up; realtime/wire.py bounds those instead).
        transport.unregisterProducer()
    request = state.get("request")
    if request is not None and not isinstance(request, HandshakeRequest):
        state["request"] = HandshakeRequest(getattr(request, "path", ""))
    for name in HANDSHAKE_ATTRIBUTES:
        state.pop(name, None)
    # A dict never shrinks when keys are removed; a copy is sized for what is left.
    protocol.__dict__ = dict(state)


class LeanServer(Server):
    """Daphne's server with :class:`InputQueue` per connection, handshakes trimmed after accept, a
    bounded shutdown (:data:`SHUTDOWN_GRACE`) and request limits (realtime/request_limits.py)."""

    @property
    def http_factory(self):
        return self.__dict__.get("_http_factory")

    @http_factory.setter
    def http_factory(self, factory):
        # Daphne's run() builds its HTTPFactory here; the same factory with the request limits (413 before
        # an oversized body is buffered, 414 for an over-long request line) takes its place.
        self._http_factory = request_limits.http_factory(self)

    def run(self):
        from twisted.internet import reactor  # Daphne's asyncio reactor, installed when daphne.server loaded

        self.ports = []
        self.draining = False
        reactor.addSystemEventTrigger("before", "shutdown", self._watch_shutdown)
        # Twisted's handlers for SIGTERM and SIGINT stop the reactor at once; these drain first. The
        # reactor binds them when it starts running, so they are set on it before.
        reactor.sigTerm = reactor.sigInt = self._drain_signal
        super().run()

    def listen_success(self, port):
        self.ports.append(port)
        super().listen_success(port)

    def _watch_shutdown(self):
        if getattr(self, "_watchdog", None) is None:
            self._watchdog = start_shutdown_watchdog()

    def _drain_signal(self, *args):
        from twisted.internet import reactor

        reactor.callFromThread(self._drain_or_stop)

    def _drain_or_stop(self):
        try:
            self.drain()
        except Exception:  # noqa: BLE001 - a drain that fails must still stop the server
            import traceback

            traceback.print_exc()
            self.stop()

    def drain(self):
        """Stop taking connections, ask every websocket to reconnect elsewhere, finish HTTP under way, stop."""
        from daphne.ws_protocol import WebSocketProtocol
        from twisted.internet import reactor

        if self.draining:  # the second signal: stop now
            self.stop()
            return
        self.draining = True
        self._watch_shutdown()
        for port in self.ports:
            port.stopListening()
        closed = 0
        for protocol in list(self.connections):
            if isinstance(protocol, WebSocketProtocol) and protocol.state in (
                protocol.STATE_OPEN,
                protocol.STATE_CONNECTING,
            ):
                if protocol.state == protocol.STATE_OPEN:
                    protocol.sendClose(code=DRAIN_CLOSE_CODE, reason="server restarting")
                else:
                    protocol.dropConnection(abort=True)
                closed += 1
        sys.stderr.write(f"Draining: {closed} websocket(s) asked to reconnect elsewhere\n")
        deadline = time.monotonic() + DRAIN_SECONDS

        def check():
            if not self._busy() or time.monotonic() >= deadline:
                self.stop()
            else:
                reactor.callLater(0.05, check)

        check()

    def _busy(self) -> bool:
        """Any HTTP request whose application has not finished, or any websocket not closed yet."""
        from daphne.ws_protocol import WebSocketProtocol

        for protocol, details in list(self.connections.items()):
            if isinstance(protocol, WebSocketProtocol):
                if protocol.state != protocol.STATE_CLOSED:
                    return True
                continue
            instance = details.get("application_instance")
            if instance is not None and not instance.done():
                return True
        return False

    def create_application(self, protocol, scope):
        assert "application_instance" not in self.connections[protocol]
        input_queue = InputQueue()
        scope.setdefault("asgi", {"version": "3.0"})
        application_instance = self.application(
            scope=scope,
            receive=input_queue.get,
            send=partial(self.handle_reply, protocol),
        )
        if protocol not in self.connections:
            return None
        self.connections[protocol]["application_instance"] = asyncio.ensure_future(
            application_instance, loop=asyncio.get_event_loop()
        )
        return input_queue

    async def handle_reply(self, protocol, message):
        await super().handle_reply(protocol, message)
        if message.get("type") == "websocket.accept" and getattr(protocol, "state", None) == 3:  # STATE_OPEN
            trim_handshake(protocol)


class LeanCommandLineInterface(CommandLineInterface):
    server_class = LeanServer


def main(argv=None) -> None:
    LeanCommandLineInterface().run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    main()
