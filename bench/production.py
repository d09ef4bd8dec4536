"""The production topology under a working day's load (docs/benchmarks.md, "Production topology").

For each topology, in the same run on the same machine and database (deploy/run.sh starts it behind nginx):

* **Daphne only**: two Daphne processes serve HTTP and /ws/;
* **WSGI for HTTP**: gunicorn (two processes, threads) serves HTTP, two Daphne processes only /ws/;

the load, all through nginx: 550 demo people with a websocket open each; 10 % of them in one chat room,
each sending a message every ~20 s (a human pace); reader page views (home, news list and article,
instruction library and instruction, directory and profile, chat, a search) from signed-in people, a
closed loop of 10, then 50, then 200 concurrent clients. Per step: requests per second, p50/p95/p99,
errors (anything but 200, or no answer), server CPU per request (user+system from /proc over the step, of
every server-side process: nginx, the HTTP and Daphne processes, the worker, PostgreSQL and Redis; by group
too), the cores the load generator itself used (it shares the machine), the most PostgreSQL connections
seen (pg_stat_activity every 0.1 s) against the pools' sum, and the ceiling: cores / CPU per request.

    DATABASE_URL=postgres://… REDIS_URL=redis://… .venv/bin/python bench/production.py [--quick]

The database gets the demo data on first use (about a minute). PORT (8140) is nginx's; the backends use
the ports after it.
"""

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import percentile  # noqa: E402
from bench.ws_client import Member  # noqa: E402

PYTHON = str(Path(sys.executable))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PORT = int(os.environ.get("PORT", "8140"))
PEOPLE = 550
CHATTING = 0.10
CHAT_INTERVAL = 20.0  # seconds between one person's messages, on average
STEPS = (10, 50, 200)

TOPOLOGIES = {
    "Daphne only": {"HTTP_SERVER": "daphne", "DAPHNE_PROCESSES": "2", "DAPHNE_DB_POOL": "10"},
    "WSGI for HTTP": {
        "HTTP_SERVER": "gunicorn",
        "HTTP_PROCESSES": "2",
        "HTTP_THREADS": "4",
        "DAPHNE_PROCESSES": "2",
        "DAPHNE_DB_POOL": "4",
    },
}

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from chat.models import Membership, Room
from news.models import NewsArticlePage
from instructions.models import InstructionPage
from teams.models import Person
users = list(get_user_model().objects.filter(is_active=True, person__isnull=False).order_by("pk")[:{people}])
cookies = []
for user in users:
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk); s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash(); s.create()
    cookies.append("sessionid=" + s.session_key)
room, _ = Room.objects.get_or_create(kind="network", name="Bench: production")
Membership.objects.bulk_create([Membership(room=room, user=u) for u in users], ignore_conflicts=True)
article = NewsArticlePage.objects.live().order_by("-first_published_at").first()
everyone = dict(audience_keha=True, audience_ely=True, audience_te=True, audience_municipal_pilot=True)
instruction = InstructionPage.objects.live().filter(**everyone).first() or InstructionPage.objects.live().filter(
    audience_keha=False, audience_ely=False, audience_te=False, audience_municipal_pilot=False).first()
person = Person.objects.filter(user__in=users[:1]).first()
pages = ["/", "/uutiset/", article.url, "/ohjeet/", instruction.url, "/ihmiset/",
         person.get_absolute_url(), "/chat/", "/haku/?q=et%C3%A4ty%C3%B6"]
