"""Real processes whose parts the fault tests stop and start: a PostgreSQL cluster of the test's own
(initdb in a temporary directory, so it can be restarted without touching the server other tests use),
a Redis server of its own, Daphne processes (tests/chat/servers.py) and job workers, all on one database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.chat.servers import BIN, Daphne, free_port, server_env
from tests.processes import ServerProcess


def pg_bin() -> Path | None:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    for path in reversed(versions):
        if (path / "initdb").exists():
            return path
    return None


def fault_tools_missing() -> str | None:
    if pg_bin() is None:
        return "PostgreSQL's server binaries (initdb, pg_ctl) are not installed"
    if not shutil.which("redis-server"):
        return "redis-server is not installed"
    return None


class PrivatePostgres:
    """A PostgreSQL cluster in ``directory`` on ``port``: start(), stop(), restart(); fsync off."""

    def __init__(self, directory: Path, port: int | None = None):
        self.directory = directory
        self.port = port or int(os.environ.get("FAULTS_PG_PORT") or free_port())
        self.bin = pg_bin()
        self.as_postgres = os.geteuid() == 0  # initdb refuses to run as root

    def _run(self, *args, check=True):
        command = [str(a) for a in args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if check and result.returncode:
            raise RuntimeError(f"{args[0]} failed: {result.stdout[-2000:]} {result.stderr[-2000:]}")
        return result

    @property
    def url(self) -> str:
        return f"postgres://intranet:intranet@127.0.0.1:{self.port}/intranet"

    def init(self):
        self.directory.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            shutil.chown(self.directory, "postgres")
        self._run(
            self.bin / "initdb",
            "-D",
            self.directory / "data",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "-A",
            "trust",
        )
        self.start()
        self._run(
            self.bin / "psql",
            "-h",
            "127.0.0.1",
            "-p",
            self.port,
            "-U",
            "postgres",
            "-q",
            "-c",
            "CREATE ROLE intranet LOGIN SUPERUSER PASSWORD 'intranet'",
            "-c",
            "CREATE DATABASE intranet OWNER intranet",
        )
        return self

    def start(self):
        self._run(
            self.bin / "pg_ctl",
            "-D",
            self.directory / "data",
            "-w",
            "-l",
            self.directory / "pg.log",
            "-o",
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off",
            "start",
        )

    def stop(self, mode="fast"):
        self._run(self.bin / "pg_ctl", "-D", self.directory / "data", "-m", mode, "-w", "stop", check=False)

    def restart(self):
        self.stop()
        self.start()


class RedisServer:
    """redis-server on a port of its own (no persistence): start(), stop() (SHUTDOWN NOSAVE), restart()."""

    def __init__(self, directory: Path, port: int | None = None):
        self.directory = directory
        self.port = port or int(os.environ.get("FAULTS_REDIS_PORT") or free_port())
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        import redis

        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)
        for _ in range(100):
            try:
                client.ping()
                return self
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def restart(self):
        self.stop()
        self.start()


class Worker(ServerProcess):
    """``manage.py run_worker`` as its own process (no port: it answers no HTTP)."""

    name = "worker"

    def __init__(self, var_dir: Path, **env):
        super().__init__(var_dir, port=0, log=var_dir / f"worker-{time.monotonic_ns()}.log", **env)

    def start(self):
        argv = [str(BIN / "python"), "manage.py", "run_worker", "--interval", "0.2"]
        self.launch(argv, server_env(self.var_dir, **self.env))
        return self

    def stop(self):
        self.terminate()


class Gunicorn(ServerProcess):
    """The shipped HTTP server: gunicorn with deploy/gunicorn.conf.py on a port of its own, in its own process
    group (master and workers), as deploy/run.sh starts it; start(), stop()."""

    name = "gunicorn"

    def start(self, timeout=60):
        env = {
            "HTTP_BIND": f"127.0.0.1:{self.port}",
            "HTTP_PROCESSES": "2",
            "HTTP_THREADS": "4",
            "DB_POOL_MAX_SIZE": "4",
            **self.env,
        }
        argv = [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "intranet.wsgi:application"]
        self.launch(argv, server_env(self.var_dir, **env))
        return self.wait_ready(timeout)

    def stop(self):
        self.kill()


class FrontDoor(ServerProcess):
    """Debian's nginx with the site's own configuration (``manage.py nginx_config``, as deploy/run.sh writes
    it) in front of HTTP backends and Daphne processes; start(), stop()."""

    name = "nginx"

    def __init__(self, var_dir: Path, *, http: list[str], ws: list[str], env: dict, port: int | None = None):
        super().__init__(var_dir, port)
        self.prefix = var_dir / f"nginx-{self.port}"
        self.http, self.ws, self.settings_env = http, ws, env

    def start(self, timeout=30):
        from tests.chat.servers import manage

        arguments = [f"--http={backend}" for backend in self.http] + [
            f"--ws={backend}" for backend in self.ws
        ]
        manage(
            self.var_dir,
            "nginx_config",
            *arguments,
            f"--listen=127.0.0.1:{self.port}",
            f"--local-prefix={self.prefix}",
            env_extra=self.settings_env,
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        conf = self.prefix / "nginx.conf"
        self.launch([nginx, "-q", "-p", str(self.prefix), "-c", str(conf), "-g", "daemon off;"], None)
        return self.wait_ready(timeout)

    def stop(self):
        self.terminate()


def nginx_missing() -> str | None:
    return None if (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()) else "nginx is not installed"


class Topology:
    """The parts one test module shares; ``env`` is what every process of the topology is started with."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.var = directory / "var"
        self.var.mkdir(parents=True, exist_ok=True)
        # Not under pytest's temporary directory: the postgres user (initdb as root) could not enter it.
        self.postgres = PrivatePostgres(Path(tempfile.mkdtemp(prefix="taimi-faults-pg-")))
        self.redis = RedisServer(directory)
        self.processes: list = []

    @property
    def env(self) -> dict:
        return {
            "DATABASE_URL": self.postgres.url,
            "REDIS_URL": self.redis.url,
            "JOBS_TICK_SECONDS": "1",
            "JOBS_HEARTBEAT_SECONDS": "1",
            "JOBS_HEARTBEAT_STALE": "5",
            "JOBS_BACKOFF_SECONDS": "0.5",
            "JOBS_RETRY_DELAYS": "2,5",
        }

    def daphne(self, **env) -> Daphne:
        server = Daphne(self.var, **{**self.env, **env})
        self.processes.append(server)
        return server

    def gunicorn(self, **env) -> Gunicorn:
        server = Gunicorn(self.var, **{**self.env, **env})
        self.processes.append(server)
        return server

    def front_door(self, *, http: list[str], ws: list[str]) -> FrontDoor:
        door = FrontDoor(self.var, http=http, ws=ws, env=self.env)
        self.processes.append(door)
        return door

    def worker(self, **env) -> Worker:
        worker = Worker(self.var, **{**self.env, **env})
        self.processes.append(worker)
        return worker

    def close(self):
        for process in self.processes:
            try:
                process.stop()
            except Exception:  # noqa: BLE001 - best effort at teardown
                pass
        self.redis.stop()
        self.postgres.stop(mode="immediate")
        shutil.rmtree(self.postgres.directory, ignore_errors=True)
