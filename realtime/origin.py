"""The websocket origin check: a browser may open a socket only from this site's own pages.

Channels' ``AllowedHostsOriginValidator`` compares the host of the ``Origin`` header with ``ALLOWED_HOSTS``
and ignores the scheme and the port, so a page served by any other program on the same machine (another
port) could open a signed-in socket with the person's cookie (cookies are not port-bound). Here the origin
must be the very origin the socket was requested on, as Django's CSRF check requires of a form POST:

* ``Origin`` equals ``<scheme>://<Host header>`` (scheme, host and port; the default port of the scheme
  may be left out on either side), the scheme being https when the socket came over TLS (``wss``, or the
  header named by ``SECURE_PROXY_SSL_HEADER`` behind a proxy), and the host is in ``ALLOWED_HOSTS``; or
* ``Origin`` is listed in ``CSRF_TRUSTED_ORIGINS`` (scheme, host and port, as Django reads that setting;
  ``https://*.example.fi`` allows the subdomains).

Anything else, a missing or ``null`` origin included, is refused during the handshake (403).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host

DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin_tuple(value: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an origin such as ``https://taimi.keha.fi:8443``, or None if malformed."""
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in DEFAULT_PORTS or not host:
        return None
    return scheme, host, port or DEFAULT_PORTS[scheme]


def _secure(scope, headers: dict[bytes, bytes]) -> bool:
    if scope.get("scheme") in ("wss", "https"):
        return True
    proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy:
        name, expected = proxy
        header = name.removeprefix("HTTP_").replace("_", "-").lower().encode()
        value = headers.get(header, b"").decode("latin-1").split(",", 1)[0].strip()
        return value == expected
    return False


def _trusted(origin: tuple[str, str, int]) -> bool:
    scheme, host, port = origin
    for entry in getattr(settings, "CSRF_TRUSTED_ORIGINS", ()):
        trusted = _origin_tuple(entry.replace("://*.", "://wildcard."))
        if trusted is None or trusted[0] != scheme or trusted[2] != port:
            continue
        if "://*." in entry:
            suffix = trusted[1].removeprefix("wildcard")  # ".example.fi"
            if host.endswith(suffix) and host != suffix[1:]:
                return True
        elif trusted[1] == host:
            return True
    return False


def origin_allowed(scope) -> bool:
    headers = dict(scope.get("headers", ()))
    origin_header = headers.get(b"origin")
    if not origin_header:
        return False
    origin = _origin_tuple(origin_header.decode("latin-1"))
    if origin is None:
        return False
    if _trusted(origin):
        return True
    host_header = headers.get(b"host", b"").decode("latin-1").lower()
    domain, port = split_domain_port(host_header)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return False
    scheme = "https" if _secure(scope, headers) else "http"
    try:
        port_number = int(port) if port else DEFAULT_PORTS[scheme]
    except ValueError:
        return False
    # split_domain_port keeps an IPv6 address's brackets; urlsplit's hostname drops them.
    return origin == (scheme, domain.strip("[]"), port_number)


class OriginValidator:
    """ASGI middleware for websockets: refuse the handshake unless :func:`origin_allowed`."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not origin_allowed(scope):
            denier = WebsocketDenier()
            return await denier(scope, receive, send)
        return await self.application(scope, receive, send)
