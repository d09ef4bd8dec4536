"""Benchmark: websocket connections and presence against the real Daphne, app vs a textbook consumer.

Builds a throw-away database with 10,000 users (each with a profile and a
signed-in session), then, for each server in turn – the app
(``intranet.asgi``: hub, no channel layer per socket), the floor
(``bench.baseline.bare``: a bare consumer that accepts and says hello, no
authentication: what Daphne, Twisted and autobahn cost by themselves) and the
textbook baseline (``bench.baseline.asgi``: a Channels consumer with group_add
per connection on the in-memory layer) – starts ONE Daphne process and drives
it from this process with asyncio websocket clients (the ``websockets``
package, ``CONNECT_CONCURRENCY`` = 200 handshakes in flight):

1. connect N = 1,000 and then N = 10,000 idle authenticated sockets (each waits
   for its "hello"): wall time, and Daphne's RSS growth per connection read
   from /proc/<pid>/status (VmRSS) after the sockets are open, and the server's
   CPU time for the burst from /proc/<pid>/stat (a figure that holds on a
   loaded machine; the client's own CPU time is printed beside it, to show
   the client is not the bottleneck);
2. with 550 users online, all watching one person (a profile page open in 550
   tabs), that person changes status; the time until each watcher has the
   frame, p50/p99 over 550 × CHANGES deliveries;
3. a reconnect storm: the 550 drop at once and reconnect at once; the time
   until all are greeted again and (app) the store says all 550 are online.

Goals (issue 11): 10,000 idle connections in ≤ 400 MiB and < 30 s; presence
change p99 ≤ 1 s with 550 online; reconnect storm of 550 < 10 s, no lost state.

The last table prints each goal, the figure measured and whether it is met,
with the load average before and after the run (wall times on a shared
2-core machine grow with the load; CPU per connection and ratios to the bare
consumer do not).

Run: bash scripts/bench.sh  (or .venv/bin/python bench/realtime.py [--quick]
[--servers app,bare,textbook] [--sizes 1000,10000]).
Environment: DATABASE_URL (default: SQLite in a temporary VAR_DIR), REDIS_URL
(default unset: the app in its single-process mode), BENCH_PORT (default 8381).
"""

import asyncio
import datetime
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="taimi-bench-rt-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "intranet.settings"

QUICK = "--quick" in sys.argv


