"""Request limits against a real Daphne process (``python -m realtime.daphne_server``, as scripts/start.sh
runs it): a 100 MB POST to the login page, anonymous or with a session cookie, declared or chunked, is
answered 413 and the server's peak memory hardly moves; a 20 KB URL gets 414 instead of a dropped connection.

One server for the module. It needs no migrated database: every refusal here happens before the application
runs, which is the point (the server does not know who is asking, so the rule is the same for everyone).
"""

import re
import select
import socket
import time
from pathlib import Path

import pytest

from tests.chat.servers import Daphne, free_port

MB = 1024 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var_dir = Path(tmp_path_factory.mktemp("limits"))
    daphne = Daphne(var_dir, port=free_port()).start()
    yield daphne
    daphne.stop()


def peak_rss(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM), in bytes."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) * 1024


def send_and_read(port: int, head: bytes, body_chunks, timeout=30.0) -> tuple[int | None, int]:
    """Send ``head`` and then body chunks as a browser would, stopping when the server answers; returns
    (status or None if the connection closed without an answer, bytes of body sent)."""
    sent = 0
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head)
        end = time.monotonic() + timeout
        for chunk in body_chunks:
            readable, _w, _x = select.select([sock], [], [], 0)
            if readable:
                break
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
            if time.monotonic() > end:
                break
        sock.settimeout(timeout)
        try:
            while b"\r\n" not in answer:
                data = sock.recv(65536)
                if not data:
                    break
                answer += data
        except ConnectionResetError:
            pass
    match = re.match(rb"HTTP/1\.[01] (\d{3}) ", answer)
    return (int(match.group(1)) if match else None), sent


def declared(path: str, length: int, *headers: str) -> bytes:
    lines = [
        f"POST {path} HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/x-www-form-urlencoded",
        f"Content-Length: {length}",
        *headers,
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def chunked_head(path: str, *headers: str) -> bytes:
    lines = [
        f"POST {path} HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/x-www-form-urlencoded",
        "Transfer-Encoding: chunked",
        *headers,
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def plain_chunks(total: int, size: int = MB):
    block = b"a" * size
    for _ in range(total // size):
        yield block


def http_chunks(total: int, size: int = MB):
    block = b"%x\r\n%s\r\n" % (size, b"a" * size)
    for _ in range(total // size):
        yield block
    yield b"0\r\n\r\n"


COOKIE = "Cookie: sessionid=" + "k" * 32


def test_a_100_mb_post_is_refused_with_413_and_the_servers_memory_stays_flat(server):
    pid = server.process.pid
    before = peak_rss(pid)
    for head in (declared("/kirjaudu/", 100 * MB), declared("/kirjaudu/", 100 * MB, COOKIE)):
        status, sent = send_and_read(server.port, head, plain_chunks(100 * MB))
        assert status == 413
        assert sent < 100 * MB  # answered before the body was sent: a browser stops there
    for head in (chunked_head("/kirjaudu/"), chunked_head("/kirjaudu/", COOKIE)):
        status, _sent = send_and_read(server.port, head, http_chunks(100 * MB))
        assert status == 413
    growth = peak_rss(pid) - before
    assert growth < 50 * MB, f"Daphne's peak memory grew by {growth / MB:.0f} MB"


def test_an_upload_path_takes_more_than_the_general_limit_but_not_without_bound(server):
    # 6 MB is over the general limit (4 MB) and within the chat attachment limit (20 MB + 1 MB): it reaches
    # the application, whose CSRF check refuses this token-less POST (403): the body was read to the end.
    upload = "/chat/api/huoneet/1/liitteet/"
    status, sent = send_and_read(server.port, declared(upload, 6 * MB), plain_chunks(6 * MB))
    assert status == 403 and sent == 6 * MB
    status, _sent = send_and_read(
        server.port, declared("/chat/api/huoneet/1/liitteet/", 30 * MB), plain_chunks(30 * MB)
    )
    assert status == 413


def test_a_20_kb_url_gets_414_and_one_within_the_limit_an_ordinary_answer(server):
    def get(query_length):
        return f"GET /haku/?q={'a' * query_length} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()

    status, _sent = send_and_read(server.port, get(20_000), [])
    assert status == 414
    status, _sent = send_and_read(server.port, get(10_000), [])
    assert status == 302  # to the login page: served as usual