print("SETUP" + json.dumps({{"cookies": cookies, "room": room.pk, "pages": pages}}))
"""


def manage(env, *args, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )


def prepare(env) -> dict:
    manage(env, "migrate", "--noinput", "-v0")
    people = manage(
        env, "shell", "-c", "from teams.models import Person; print(Person.objects.count())", capture=True
    )
    if int(people.stdout.strip().splitlines()[-1]) < PEOPLE:
        print("Loading the demo data (about a minute)…", flush=True)
        manage(env, "demo_data", "--no-logins", capture=True)
    out = manage(env, "shell", "-c", SETUP.format(people=PEOPLE), capture=True).stdout
    return json.loads(out.split("SETUP", 1)[1])


def _stat(pid: str) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def server_processes(var: Path) -> dict[int, str]:
    """Every server-side process, by group: the topology deploy/run.sh started (its recorded group leaders
    and their process groups, named after the pid files: nginx, http-1, daphne-1, worker…), and the
    PostgreSQL and Redis processes the pages use. The load generator (this process) is not among them."""
    leaders = {int(p.read_text()): p.stem for p in (var / "run").glob("*.pid")}
    groups = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat(entry.name)
        if fields is None:
            continue
        try:
            command = (entry / "comm").read_text().strip()
        except OSError:
            continue
        if int(fields[2]) in leaders:  # the process group
            groups[int(entry.name)] = leaders[int(fields[2])].rstrip("0123456789-") or "other"
        elif command == "postgres" or command.startswith("postgres:"):
            groups[int(entry.name)] = "postgresql"
        elif command.startswith("redis-server"):
            groups[int(entry.name)] = "redis"
    return groups


def cpu_by_group(var: Path) -> dict[tuple[int, str], float]:
    """CPU seconds (user + system) so far of every server process, by (pid, group); ``cpu_spent`` sums the
    difference of two samples by group. A process that started between them (a new PostgreSQL backend)
    counts whole."""
    totals: dict[tuple[int, str], float] = {}
    for pid, group in server_processes(var).items():
        fields = _stat(str(pid))
        if fields is not None:
            totals[(pid, group)] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return totals


def cpu_spent(before: dict, after: dict) -> dict[str, float]:
    spent: dict[str, float] = {}
    for (pid, group), seconds in after.items():
        spent[group] = spent.get(group, 0.0) + seconds - before.get((pid, group), 0.0)
    return spent


class ConnectionSampler(threading.Thread):
    def __init__(self, dsn: str):
        super().__init__(daemon=True)
        self.dsn, self.peak, self.stop = dsn, 0, threading.Event()

    def run(self):
        import psycopg

        with psycopg.connect(self.dsn, autocommit=True) as db:
            name = db.info.dbname
            while not self.stop.is_set():
                (count,) = db.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
                    " AND backend_type = 'client backend'",
                    [name],
                ).fetchone()
                self.peak = max(self.peak, count)
                time.sleep(0.1)


class Chat:
    """550 sockets; the chatting tenth send at a human pace. Counts what it sent and what came back."""

    def __init__(self, setup):
        self.setup, self.sent_at, self.received, self.clients = setup, {}, [], []
        self.counter = 0

    async def connect(self):
        loop = asyncio.get_running_loop()
        chatters = int(PEOPLE * CHATTING)

        async def one(index):
            member = Member(self, self.setup["cookies"][index], PORT)
            hello = member.expect('"hello"')
            await loop.create_connection(lambda: member, "127.0.0.1", PORT)
            await asyncio.wait_for(member.opened, 60)
            await asyncio.wait_for(hello, 60)
            if index < chatters:
                subscribed = member.expect("chat.subscribed")
                member.send(json.dumps({"type": "chat.subscribe", "rooms": [self.setup["room"]]}))
                await asyncio.wait_for(subscribed, 60)
            return member

        for batch in range(0, PEOPLE, 50):
            self.clients += await asyncio.gather(*(one(i) for i in range(batch, min(batch + 50, PEOPLE))))
        self.chatters = self.clients[:chatters]

    async def talk(self, stop: asyncio.Event):
        rate = len(self.chatters) / CHAT_INTERVAL
        while not stop.is_set():
            await asyncio.sleep(random.expovariate(rate))
            sender = random.choice(self.chatters)
            self.counter += 1
            client_id = f"prod-{time.time_ns()}-{self.counter}"
            self.sent_at[client_id] = time.perf_counter()
            sender.send(
                json.dumps(
                    {
                        "type": "chat.send",
                        "room": self.setup["room"],
                        "body": f"Viesti {self.counter}",
                        "client_id": client_id,
                    }
                )
            )

    def close(self):
        for client in self.clients:
            client.close()


async def get(path: str, cookie: str) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    try:
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n".encode()
        )
        data = await reader.read()
        return int(data[9:12])
    finally:
        writer.close()


async def step(setup, concurrency: int, seconds: float) -> dict:
    latencies, errors, end = [], 0, time.perf_counter() + seconds
    statuses: dict[int, int] = {}

    async def client():
        nonlocal errors
        while time.perf_counter() < end:
            started = time.perf_counter()
            try:
                status = await asyncio.wait_for(
                    get(random.choice(setup["pages"]), random.choice(setup["cookies"])), 60
                )
            except (TimeoutError, OSError, ValueError):
                status = 0
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors += 1
                statuses[status] = statuses.get(status, 0) + 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return {
        "requests": len(latencies),
        "errors": errors,
        "statuses": statuses,
        "wall": time.perf_counter() - started,
        "latencies": latencies,
    }


async def measure(name, overrides, env, setup, seconds) -> list[dict]:
    var = Path(env["VAR_DIR"])
    run_env = {**env, **overrides, "PORT": str(PORT), "LOG_ACCESS": "0"}
    subprocess.run([str(ROOT / "deploy" / "run.sh"), "start"], cwd=ROOT, env=run_env, check=True)
    budget = int(
        subprocess.run(
            [str(ROOT / "deploy" / "run.sh"), "budget"], env=run_env, capture_output=True, text=True
        ).stdout
    )
    rows = []
    try:
        chat = Chat(setup)
        await chat.connect()
        stop = asyncio.Event()
        talking = asyncio.create_task(chat.talk(stop))
        await step(setup, 5, 3)  # warm every process's caches
        for concurrency in STEPS:
            sampler = ConnectionSampler(env["DATABASE_URL"])
            sampler.start()
            cpu0, own0 = cpu_by_group(var), time.process_time()
            result = await step(setup, concurrency, seconds)
            spent, own = cpu_spent(cpu0, cpu_by_group(var)), time.process_time() - own0
            sampler.stop.set()
            sampler.join()
            ms = sorted(value * 1000 for value in result["latencies"])
            requests = max(result["requests"], 1)
            per_request = sum(spent.values()) / requests
            rows.append(
                {
                    "topology": name,
                    "concurrent": concurrency,
                    "rps": result["requests"] / result["wall"],
                    "p50": percentile(ms, 0.50),
                    "p95": percentile(ms, 0.95),
                    "p99": percentile(ms, 0.99),
                    "errors": result["errors"],
                    "requests": result["requests"],
                    "cpu_ms": per_request * 1000,
                    "cpu_ms_by_group": {g: round(1000 * c / requests, 1) for g, c in sorted(spent.items())},
                    # The load generator (550 sockets, the chat, the HTTP clients) runs on the same cores.
                    "generator_cores": own / result["wall"],
                    "ceiling": (os.cpu_count() or 1) / per_request,
                    "pg_peak": sampler.peak,
                    "pg_budget": budget,
                    "statuses": {str(k): v for k, v in result["statuses"].items()},  # 0: no answer in 60 s
                }
            )
            print(json.dumps(rows[-1]), flush=True)
        stop.set()
        talking.cancel()
        rows[-1]["chat"] = f"{len(chat.sent_at)} sent, {len(chat.received)} delivered"
        chat.close()
    finally:
        subprocess.run([str(ROOT / "deploy" / "run.sh"), "stop"], cwd=ROOT, env=run_env)
    return rows


def table(rows) -> str:
    lines = [
        "| topology | concurrent | req/s | p50 ms | p95 ms | p99 ms | errors | server CPU ms/request | ceiling req/s | req/s of ceiling | load generator (cores) | PostgreSQL connections (pools) |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['topology']} | {r['concurrent']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} "
            f"| {r['errors']} of {r['requests']} | {r['cpu_ms']:.1f} | {r['ceiling']:.0f} | {100 * r['rps'] / r['ceiling']:.0f} % "
            f"| {r['generator_cores']:.2f} | {r['pg_peak']} ({r['pg_budget']}) |"
        )
    lines += ["", "Server CPU ms per request by process group:", ""]
    groups = sorted({group for r in rows for group in r["cpu_ms_by_group"]})
    lines.append("| topology | concurrent | " + " | ".join(groups) + " |")
    lines.append("|---|--:|" + "--:|" * len(groups))
    for r in rows:
        cells = " | ".join(f"{r['cpu_ms_by_group'].get(group, 0):.1f}" for group in groups)
        lines.append(f"| {r['topology']} | {r['concurrent']} | {cells} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="8-second steps instead of 20")
    parser.add_argument("--only", choices=list(TOPOLOGIES), help="one topology")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get("REDIS_URL"):
        sys.exit("Set DATABASE_URL (PostgreSQL) and REDIS_URL: the production topology runs on them.")
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.setdefault("VAR_DIR", "/tmp/taimi-bench-production")
    env["LOG_LEVEL"] = "WARNING"
    setup = prepare(env)
    rows = []
    for name, overrides in TOPOLOGIES.items():
        if args.only and name != args.only:
            continue
        rows += asyncio.run(measure(name, overrides, env, setup, 8 if args.quick else 20))
    print()
    print(
        f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end"
    )
    print(table(rows))
    for r in rows:
        if "chat" in r:
            print(f"{r['topology']}: chat {r['chat']}")


if __name__ == "__main__":
    main()
