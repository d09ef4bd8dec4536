"""Request limits (realtime/request_limits.py, docs/access.md "Request limits"): an oversized body is refused
with 413 before the application runs and before the body is kept; an over-long request line gets 414.

The Twisted side is driven in memory through the same factory LeanServer listens with (Twisted's HTTP parser,
Daphne's request class); tests/realtime/test_request_limits_server.py sends 100 MB to a real Daphne process.
"""

import asyncio

import pytest
from twisted.internet.address import IPv4Address
from twisted.internet.task import Clock
from twisted.internet.testing import StringTransport

from realtime import request_limits
from realtime.daphne_server import LeanServer
from realtime.request_limits import RequestLimitMiddleware

GENERAL = 1000
UPLOAD = 5000


@pytest.fixture(autouse=True)
def small_limits(settings):
    settings.REQUEST_MAX_BODY_SIZE = GENERAL
    settings.REQUEST_BODY_LIMITS = [(r"^/chat/api/huoneet/\d+/liitteet/$", UPLOAD)]
    settings.REQUEST_MAX_URL_BYTES = 2000
    request_limits.limits.cache_clear()
    yield
    request_limits.limits.cache_clear()


class App:
    """An ASGI application that records each request and its whole body, and answers 200."""

    def __init__(self):
        self.requests = []

    async def __call__(self, scope, receive, send):
        body = b""
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":  # as Django: the request is abandoned, no answer
                return
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.requests.append((scope["path"], body))
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


def connection():
    """(app, channel protocol, transport, clock): one HTTP connection to a LeanServer, in memory."""
    app = App()
    server = LeanServer(application=app, endpoints=["tcp:port=0:interface=127.0.0.1"])  # never listened on
    server.connections = {}
    server.http_factory = None  # LeanServer puts its own factory in place of whatever Daphne builds
    protocol = server.http_factory.buildProtocol(IPv4Address("TCP", "127.0.0.1", 50000))
    clock = Clock()
    protocol.callLater = clock.callLater
    transport = StringTransport(
        peerAddress=IPv4Address("TCP", "127.0.0.1", 50000), hostAddress=IPv4Address("TCP", "127.0.0.1", 8000)
    )
    protocol.makeConnection(transport)
    return app, protocol, transport, clock


def head(method, target, *headers):
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1:8000", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def chunked(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


async def settle():
    for _ in range(5):
        await asyncio.sleep(0.01)


async def test_a_declared_length_over_the_limit_is_refused_before_any_body_byte():
    app, protocol, transport, clock = connection()
    protocol.dataReceived(
        head(
            "POST",
            "/kirjaudu/",
            f"Content-Length: {100 * 1024 * 1024}",
            "Expect: 100-continue",
            "Cookie: sessionid=abc",
        )
    )
    answer = transport.value()
    assert answer.startswith(b"HTTP/1.1 413 Content Too Large\r\n")
    assert b"100 Continue" not in answer  # the client is not invited to send the body
    assert b"Pyynt\xc3\xb6 on liian suuri" in answer and b"connection: close" in answer
    protocol.dataReceived(b"x" * 100_000)  # what the client still sends is dropped, not kept
    assert transport.value() == answer
    assert not transport.disconnecting
    clock.advance(request_limits.REFUSED_LINGER)
    assert transport.disconnecting  # closed after the linger
    await settle()
    assert app.requests == []


async def test_a_chunked_body_is_refused_when_it_passes_the_limit_even_if_it_ends_in_the_same_read():
    app, protocol, transport, _clock = connection()
    protocol.dataReceived(head("POST", "/kirjaudu/", "Transfer-Encoding: chunked"))
    protocol.dataReceived(chunked(b"a" * 600))
    assert transport.value() == b""  # under the limit so far
    protocol.dataReceived(chunked(b"b" * 600) + b"0\r\n\r\n")
    assert transport.value().startswith(b"HTTP/1.1 413 ")
    await settle()
    assert app.requests == []  # the application never ran with a cut body
    request = protocol._channel.requests[0]
    assert request.content.tell() <= GENERAL  # nothing past the limit was written anywhere


