"""Request limits at the server: an oversized body is refused (413) before it is buffered, an over-long
request line gets an answer (414) instead of a dropped connection.

Daphne reads a whole request body (into memory or a temporary file) before the application sees any of it,
and then queues all of it, in 8 KiB pieces, in memory at once: an anonymous 100 MB POST cost over a
gigabyte of server memory, and the application's own limits (Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE``) come
too late to help. So the limit is enforced where the bytes arrive:

* :class:`LimitedHTTPChannel` (Twisted's HTTP/1.1 parser, as Daphne uses it) looks at ``Content-Length``
  as soon as the headers are in and answers 413 before a byte of the body is read (no ``100 Continue``
  either); a chunked body, which has no length up front, is counted as it arrives
  (:meth:`LimitedRequest.handleContentChunk`) and refused the moment it passes the limit. A request line
  longer than ``REQUEST_MAX_URL_BYTES`` is answered 414 (Twisted closed the connection without a word).
* After a refusal the connection reads and discards what the client still sends for at most
  :data:`REFUSED_LINGER` seconds, then closes: closing a socket with unread data makes the kernel send a
  reset, and many clients then report "connection reset" instead of the 413 they were sent.
* :class:`RequestLimitMiddleware` is the same rule for any other ASGI server (``runserver``'s stock Daphne,
  uvicorn): it refuses by ``Content-Length`` before reading and counts a streamed body as it arrives.

The limits are settings (``REQUEST_MAX_BODY_SIZE``, ``REQUEST_BODY_LIMITS``, ``REQUEST_MAX_URL_BYTES``;
intranet/settings.py says what each trades off, docs/access.md "Request limits" lists them). The limit is
the same for anonymous and signed-in requests: the server does not know who is asking until the
application has run, and that is too late. Uploads (photos, chat attachments, Wagtail documents and
images) get larger limits on their own paths only.

tests/realtime/test_request_limits.py drives the Twisted side in memory;
tests/realtime/test_request_limits_server.py sends 100 MB to a real Daphne process and measures its memory.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from twisted.web.http import HTTPChannel, _GenericHTTPChannelProtocol

# Seconds a connection whose request was refused keeps reading (and dropping) what the client still sends
# before it closes. Longer: more clients finish sending and read the 413; shorter: a client that keeps
# sending holds the connection (not memory: nothing is kept) for less time.
REFUSED_LINGER = 2.0

REASONS = {413: b"Content Too Large", 414: b"URI Too Long", 431: b"Request Header Fields Too Large"}

# Trilingual on purpose: at this level nothing says which language the person reads (the session and the
# language cookie belong to the application, which never sees a refused request).
MESSAGES = {
    413: (
        "Pyyntö on liian suuri",
        "Lähettämäsi tiedot tai tiedosto ylittävät sallitun koon. Mitään ei tallennettu.",
        "Begäran är för stor",
        "Uppgifterna eller filen du skickade är större än tillåtet. Inget sparades.",
        "Request too large",
        "What you sent is larger than allowed. Nothing was saved.",
    ),
    414: (
        "Osoite on liian pitkä",
        "Sivun osoite on liian pitkä. Palaa edelliselle sivulle ja yritä uudelleen.",
        "Adressen är för lång",
        "Sidans adress är för lång. Gå tillbaka och försök igen.",
        "Address too long",
        "The page address is too long. Go back and try again.",
    ),
    431: (
        "Pyynnön otsakkeet ovat liian suuret",
        "Tyhjennä selaimen evästeet tältä sivustolta ja yritä uudelleen.",
        "Begärans huvuden är för stora",
        "Rensa webbläsarens kakor för den här webbplatsen och försök igen.",
        "Request headers too large",
        "Clear your browser's cookies for this site and try again.",
    ),
}


def refusal_page(status: int) -> bytes:
    fi_title, fi_text, sv_title, sv_text, en_title, en_text = MESSAGES[status]
    return (
        '<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{status} {fi_title}</title></head><body>"
        f"<h1>{fi_title}</h1><p>{fi_text}</p>"
        f'<h2 lang="sv">{sv_title}</h2><p lang="sv">{sv_text}</p>'
        f'<h2 lang="en">{en_title}</h2><p lang="en">{en_text}</p>'
        "</body></html>"
    ).encode()


def refusal_headers(status: int, body: bytes) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        (b"cache-control", b"no-store"),
    ]


@dataclass(frozen=True)
class Limits:
    max_body: int
    uploads: tuple[tuple[re.Pattern, int], ...]
    max_url: int

    def body_limit(self, path: str) -> int:
        """The largest body accepted for ``path`` (the path only, no query string)."""
        for pattern, limit in self.uploads:
            if pattern.match(path):
                return limit
        return self.max_body


@functools.cache
def limits() -> Limits:
    """The limits from Django's settings (read once: the server process never changes them)."""
    from django.conf import settings

    return Limits(
        max_body=int(settings.REQUEST_MAX_BODY_SIZE),
        uploads=tuple((re.compile(pattern), int(limit)) for pattern, limit in settings.REQUEST_BODY_LIMITS),
        max_url=int(settings.REQUEST_MAX_URL_BYTES),
    )