def _option(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


SIZES = [int(n) for n in _option("--sizes", "200,1000" if QUICK else "1000,10000").split(",")]
SERVERS = _option("--servers", "app,bare,textbook").split(",")
GOAL_N, GOAL_CONNECT_S, GOAL_RSS_MIB, GOAL_P99_MS, GOAL_STORM_S = 10_000, 30, 400, 1000, 10
ONLINE = 550
CHANGES = 3 if QUICK else 5
# In-flight handshakes from the client. The app answers a connect after one
# database hop per burst, so its rate here is about CONCURRENCY / (hop +
# handshake): with 50 it waited on the hop (10,000 in 78 s, floor 28.8 s), with
# 200 it is CPU-bound like the floor (41.4 s, floor 35.2 s) and every handshake
# still completes. Browsers coming back after a restart have no cap at all.
CONNECT_CONCURRENCY = int(_option("--concurrency", "200"))
CONNECT_TIMEOUT = 120  # s for the largest N; the textbook consumer may not make it
PORT = int(os.environ.get("BENCH_PORT", "8381"))


def raise_file_limit(wanted=30_000):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = min(hard, max(soft, wanted)) if hard != resource.RLIM_INFINITY else max(soft, wanted)
    resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return target


def prepare(count):
    """Migrate a fresh database and create ``count`` users with profiles and sessions; returns cookies."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.utils import timezone

    from teams.models import Agency, Location, Person, Team, TeamMembership

    call_command("migrate", verbosity=0)
    User = get_user_model()
    existing = User.objects.filter(username__startswith="bench").count()
    if existing < count:
        password = make_password("bench-password")
        User.objects.bulk_create(
            [
                User(username=f"bench{n:05d}", first_name="Bench", last_name=f"{n:05d}", password=password)
                for n in range(existing, count)
            ],
            batch_size=1000,
        )
    agency, _ = Agency.objects.get_or_create(slug="bench", defaults={"name_fi": "Bench", "kind": "keha"})
    location, _ = Location.objects.get_or_create(
        slug="bench", defaults={"name_fi": "Bench", "region": "uusimaa"}
    )
    users = list(User.objects.filter(username__startswith="bench").order_by("username")[:count])
    have = set(Person.objects.values_list("user_id", flat=True))
    Person.objects.bulk_create(
        [Person(user=u, agency=agency, home_location=location) for u in users if u.pk not in have],
        batch_size=1000,
    )
    if not Team.objects.filter(slug__startswith="bench").exists():
        teams = Team.objects.bulk_create([Team(name=f"Bench {n}", slug=f"bench-{n}") for n in range(32)])
        people = list(Person.objects.filter(user__in=users[:ONLINE]).order_by("user__username"))
        TeamMembership.objects.bulk_create(
            [TeamMembership(team=teams[i % 32], person=p) for i, p in enumerate(people)]
        )
    Session.objects.all().delete()
    # Every run starts with nobody busy: the last run left its subject "busy", and
    # a first change to "busy" would then be no change at all (nothing to deliver).
    from presence.models import PresenceSetting

    PresenceSetting.objects.filter(user__username__startswith="bench").delete()
    cookies = []
    sessions = []
    expire = timezone.now() + datetime.timedelta(days=1)
    for user in users:
        store = SessionStore()
        key = store._get_new_session_key()
        data = store.encode(
            {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
        )
        sessions.append(Session(session_key=key, session_data=data, expire_date=expire))
        cookies.append((user.pk, f"{settings.SESSION_COOKIE_NAME}={key}"))
    Session.objects.bulk_create(sessions, batch_size=1000)
    return cookies, settings.SECRET_KEY


def rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    """User + system CPU time of a process so far (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def start_server(app, secret):
    env = {k: v for k, v in os.environ.items()}
    env.update(SECRET_KEY=secret, LOG_LEVEL="WARNING", DJANGO_SETTINGS_MODULE="intranet.settings")
    if app.startswith("bench."):
        env.pop("REDIS_URL", None)  # the textbook baseline: in-memory layer
    # The app runs on the server scripts/start.sh runs (Daphne with realtime/daphne_server.py's lean connection
    # state); the floor and the textbook baseline on stock Daphne.
    command = (
        [sys.executable, "-m", "realtime.daphne_server"]
        if app.startswith("intranet.") or os.environ.get("LEAN_ALL")
        else [str(ROOT / ".venv/bin/daphne")]
    )
    process = subprocess.Popen(
        [*command, "-b", "127.0.0.1", "-p", str(PORT), app],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(Path(os.environ["VAR_DIR"]) / "daphne.log", "ab"),
        start_new_session=True,
    )
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"{app} did not start")
            time.sleep(0.1)
    raise RuntimeError(f"{app} did not answer")


def stop_server(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


async def open_socket(cookie, semaphore):
    import websockets

    async with semaphore:
        ws = await websockets.connect(
            f"ws://127.0.0.1:{PORT}/ws/",
            origin=f"http://127.0.0.1:{PORT}",
            additional_headers={"Cookie": cookie},
            open_timeout=CONNECT_TIMEOUT,
            ping_interval=None,
            max_queue=64,
        )
        hello = json.loads(await ws.recv())
        assert hello["type"] == "hello", hello
        return ws


async def connect_many(cookies):
    semaphore = asyncio.Semaphore(CONNECT_CONCURRENCY)
    started = time.perf_counter()
    tasks = [asyncio.ensure_future(open_socket(cookie, semaphore)) for _uid, cookie in cookies]
    done, pending = await asyncio.wait(tasks, timeout=CONNECT_TIMEOUT)
    for task in pending:
        task.cancel()
    sockets = [t.result() for t in tasks if t in done and not t.cancelled() and t.exception() is None]
    errors = [t.exception() for t in tasks if t in done and not t.cancelled() and t.exception() is not None]
    if errors:
        print(f"  {len(errors)} connections failed, e.g. {errors[0]!r}", flush=True)
    return sockets, time.perf_counter() - started, len(sockets) == len(cookies)


async def close_all(sockets):
    await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)


async def watch_latency(cookies, app_mode):
    """550 watchers of one person; p50/p99 of the time until each sees each change."""
    sockets, _took, ok = await connect_many(cookies[:ONLINE])
    assert ok, "not all 550 connected"
    subject_uid = cookies[0][0]
    subject, watchers = sockets[0], sockets[1:]
    topic = {"type": "subscribe", "topics": [f"presence.user.{subject_uid}"], "ref": "w"}
    for ws in watchers:
        await ws.send(json.dumps(topic))

    async def until(ws, predicate):
        while True:
            frame = json.loads(await ws.recv())
            if predicate(frame):
                return time.perf_counter()

    await asyncio.gather(*(until(ws, lambda f: f.get("type") == "subscribed") for ws in watchers))
    await asyncio.sleep(4 if app_mode else 0.5)  # let the connect burst's own presence frames pass
    latencies = []
    for change in range(CHANGES):
        status = "busy" if change % 2 == 0 else ""
        expected = status or "online"

        def seen(frame, expected=expected):
            person = frame.get("people", {}).get(str(subject_uid))
            return frame.get("type") == "presence" and person is not None and person["status"] == expected

        waiters = [asyncio.ensure_future(until(ws, seen)) for ws in watchers]
        sent = time.perf_counter()
        await subject.send(json.dumps({"type": "presence.set", "status": status, "ref": f"c{change}"}))
        done, pending = await asyncio.wait(waiters, timeout=10)
        for task in pending:
            task.cancel()
        latencies += [(t.result() - sent) * 1000 for t in done if t.exception() is None]
        latencies += [10_000.0] * len(pending)  # not delivered within 10 s
        await asyncio.sleep(3.5)  # past the app's MIN_GAP, so each change is published on its own
    return sockets, latencies


async def storm(sockets, cookies, app_mode):
    """Drop the 550 at once, reconnect at once; time until all are greeted (and online in the store)."""
    await close_all(sockets)
    await asyncio.sleep(0.5)
    started = time.perf_counter()
    again, _took, ok = await connect_many(cookies[:ONLINE])
    greeted = time.perf_counter() - started
    lost = None
    if app_mode and again:
        # Every user's state after the storm, asked through the protocol: all must be online.
        ids = [uid for uid, _cookie in cookies[:ONLINE]]
        online = 0
        for start in range(0, len(ids), 200):
            await again[0].send(
                json.dumps({"type": "presence.query", "users": ids[start : start + 200], "ref": "q"})
            )
            while True:
                frame = json.loads(await again[0].recv())
                if frame.get("ref") == "q":
                    break
            # The subject's last change may have left it "busy": present, not lost.
            online += sum(1 for value in frame["people"].values() if value["status"] != "offline")
        lost = len(ids) - online
    total = time.perf_counter() - started
    await close_all(again)
    return greeted, total, len(again) == ONLINE, lost


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))] if values else float("nan")


