"""The production topology (deploy/run.sh: nginx, gunicorn, two Daphnes, the worker) on PostgreSQL under
load: the connection pools hold, nothing answers 500, the readiness check sees every backend, websockets
are upgraded through nginx (docs/deployment.md)."""

import concurrent.futures
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import psycopg
import pytest
from django.conf import settings
from django.db import connection

pytestmark = [pytest.mark.postgresql, pytest.mark.redis, pytest.mark.timeout(300)]

ROOT = settings.BASE_DIR


def _free_base_port(count: int) -> int:
    for base in range(23140, 60000, 37):
        sockets = []
        try:
            for port in range(base, base + count):
                probe = socket.socket()
                sockets.append(probe)
                probe.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for probe in sockets:
                probe.close()
    raise RuntimeError("no free ports")


@pytest.fixture
def topology(transactional_db, django_db_serialized_rollback, tmp_path):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    port = _free_base_port(6)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "VAR_DIR": str(tmp_path / "var"),
        "PORT": str(port),
        "HTTP_PROCESSES": "2",
        "HTTP_THREADS": "3",
        "DAPHNE_PROCESSES": "2",
        "DAPHNE_DB_POOL": "4",
        "STOP_GRACE": "5",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    script = str(ROOT / "deploy" / "run.sh")
    started = subprocess.run([script, "start"], env=env, capture_output=True, text=True, timeout=240)
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        budget = int(subprocess.run([script, "budget"], env=env, capture_output=True, text=True).stdout)
        yield {"url": f"http://127.0.0.1:{port}", "budget": budget, "database": db["NAME"], "dsn": url}
    finally:
        subprocess.run([script, "stop"], env=env, capture_output=True, timeout=60)


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_topology_under_load(topology):
    """One start of the topology (it costs most of the test): the pools, readiness, nginx's upgrade."""
    _connections_stay_within_the_pools_under_load(topology)
    _readiness_through_nginx_and_websocket_upgrade(topology)


def _connections_stay_within_the_pools_under_load(topology):
    samples, stop = [], threading.Event()

    def sample():
        with psycopg.connect(topology["dsn"], autocommit=True) as watcher:
            while not stop.is_set():
                row = watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
                    " AND backend_type = 'client backend'",  # not autovacuum
                    [topology["database"]],
                ).fetchone()
                samples.append(row[0])
                time.sleep(0.05)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    paths = ["/readyz", "/kirjaudu/", "/healthz", "/readyz", "/ihmiset/"] * 80
    with concurrent.futures.ThreadPoolExecutor(max_workers=60) as pool:
        statuses = list(pool.map(lambda path: _get(topology["url"] + path), paths))
    stop.set()
    watcher.join()
    assert not [status for status in statuses if status >= 500], statuses
    # The test's own connection is the one more that may be open.
    assert max(samples) <= topology["budget"] + 1, max(samples)
    assert max(samples) >= 3  # the processes did connect (the sampler saw them)


def _readiness_through_nginx_and_websocket_upgrade(topology):
    import json

    expected = {"database", "redis", "channel_layer", "worker"}
    # The worker's first heartbeat may come a moment after the start, and a round trip through the channel
    # layer may miss its 2 s while the machine is still busy with the load above: ask again for a minute
    # (a CI run with other processes busy beside it once needed more than the 20 s this allowed).
    deadline = time.monotonic() + 60
    while True:
        with urllib.request.urlopen(topology["url"] + "/readyz", timeout=30) as response:
            body = json.loads(response.read())
        ok = {name for name, check in body["checks"].items() if check["status"] == "ok"}
        if ok >= expected or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert ok >= expected, json.dumps(body, indent=1)
    # /ws/ reaches Daphne through nginx's upgrade: an anonymous socket is refused by the application
    # (403 from Daphne), not by nginx (400/404/502).
    with socket.create_connection(("127.0.0.1", int(topology["url"].rsplit(":", 1)[1])), timeout=10) as raw:
        raw.sendall(
            b"GET /ws/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            b"Origin: " + topology["url"].encode() + b"\r\n\r\n"
        )
        status_line = raw.recv(200).split(b"\r\n", 1)[0]
    assert status_line.split()[1] in {b"101", b"403"}, status_line
    metrics = urllib.request.urlopen(topology["url"] + "/metrics", timeout=30).read().decode()
    assert "taimi_http_request_duration_seconds_count" in metrics
