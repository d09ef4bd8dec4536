"""Chat fan-out: one message to a room of 50 and of 1,000 members, through the real chat path.

Servers, each a separate process measured in the same run on the same machine:

* **chat, Daphne** – the application (intranet.asgi): session auth at connect, ``chat.subscribe`` with its
  membership check, ``chat.send`` stores the message (per-room sequence number, SQLite) and the hub writes the
  serialised frame to each local socket.
* **chat, uvicorn** – the same application served by uvicorn (a benchmark-only extra) to compare servers.
* **textbook Channels** – bench/chat_servers/textbook.py: group_add per connection, one group_send per
  message (one in-memory channel-layer message per member); no auth, no database.
* **plain websockets** – bench/chat_servers/floor.py: ``websockets.broadcast``, the floor.

Clients run in this process (asyncio protocols with a small frame parser, ``Member``): N connections, then (1) *paced*: messages at a fixed
rate from rotating senders, latency = receipt − send time at every member (p50/p95/p99); (2) *burst*:
messages back to back, deliveries per second until every member has every message. Server CPU comes from
/proc/<pid>/stat (user+system) over each window, divided by the deliveries: it holds on a noisy machine. The
paced window's figure is net of the server's idle CPU (measured for 3 s before it, shown beside). The CPU
goal (≤ 50 µs per delivery under Daphne, ≥ 5× cheaper than the textbook consumer) is judged in the burst,
the measurement the issue's reference figures come from (its floor, 6 µs, is this burst's floor); paced,
every message wakes a cold process and even the floor costs about 3× its burst figure, so the paced
figure is printed beside with its ratio to the floor's paced figure. The client CPU column is this process's CPU
per delivery: the clients compete with the server for the same cores, which is in the wall-clock figures.

    .venv/bin/python bench/realtime_chat.py            # all servers, 50 and 1,000 members
    .venv/bin/python bench/realtime_chat.py --quick    # 50 members only
"""

import argparse
import asyncio
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from bench.ws_client import Member  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PORT = 8660  # the chat benchmark's fixed port (change it if taken)

# (members, paced messages per second, paced seconds, burst messages)
SCENARIOS = [(50, 20, 5, 100), (1000, 2, 5, 20)]

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from chat.models import Membership, Room
User = get_user_model()
N = {n}
User.objects.bulk_create([User(username=f"bench{{i:04d}}", first_name="Bench", last_name=str(i), password="!")
                          for i in range(N)], batch_size=500)
users = list(User.objects.filter(username__startswith="bench").order_by("username"))
cookies = []
for user in users:
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk); s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash(); s.create()
    cookies.append("sessionid=" + s.session_key)
rooms = {{}}
for size in (50, N):
    room = Room.objects.create(kind="network", name=f"Bench {{size}}")
    Membership.objects.bulk_create([Membership(room=room, user=u) for u in users[:size]])
    rooms[size] = room.pk