def _path_of(target: bytes) -> str:
    return target.split(b"?", 1)[0].decode("latin-1")


# --- Daphne (Twisted) ----------------------------------------------------------------------------------


class LimitedRequest:
    """Mixed into Daphne's ``WebRequest`` (see :func:`request_class`): counts the body as it arrives."""

    body_limit: int | None = None
    body_received = 0

    def handleContentChunk(self, data):
        self.body_received += len(data)
        if self.body_limit is not None and self.body_received > self.body_limit:
            self.channel.refuse(413)
            return
        super().handleContentChunk(data)


@functools.cache
def request_class():
    from daphne.http_protocol import WebRequest

    return type("LimitedWebRequest", (LimitedRequest, WebRequest), {})


class LimitedHTTPChannel(HTTPChannel):
    """Twisted's HTTP/1.1 channel with the request limits (module docstring)."""

    refused = False

    def __init__(self, limits: Limits):
        super().__init__()
        self.limits = limits
        # Twisted's MAX_LENGTH bounds every line (request line and each header); a request line past it was
        # dropped without an answer. The total of all header lines keeps Twisted's own bound, raised so that
        # a request line at the limit still fits beside ordinary headers and cookies.
        self.MAX_LENGTH = limits.max_url
        self.totalHeadersSize = limits.max_url + HTTPChannel.totalHeadersSize

    def allHeadersReceived(self):
        request = self.requests[-1]
        limit = self.limits.body_limit(_path_of(self._path))
        if self.length is not None and self.length > limit:  # Content-Length: refuse before any body byte
            self.refuse(413)
            return
        request.body_limit = limit
        super().allHeadersReceived()

    def lineLengthExceeded(self, line):
        # Twisted names the request line's state _HTTPChannel__first_line (pinned in the tests).
        self.refuse(414 if getattr(self, "_HTTPChannel__first_line", 0) else 431)

    def refuse(self, status: int) -> None:
        """Answer ``status`` with a short page, drop whatever else arrives, close after REFUSED_LINGER."""
        if self.refused or self.transport is None:
            return
        self.refused = True
        body = refusal_page(status)
        head = b"HTTP/1.1 %d %s\r\n" % (status, REASONS[status])
        head += b"".join(name + b": " + value + b"\r\n" for name, value in refusal_headers(status, body))
        self.transport.write(head + b"\r\n" + body)
        self.dataReceived = self._discard  # the rest of this request (and anything pipelined) is dropped
        self.setRawMode()  # stop LineReceiver from parsing what is already buffered as further requests
        self.clearLineBuffer()
        self.setTimeout(None)
        self.persistent = False
        self._linger = self.callLater(REFUSED_LINGER, self._close_refused)

    def _discard(self, data):
        return None

    def allContentReceived(self):
        if self.refused:  # a refused chunked body may still end in the data already read: never run it
            return
        super().allContentReceived()

    def rawDataReceived(self, data):
        if self.refused:
            return
        super().rawDataReceived(data)

    def _close_refused(self):
        if self.transport is not None:
            self.transport.loseConnection()

    def connectionLost(self, reason):
        linger = getattr(self, "_linger", None)
        if linger is not None and linger.active():
            linger.cancel()
        super().connectionLost(reason)


class LimitedFactoryMixin:
    """Mixed into Daphne's ``HTTPFactory``: channels with limits, requests that count their body."""

    def protocol(self):
        return _GenericHTTPChannelProtocol(LimitedHTTPChannel(limits()))

    def buildProtocol(self, addr):
        protocol = super().buildProtocol(addr)
        protocol.requestFactory = request_class()
        return protocol


def http_factory(server):
    """Daphne's HTTPFactory for ``server`` with the limits (realtime/daphne_server.py uses it)."""
    from daphne.http_protocol import HTTPFactory

    return type("LimitedHTTPFactory", (LimitedFactoryMixin, HTTPFactory), {})(server)


# --- any ASGI server ---------------------------------------------------------------------------------


class RequestLimitMiddleware:
    """ASGI middleware: the same body limits for servers that stream the body to the application."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = limits().body_limit(scope.get("path", ""))
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0  # the server refuses a malformed length before it gets here
                if declared > limit:
                    return await self._refuse(send)
                break
        received = 0
        refused = False
        started = False

        async def counting_receive():
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    return {"type": "http.disconnect"}  # the application stops reading and answers nothing
            return message

        async def watching_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counting_receive, watching_send)
        if refused and not started:
            await self._refuse(send)

    @staticmethod
    async def _refuse(send):
        body = refusal_page(413)
        await send({"type": "http.response.start", "status": 413, "headers": refusal_headers(413, body)})
        await send({"type": "http.response.body", "body": body})
