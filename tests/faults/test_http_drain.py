"""SIGTERM while an HTTP request is in flight, on the shipped servers as deploy/run.sh starts them
(docs/resilience.md, "Draining"): gunicorn (deploy/gunicorn.conf.py) serves HTTP, Daphne serves /ws/ and,
with HTTP_SERVER=daphne, HTTP too.

The slow page is real: the home page waits for a lock another PostgreSQL session holds on the
notifications table (the header's unread count) until the test lets it go, two seconds after the signal.
Meanwhile a new connection to the server's port must be refused at once (nginx then tries the next
backend), and afterwards the request under way answers 200 with the whole page and the process is gone
within about 5 s of the signal.
"""

import http.client
import os
import signal
import socket
import threading
import time

import psycopg
import pytest

pytestmark = [pytest.mark.postgresql, pytest.mark.redis]

HELD_AFTER_SIGNAL = 2.0  # seconds the page stays blocked after SIGTERM
EXIT_WITHIN = 5.5


class SlowRequest(threading.Thread):
    """GET ``path`` with the cookie on a connection of its own; the status, body and time it took."""

    def __init__(self, port: int, path: str, cookie: str):
        super().__init__(daemon=True)
        self.port, self.path, self.cookie = port, path, cookie
        self.status = None
        self.body = b""
        self.error = None

    def run(self):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            connection.request("GET", self.path, headers={"Cookie": self.cookie})
            response = connection.getresponse()
            self.status, self.body = response.status, response.read()
            connection.close()
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            self.error = repr(error)


def _refused(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return False
    except ConnectionRefusedError:
        return True


def _wait_for_lock_waiter(admin, deadline: float) -> None:
    """Until a backend of the site waits for the test's lock (the request is in flight)."""
    while time.monotonic() < deadline:
        waiting = admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'intranet'"
        ).fetchone()[0]
        if waiting:
            return
        time.sleep(0.05)
    raise AssertionError("the request never reached the locked table")


def _pids_of_group(pgid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getpgid(int(entry)) == pgid:
                    found.append(int(entry))
            except ProcessLookupError:
                continue
    return found


@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", ["gunicorn", "daphne"])
def test_sigterm_lets_the_request_in_flight_finish_and_refuses_new_connections(topology, kind):
    """Before, gunicorn's workers kept the listening socket open while they finished their requests: a new
    connection was taken by the kernel and hung until the worker exited, then was reset, never refused."""
    server = topology.gunicorn() if kind == "gunicorn" else topology.daphne()
    server.start()
    cookie = topology.setup["users"]["aino"]["cookie"]
    warm = SlowRequest(server.port, "/", cookie)
    warm.run()  # the page answers (and every lazy import is done) before the test begins
    assert warm.status == 200, (warm.status, warm.error)
    holder = psycopg.connect(topology.postgres.url, autocommit=False)
    admin = psycopg.connect(topology.postgres.url, autocommit=True)
    try:
        holder.execute("LOCK TABLE realtime_notification IN ACCESS EXCLUSIVE MODE")
        slow = SlowRequest(server.port, "/", cookie)
        slow.start()
        _wait_for_lock_waiter(admin, time.monotonic() + 20)
        group = server.process.pid
        signalled = time.monotonic()
        os.killpg(group, signal.SIGTERM)  # as deploy/run.sh stop and systemd do: master and workers
        refused_after = None
        while time.monotonic() - signalled < 1.0:
            if _refused(server.port):
                refused_after = time.monotonic() - signalled
                break
            time.sleep(0.05)
        still_in_flight = slow.is_alive()
        time.sleep(max(0.0, HELD_AFTER_SIGNAL - (time.monotonic() - signalled)))
        holder.rollback()  # the page's query goes on
        slow.join(20)
        server.process.wait(timeout=15)
        took = time.monotonic() - signalled
        output = server.output()
        assert refused_after is not None, "a new connection was still accepted 1 s after SIGTERM"
        assert still_in_flight, "the request ended before the lock was let go"
        assert slow.status == 200, (slow.status, slow.error, output[-3000:])
        assert slow.body.rstrip().endswith(b"</html>"), slow.body[-300:]
        assert took < EXIT_WITHIN, (took, output[-3000:])
        assert _pids_of_group(group) == [], "a worker outlived its master"
    finally:
        holder.close()
        admin.close()
        server.stop()