print("SETUP" + json.dumps({{"cookies": cookies, "rooms": rooms}}))
"""


def env_for(var: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG"}}
    env.update(
        VAR_DIR=str(var),
        DJANGO_SETTINGS_MODULE="intranet.settings",
        PYTHONPATH=str(ROOT),
        LOG_LEVEL="WARNING",
    )
    return env


def prepare(var: Path, members: int) -> dict:
    env = env_for(var)
    subprocess.run(
        [str(BIN / "python"), "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    out = subprocess.run(
        [str(BIN / "python"), "manage.py", "shell", "-c", SETUP.format(n=members)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data = json.loads(out.split("SETUP", 1)[1])
    data["rooms"] = {int(k): v for k, v in data["rooms"].items()}
    return data


def start_server(kind: str, var: Path):
    global PORT
    PORT = 8660 + (PORT - 8659) % 20  # a fresh port for each server: no lingering sockets of the previous one
    commands = {
        # Daphne as scripts/start.sh runs it (realtime/daphne_server.py: Daphne's CLI, leaner connection state)
        "chat, Daphne": [
            str(BIN / "python"),
            "-m",
            "realtime.daphne_server",
            "-b",
            "127.0.0.1",
            "-p",
            str(PORT),
            "intranet.asgi:application",
        ],
        "chat, uvicorn": [
            str(BIN / "uvicorn"),
            "intranet.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(PORT),
            "--no-access-log",
            "--log-level",
            "warning",
            "--lifespan",
            "off",
            "--ws",
            "auto",
        ],
        "textbook Channels": [
            str(BIN / "daphne"),
            "-b",
            "127.0.0.1",
            "-p",
            str(PORT),
            "bench.chat_servers.textbook:application",
        ],
        "plain websockets": [str(BIN / "python"), "-m", "bench.chat_servers.floor", str(PORT)],
    }
    log = open(var / f"server-{kind.replace(',', '').replace(' ', '-')}.log", "ab")
    process = subprocess.Popen(
        commands[kind], cwd=ROOT, env=env_for(var), stdout=log, stderr=subprocess.STDOUT
    )
    import socket

    end = time.monotonic() + 120  # a loaded machine needs a while to import Django
    while time.monotonic() < end and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", PORT), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{kind} did not start: see {log.name}")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Bench:
    def __init__(self, kind, members, setup):
        self.kind = kind
        self.members = members
        self.setup = setup
        self.app = kind.startswith("chat")
        self.sent_at: dict[str, float] = {}
        self.received: list[float] = []
        self.clients: list[Member] = []
        self.counter = 0
        self.idle_rate = 0.0  # server CPU seconds per second while idle
        # Client ids are idempotency keys: unique per run, or a second server on the same database would
        # (rightly) treat the messages as resends and broadcast nothing.
        self.prefix = f"{kind[:4].strip(',')}{members}-{time.time_ns() % 10**9}-"

    async def connect(self):
        loop = asyncio.get_running_loop()
        room = self.setup["rooms"][self.members] if self.app else 0

        async def one(index):
            cookie = self.setup["cookies"][index] if self.app else None
            member = Member(self, cookie, PORT)
            hello = member.expect('"hello"') if self.app else None
            await loop.create_connection(lambda: member, "127.0.0.1", PORT)
            await asyncio.wait_for(member.opened, 60)
            if self.app:
                await asyncio.wait_for(hello, 60)
                subscribed = member.expect("chat.subscribed")
                member.send(json.dumps({"type": "chat.subscribe", "rooms": [room]}))
                await asyncio.wait_for(subscribed, 60)
            return member

        started = time.perf_counter()
        members = []
        for batch in range(0, self.members, 50):
            members += await asyncio.gather(*(one(i) for i in range(batch, min(batch + 50, self.members))))
        self.connect_seconds = time.perf_counter() - started
        self.clients = members
        self.room = room

    async def send_one(self):
        sender = self.clients[self.counter % len(self.clients)]
        self.counter += 1
        client_id = f"{self.prefix}{self.counter}"
        body = f"Viesti {self.counter}: huomenta kaikille, palaveri siirtyy klo 13 ☕ äö"
        if self.app:
            frame = {"type": "chat.send", "room": self.room, "body": body, "client_id": client_id}
        else:  # the baselines echo what they get: the same payload size, a marker for the reader
            frame = {
                "type": "chat.message",
                "echo": 1,
                "message": {"client_id": client_id, "body": body, "author": {"id": 1, "name": "Bench"}},
            }
        text = json.dumps(frame, ensure_ascii=False, separators=(",", ":"))
        self.sent_at[client_id] = time.perf_counter()
        sender.send(text)

    async def wait_all(self, expected, timeout=30):
        end = time.perf_counter() + timeout
        while len(self.received) < expected and time.perf_counter() < end:
            await asyncio.sleep(0.01)

    async def run_paced(self, pid, rate, seconds):
        self.received.clear()
        count = rate * seconds
        cpu0, wall0 = cpu_seconds(pid), time.perf_counter()
        for index in range(count):
            await self.send_one()
            await asyncio.sleep(max(0.0, wall0 + (index + 1) / rate - time.perf_counter()))
        await self.wait_all(count * self.members)
        cpu = cpu_seconds(pid) - cpu0 - self.idle_rate * (time.perf_counter() - wall0)
        delivered = len(self.received)
        latencies = sorted(self.received)
        return {
            "expected": count * self.members,
            "delivered": delivered,
            "p50": percentile(latencies, 50),
            "p95": percentile(latencies, 95),
            "p99": percentile(latencies, 99),
            "cpu_us": cpu / max(delivered, 1) * 1e6,
        }

    async def run_burst(self, pid, count):
        self.received.clear()
        await asyncio.sleep(0.5)
        cpu0, wall0, client0 = cpu_seconds(pid), time.perf_counter(), time.process_time()
        for _ in range(count):
            await self.send_one()
        await self.wait_all(count * self.members, timeout=60)
        wall = time.perf_counter() - wall0
        cpu = cpu_seconds(pid) - cpu0
        client = time.process_time() - client0
        delivered = len(self.received)
        return {
            "per_second": delivered / wall,
            "cpu_us": cpu / max(delivered, 1) * 1e6,
            "client_us": client / max(delivered, 1) * 1e6,
            "delivered": delivered,
            "expected": count * self.members,
        }

    async def close(self):
        for client in self.clients:
            client.close()
        await asyncio.sleep(0.1)


def percentile(values, p):
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(len(values) * p / 100))] * 1000


async def measure(kind, members, rate, seconds, burst, setup, var):
    process = start_server(kind, var)
    try:
        bench = Bench(kind, members, setup)
        await bench.connect()
        rss = rss_mib(process.pid)
        await bench.run_paced(process.pid, 1, 2)  # warm-up: code paths, database pages
        # The server's CPU while idle (timers, keep-alives of its sockets): subtracted from the paced window,
        # whose deliveries would otherwise be charged with it; reported beside.
        cpu0, wall0 = cpu_seconds(process.pid), time.perf_counter()
        await asyncio.sleep(3)
        bench.idle_rate = (cpu_seconds(process.pid) - cpu0) / (time.perf_counter() - wall0)
        paced = await bench.run_paced(process.pid, rate, seconds)
        burst_result = await bench.run_burst(process.pid, burst)
        await bench.close()
        return {
            "kind": kind,
            "members": members,
            "rate": rate,
            "connect": bench.connect_seconds,
            "rss": rss,
            "idle_ms": bench.idle_rate * 1000,
            "paced": paced,
            "burst": burst_result,
        }
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="50 members only")
    parser.add_argument("--servers", default="chat, Daphne;textbook Channels;plain websockets;chat, uvicorn")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    scenarios = SCENARIOS[:1] if args.quick else SCENARIOS
    var = Path(tempfile.mkdtemp(prefix="chat-bench-"))
    load_before = os.getloadavg()[0]
    try:
        print(f"Preparing {max(s[0] for s in scenarios)} members (SQLite in {var}) …", flush=True)
        setup = prepare(var, max(s[0] for s in scenarios))
        subprocess.run(
            [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env_for(var),
            check=True,
        )
        results = []
        for members, rate, seconds, burst in scenarios:
            for kind in args.servers.split(";"):
                if kind == "chat, uvicorn" and shutil.which("uvicorn", path=str(BIN)) is None:
                    continue
                print(f"  {kind}, {members} members …", flush=True)
                results.append(asyncio.run(measure(kind, members, rate, seconds, burst, setup, var)))
        report(results, load_before)
    finally:
        if not os.environ.get("KEEP_BENCH"):
            shutil.rmtree(var, ignore_errors=True)


LABELS = {
    "chat, Daphne": "ours, Daphne",
    "chat, uvicorn": "ours, uvicorn",
    "textbook Channels": "textbook consumer",
    "plain websockets": "plain websockets (floor)",
}
CPU_GOAL_US = 50  # server CPU per delivery under Daphne (issue #12)
CPU_RATIO_GOAL = 5  # … and at least this many times cheaper than the textbook consumer
P99_GOAL_MS = {50: 50, 1000: 150}  # 50 members at 20 messages/s; 1,000 members


def goal_row(r, by):
    """(goal text, met text) for a row: the goals are set for our chat under Daphne."""
    if r["kind"] != "chat, Daphne":
        return "—", "—"
    textbook = by.get(("textbook Channels", r["members"]))
    cpu, p99 = r["burst"]["cpu_us"], r["paced"]["p99"]  # CPU judged in the burst (module docstring)
    checks = [
        cpu <= CPU_GOAL_US,
        p99 < P99_GOAL_MS.get(r["members"], 150),
        r["paced"]["delivered"] == r["paced"]["expected"],
    ]
    goal = f"≤ {CPU_GOAL_US} µs, p99 < {P99_GOAL_MS.get(r['members'], 150)} ms"
    if textbook:
        checks.append(textbook["burst"]["cpu_us"] / max(cpu, 0.01) >= CPU_RATIO_GOAL)
        goal += f", ≥ {CPU_RATIO_GOAL}× textbook"
    return goal, "yes" if all(checks) else "no"


def report(results, load_before):
    print()
    print(
        f"Load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after; {os.cpu_count()} cores; the clients "
        "run in the benchmark process on the same cores (client CPU column)."
    )
    print(
        "| server | members | msg/s (paced) | p50 ms | p95 ms | p99 ms | delivered | server CPU µs/delivery "
        "(burst; paced) | idle server CPU ms/s | deliveries/s (burst) | client CPU µs/delivery | RSS MiB "
        "| goal | met |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    by = {(r["kind"], r["members"]): r for r in results}
    for r in results:
        p, b = r["paced"], r["burst"]
        goal, met = goal_row(r, by)
        print(
            f"| {LABELS.get(r['kind'], r['kind'])} | {r['members']:,} | {r['rate']} | {p['p50']:.1f} "
            f"| {p['p95']:.1f} | {p['p99']:.1f} | {p['delivered']}/{p['expected']} "
            f"| {b['cpu_us']:.1f}; {p['cpu_us']:.1f} | {r['idle_ms']:.0f} | {b['per_second']:,.0f} "
            f"| {b['client_us']:.1f} | {r['rss']:.0f} | {goal} | {met} |"
        )
    print()
    for members in sorted({r["members"] for r in results}):
        chat, textbook = by.get(("chat, Daphne", members)), by.get(("textbook Channels", members))
        if not chat:
            continue
        burst = chat["burst"]["cpu_us"]
        floor = by.get(("plain websockets", members))
        paced_ratio = (
            f", {chat['paced']['cpu_us'] / max(floor['paced']['cpu_us'], 0.01):.1f}× the floor's "
            f"{floor['paced']['cpu_us']:.1f} paced"
            if floor
            else ""
        )
        line = (
            f"{members:,} members, ours under Daphne: {burst:.1f} µs server CPU per delivery in the burst "
            f"(goal ≤ {CPU_GOAL_US}: {'met' if burst <= CPU_GOAL_US else 'NOT met'}); "
            f"{chat['paced']['cpu_us']:.1f} paced, net of {chat['idle_ms']:.0f} ms/s idle{paced_ratio}"
        )
        if textbook:
            ratio = textbook["burst"]["cpu_us"] / max(chat["burst"]["cpu_us"], 0.01)
            line += (
                f", {ratio:.1f}× cheaper than the textbook consumer's {textbook['burst']['cpu_us']:.1f} "
                f"(goal ≥ {CPU_RATIO_GOAL}×: {'met' if ratio >= CPU_RATIO_GOAL else 'NOT met'})"
            )
        goal = P99_GOAL_MS.get(members, 150)
        line += (
            f"; p99 {chat['paced']['p99']:.1f} ms at {chat['rate']} msg/s (goal < {goal} ms: "
            f"{'met' if chat['paced']['p99'] < goal else 'NOT met'})"
        )
        print(line)


if __name__ == "__main__":
    main()