async def test_bodies_within_the_limit_reach_the_application_and_uploads_have_their_own_limit():
    app, protocol, transport, _clock = connection()
    protocol.dataReceived(head("POST", "/kirjaudu/", f"Content-Length: {GENERAL}") + b"k" * GENERAL)
    await settle()
    assert app.requests == [("/kirjaudu/", b"k" * GENERAL)]
    assert transport.value().startswith(b"HTTP/1.1 200 ")

    app, protocol, transport, _clock = connection()
    path = "/chat/api/huoneet/7/liitteet/"
    protocol.dataReceived(head("POST", path, f"Content-Length: {UPLOAD}") + b"u" * UPLOAD)
    await settle()
    assert app.requests == [("/chat/api/huoneet/7/liitteet/", b"u" * UPLOAD)]

    app, protocol, transport, _clock = connection()
    protocol.dataReceived(head("POST", "/chat/api/huoneet/7/liitteet/?x=1", f"Content-Length: {UPLOAD + 1}"))
    assert transport.value().startswith(b"HTTP/1.1 413 ")
    # Only the upload path itself: the same prefix elsewhere has the general limit.
    app, protocol, transport, _clock = connection()
    protocol.dataReceived(head("POST", "/chat/api/huoneet/7/liitteet/muu/", f"Content-Length: {GENERAL + 1}"))
    assert transport.value().startswith(b"HTTP/1.1 413 ")


async def test_an_over_long_request_line_gets_414_and_an_over_long_header_431():
    app, protocol, transport, _clock = connection()
    protocol.dataReceived(b"GET /haku/?q=" + b"a" * 3000)  # no line end yet: already too long
    assert transport.value().startswith(b"HTTP/1.1 414 URI Too Long\r\n")
    assert b"Osoite on liian pitk" in transport.value()

    app, protocol, transport, _clock = connection()
    protocol.dataReceived(b"GET /haku/?q=" + b"a" * 1900 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")  # within
    await settle()
    assert transport.value().startswith(b"HTTP/1.1 200 ")

    app, protocol, transport, _clock = connection()
    protocol.dataReceived(b"GET / HTTP/1.1\r\nCookie: " + b"c" * 3000 + b"\r\n\r\n")
    assert transport.value().startswith(b"HTTP/1.1 431 ")
    await settle()
    assert app.requests == []


def test_twisted_still_names_the_request_line_state_as_the_414_relies_on():
    from twisted.web.http import HTTPChannel

    assert HTTPChannel()._HTTPChannel__first_line == 1


def test_each_upload_path_allows_what_its_application_accepts(settings):
    from chat.attachments import MAX_FILE_BYTES
    from teams.photos import MAX_PHOTO_BYTES

    request_limits.limits.cache_clear()
    for name in ("REQUEST_MAX_BODY_SIZE", "REQUEST_BODY_LIMITS", "REQUEST_MAX_URL_BYTES"):
        setattr(settings, name, _real(name))  # the project's values, not this module's small ones
    limits = request_limits.limits()
    overhead = _real("REQUEST_UPLOAD_OVERHEAD")
    expected = {
        "/chat/api/huoneet/12/liitteet/": MAX_FILE_BYTES,
        "/ihmiset/oma-profiili/kuva/": MAX_PHOTO_BYTES,
        "/admin/documents/multiple/add/": _real("WAGTAILDOCS_MAX_UPLOAD_SIZE"),
        "/admin/documents/chooser/upload/": _real("WAGTAILDOCS_MAX_UPLOAD_SIZE"),
        "/admin/images/multiple/add/": _real("WAGTAILIMAGES_MAX_UPLOAD_SIZE"),
        "/admin/images/chooser/upload/": _real("WAGTAILIMAGES_MAX_UPLOAD_SIZE"),
    }
    for path, file_limit in expected.items():
        assert limits.body_limit(path) >= file_limit + overhead, path
    assert limits.body_limit("/kirjaudu/") == _real("REQUEST_MAX_BODY_SIZE") < min(expected.values())
    assert limits.max_url == 16 * 1024


def _real(name):
    import intranet.settings

    return getattr(intranet.settings, name)


# --- the ASGI middleware (servers other than realtime.daphne_server) ------------------------------------


async def run_middleware(scope_headers, chunks, path="/kirjaudu/"):
    app = App()
    sent = []
    queue = [
        {"type": "http.request", "body": chunk, "more_body": i < len(chunks) - 1}
        for i, chunk in enumerate(chunks)
    ]

    async def receive():
        return queue.pop(0) if queue else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "path": path, "headers": scope_headers}
    await RequestLimitMiddleware(app)(scope, receive, send)
    return app, sent


async def test_the_middleware_refuses_by_declared_length_without_reading():
    app, sent = await run_middleware([(b"content-length", b"1000000")], [b"x" * 10])
    assert sent[0]["status"] == 413 and app.requests == []


async def test_the_middleware_counts_a_streamed_body_and_answers_413_once():
    app, sent = await run_middleware([], [b"x" * 600, b"y" * 600, b"z"])
    assert [m.get("status") for m in sent if m["type"] == "http.response.start"] == [413]


async def test_the_middleware_lets_bodies_within_the_limit_through():
    app, sent = await run_middleware([(b"content-length", b"1000")], [b"x" * 500, b"y" * 500])
    assert app.requests == [("/kirjaudu/", b"x" * 500 + b"y" * 500)] and sent[0]["status"] == 200