async def measure(app, cookies, secret):
    app_mode = app == "intranet.asgi:application"
    results = {}
    for size in SIZES:
        server = start_server(app, secret)
        try:
            await asyncio.sleep(1)
            before, cpu_before, client_before = (
                rss_kib(server.pid),
                cpu_seconds(server.pid),
                own_cpu_seconds(),
            )
            sockets, took, ok = await connect_many(cookies[:size])
            cpu, client = cpu_seconds(server.pid) - cpu_before, own_cpu_seconds() - client_before
            await asyncio.sleep(2)
            after = rss_kib(server.pid)
            results[size] = {
                "seconds": took,
                "ok": ok,
                "connected": len(sockets),
                "rss_mib": after / 1024,
                "per_conn_kib": (after - before) / max(1, len(sockets)),
                "cpu_ms": cpu * 1000 / max(1, len(sockets)),
                "client_cpu_s": client,
            }
            await close_all(sockets)
        finally:
            stop_server(server)
    if app.startswith("bench.baseline.bare"):
        return results  # no presence to watch: the floor is for connections only
    server = start_server(app, secret)
    try:
        sockets, latencies = await watch_latency(cookies, app_mode)
        results["latency"] = latencies
        results["storm"] = await storm(sockets, cookies, app_mode)
    finally:
        stop_server(server)
    return results


APPS = {
    "app": ("app (hub)", "intranet.asgi:application"),
    "bare": ("bare consumer (floor)", "bench.baseline.bare:application"),
    "textbook": ("textbook consumer", "bench.baseline.asgi:application"),
}


