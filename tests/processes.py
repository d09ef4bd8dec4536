"""A server the tests start as a process of its own (Daphne, gunicorn, nginx, the job worker): launched in a
new session so that a stop reaches its whole process group, its output in a log file, ready when its
``/healthz`` answers. tests/chat/servers.py and tests/faults/topology.py build on it."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from django.conf import settings


class ServerProcess:
    """``launch(argv, env)`` starts it; ``wait_ready()`` polls ``/healthz``; ``kill()`` (SIGKILL: no goodbye)
    and ``terminate()`` (SIGTERM, SIGKILL after ``grace`` seconds) end the process group."""

    name = "server"

    def __init__(self, var_dir: Path, port: int | None = None, *, log: Path | None = None, **env):
        from tests.chat.servers import free_port

        self.var_dir = var_dir
        self.port = port or free_port()
        self.env = env
        self.process: subprocess.Popen | None = None
        self.log = log or var_dir / f"{self.name}-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def launch(self, argv: list[str], env: dict | None, *, cwd=None, output=True) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                argv,
                cwd=cwd or settings.BASE_DIR,
                env=env,
                stdout=log if output else subprocess.DEVNULL,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_ready(self, timeout: float):
        """Until ``/healthz`` answers; the log's tail in the error when the process ends or time runs out."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"{self.name} stopped: {self.output()[-3000:]}") from None
                time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not start: {self.output()[-3000:]}")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        if self.alive():
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)

    def terminate(self, grace: float = 10) -> None:
        if self.alive():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.kill()
