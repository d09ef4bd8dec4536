"""The Elasticsearch-compatible server for the search_server tests (noida-db).

``TEST_ELASTICSEARCH_URL`` points the tests at a running server (CI may start
one; a real Elasticsearch 8 works too). Otherwise the binary shipped in the
noida-db wheel is started once per test session on a free port with a
temporary data directory, and stopped at the end. We run the binary itself:
the Python wrapper does not pass SIGTERM on, which would leave servers behind.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path


def binary() -> Path | None:
    spec = importlib.util.find_spec("noida_db")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "noida-db"
    return path if path.exists() else None


def server_missing() -> str | None:
    if os.environ.get("TEST_ELASTICSEARCH_URL"):
        return None
    if binary() is None:
        return "noida-db is not installed (pip install '.[test]') and TEST_ELASTICSEARCH_URL is not set"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.process = None
        self.data_dir = None
        self.url = os.environ.get("TEST_ELASTICSEARCH_URL", "")

    def start(self) -> str:
        if self.url:
            return self.url
        path = binary()
        port = _free_port()
        self.data_dir = tempfile.mkdtemp(prefix="taimi-noida-")
        self.log = open(Path(self.data_dir) / "server.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                str(path),
                "start",
                "--only",
                "elasticsearch",
                "--data-dir",
                self.data_dir,
                "--elasticsearch-port",
                str(port),
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=1):
                    self.url = url
                    return url
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"noida-db did not start on {url}; see its log in {self.data_dir}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None
            self.log.close()
        if self.data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir = None