def print_tables(table, load_before, load_after):
    names = {key: APPS[key][0] for key in table}
    bare = table.get("bare", {})
    print()
    print(
        "| server | N idle | connected | connect s | server CPU ms / conn | × bare | RSS MiB | KiB / conn | "
        "× bare | client CPU s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key, r in table.items():
        for size in SIZES:
            row = r[size]
            floor = bare.get(size)
            mark = "" if row["ok"] else " (not all within the limit)"
            cpu_ratio = f"{row['cpu_ms'] / floor['cpu_ms']:.2f}" if floor and floor["cpu_ms"] else "–"
            kib_ratio = (
                f"{row['per_conn_kib'] / floor['per_conn_kib']:.2f}"
                if floor and floor["per_conn_kib"]
                else "–"
            )
            print(
                f"| {names[key]} | {size:,} | {row['connected']:,}{mark} | {row['seconds']:.1f} | "
                f"{row['cpu_ms']:.2f} | {cpu_ratio} | {row['rss_mib']:.0f} | {row['per_conn_kib']:.1f} | "
                f"{kib_ratio} | {row['client_cpu_s']:.1f} |"
            )
    print()
    print(
        f"| server | presence change → {ONLINE - 1} watchers: p50 ms | p99 ms | max ms | not delivered in 10 s | "
        f"storm of {ONLINE}: greeted s | all present s | lost state |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for key, r in table.items():
        if "latency" not in r:
            continue
        lat = r["latency"]
        greeted, total, ok, lost = r["storm"]
        lost_text = "–" if lost is None else ("none" if lost == 0 else f"{lost} not online")
        missed = sum(1 for value in lat if value >= 10_000)
        print(
            f"| {names[key]} | {pct(lat, 50):.0f} | {pct(lat, 99):.0f} | {max(lat) if lat else float('nan'):.0f} | "
            f"{missed} of {len(lat)} | {greeted:.1f}{'' if ok else ' (incomplete)'} | {total:.1f} | {lost_text} |"
        )
    app = table.get("app")
    if app is None:
        return
    print()
    print(
        f"Goals (issue 11), app (hub); load average {load_before:.1f} before, {load_after:.1f} after the run"
    )
    print()
    print("| goal | measured | met |")
    print("|---|---|---|")

    def row(goal, measured, met):
        print(f"| {goal} | {measured} | {'–' if met is None else ('yes' if met else 'no')} |")

    big = app.get(GOAL_N)
    if big is None:
        row(f"{GOAL_N:,} idle connections in < {GOAL_CONNECT_S} s", f"not measured (sizes {SIZES})", None)
        row(f"{GOAL_N:,} idle connections in ≤ {GOAL_RSS_MIB} MiB", f"not measured (sizes {SIZES})", None)
    else:
        row(
            f"{GOAL_N:,} idle connections in < {GOAL_CONNECT_S} s",
            f"{big['connected']:,} in {big['seconds']:.1f} s",
            big["ok"] and big["seconds"] < GOAL_CONNECT_S,
        )
        floor = bare.get(GOAL_N)
        extra = f" (bare consumer: {floor['rss_mib']:.0f} MiB)" if floor else ""
        row(
            f"{GOAL_N:,} idle connections in ≤ {GOAL_RSS_MIB} MiB",
            f"{big['rss_mib']:.0f} MiB{extra}",
            big["ok"] and big["rss_mib"] <= GOAL_RSS_MIB,
        )
    lat = app["latency"]
    row(
        f"presence change → {ONLINE - 1} watchers, p99 ≤ {GOAL_P99_MS} ms",
        f"{pct(lat, 99):.0f} ms",
        pct(lat, 99) <= GOAL_P99_MS,
    )
    greeted, total, ok, lost = app["storm"]
    row(
        f"reconnect storm of {ONLINE} < {GOAL_STORM_S} s, no lost state",
        f"{total:.1f} s, {'no' if lost == 0 else lost} lost",
        ok and lost == 0 and total < GOAL_STORM_S,
    )


def main():
    limit = raise_file_limit()
    cookies, secret = prepare(max(SIZES + [ONLINE]))
    load_before = os.getloadavg()[0]
    print(
        f"file limit {limit}; database {os.environ.get('DATABASE_URL', 'SQLite')}; "
        f"REDIS_URL {'set' if os.environ.get('REDIS_URL') else 'unset'}; sizes {SIZES}; "
        f"{CONNECT_CONCURRENCY} handshakes in flight; "
        f"load average {load_before:.1f}"
    )
    table = {}
    for key in SERVERS:
        name, app = APPS[key]
        print(f"measuring {name}…", flush=True)
        table[key] = asyncio.run(measure(app, cookies, secret))
    print_tables(table, load_before, os.getloadavg()[0])


if __name__ == "__main__":
    main()
