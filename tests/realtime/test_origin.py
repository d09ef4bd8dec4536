"""The websocket origin check compares scheme, host and port (realtime/origin.py): a page served by another
program on another port of the same host must not open a signed-in socket with the person's cookie."""

import pytest
from channels.db import database_sync_to_async

from realtime.origin import origin_allowed
from tests.realtime.test_consumer import communicator, session_cookie_for


def scope(origin, host, scheme="ws", **extra_headers):
    headers = [(b"host", host.encode())]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    headers += [(name.encode(), value.encode()) for name, value in extra_headers.items()]
    return {"type": "websocket", "scheme": scheme, "headers": headers}


@pytest.mark.parametrize(
    ("origin", "host", "scheme", "allowed"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1:8000", "ws", True),
        ("http://127.0.0.1:8001", "127.0.0.1:8000", "ws", False),  # another port of the same host
        ("http://127.0.0.1", "127.0.0.1:8000", "ws", False),  # port 80 is not port 8000
        ("https://127.0.0.1:8000", "127.0.0.1:8000", "ws", False),  # another scheme
        ("http://localhost", "localhost", "ws", True),  # default ports on both sides
        ("http://localhost:80", "localhost", "ws", True),
        ("https://localhost", "localhost", "wss", True),
        ("https://localhost:443", "localhost:443", "wss", True),
        ("http://localhost", "localhost", "wss", False),  # a TLS socket from a plain-http page
        ("https://localhost:8443", "localhost", "wss", False),
        ("http://[::1]:8000", "[::1]:8000", "ws", True),
        ("http://[::1]:8001", "[::1]:8000", "ws", False),
        ("http://evil.example", "evil.example", "ws", False),  # a host outside ALLOWED_HOSTS
        ("null", "127.0.0.1:8000", "ws", False),
        ("http://127.0.0.1:x", "127.0.0.1:8000", "ws", False),
        (None, "127.0.0.1:8000", "ws", False),
    ],
)
def test_origin_must_match_scheme_host_and_port(origin, host, scheme, allowed):
    assert origin_allowed(scope(origin, host, scheme)) is allowed


def test_trusted_origins_are_matched_with_their_port(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://taimi.keha.example", "https://*.keha.example:8443"]
    assert origin_allowed(scope("https://taimi.keha.example", "127.0.0.1:8000"))
    assert not origin_allowed(scope("https://taimi.keha.example:9443", "127.0.0.1:8000"))
    # The wildcard is for subdomains only.
    assert not origin_allowed(scope("https://keha.example:8443", "127.0.0.1:8000"))
    assert not origin_allowed(scope("http://taimi.keha.example", "127.0.0.1:8000"))
    assert origin_allowed(scope("https://uusi.keha.example:8443", "127.0.0.1:8000"))
    assert not origin_allowed(scope("https://uusi.keha.example", "127.0.0.1:8000"))
    assert not origin_allowed(scope("https://keha.example.evil:8443", "127.0.0.1:8000"))


def test_behind_a_tls_proxy_the_proxy_header_decides_the_scheme(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert origin_allowed(scope("https://localhost", "localhost", **{"x-forwarded-proto": "https"}))
    assert not origin_allowed(scope("https://localhost", "localhost"))
    assert not origin_allowed(scope("http://localhost", "localhost", **{"x-forwarded-proto": "https"}))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_a_signed_in_socket_from_another_port_is_refused_and_the_same_origin_accepted():
    _user_id, cookie = await session_cookie_for("aino")
    ws = communicator(cookie, origin="http://127.0.0.1:8001")  # the server is 127.0.0.1:8000
    connected, _ = await ws.connect()
    assert not connected
    ws = communicator(cookie, origin="http://127.0.0.1:8000")
    connected, _ = await ws.connect()
    assert connected
    await ws.disconnect()
    await database_sync_to_async(lambda: None)()
