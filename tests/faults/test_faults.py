"""Fault tests on real processes (docs/resilience.md): a PostgreSQL cluster, a Redis server, Daphne and the
job worker of the topology (tests/faults/topology.py), each stopped or restarted under work.

* PostgreSQL restarts while the worker runs a job: the worker survives and the job is done once (one
  notification, one e-mail), its retry coming from the heartbeat, not a 15-minute wait.
* Redis stops: every page still answers 200, a chat message sent meanwhile is stored, reaches the other
  process's sockets when Redis is back (nothing else written), and presence is right within seconds.
* SIGTERM to a Daphne under chat: every socket gets close code 4503, the process is gone within about
  5 s, the clients reconnect to the other Daphne and nothing is lost or shown twice.
"""

import asyncio
import json
import signal
import time
import urllib.error
import urllib.request

import pytest

from tests.chat.servers import ChatClient
from tests.faults.conftest import run_sql

PAGES = ["/", "/uutiset/", "/ihmiset/", "/chat/", "/ohjeet/", "/haku/?q=testi"]


def status(url: str, cookie: str) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


async def wait_until(condition, timeout=30.0, step=0.1):
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return False
        await asyncio.sleep(step)
    return True


@pytest.mark.timeout(90)
def test_postgresql_restart_during_a_job_the_worker_survives_and_does_it_once(topology):
    """Before, the error escaped django-tasks-db's loop and the worker process ended."""
    user_id = topology.setup["users"]["aino"]["id"]
    worker = topology.worker(EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend").start()
    started = topology.var / "job-started"
    run_sql(
        topology,
        "from tests.faults.jobs import slow_reminder; "
        f"print(slow_reminder.using(backend='default').enqueue({user_id}, 4, {str(started)!r}).id)",
    )
    # The job is running (claimed, sleeping) when PostgreSQL goes down and comes back.
    deadline = time.monotonic() + 30
    while not started.exists():
        assert time.monotonic() < deadline, worker.output()[-3000:]
        time.sleep(0.1)
    topology.postgres.stop()
    time.sleep(4)  # down while the job wakes up and writes
    topology.postgres.start()
    code = (
        "import json; from django_tasks_db.models import DBTaskResult; from realtime.models import Notification; "
        "print(json.dumps([list(DBTaskResult.objects.filter(task_path__endswith='slow_reminder')"
        ".values_list('status', flat=True)), Notification.objects.filter(key='faults:reminder').count()]))"
    )
    deadline = time.monotonic() + 45
    while True:
        statuses, notifications = json.loads(run_sql(topology, code))
        if statuses == ["SUCCESSFUL"]:
            break
        assert worker.alive(), worker.output()[-3000:]
        assert time.monotonic() < deadline, (statuses, worker.output()[-3000:])
        time.sleep(1)
    assert worker.alive(), worker.output()[-3000:]
    assert notifications == 1
    mails = list((topology.var / "mail").glob("*.log"))
    assert sum(path.read_text().count("Subject: Muistutus") for path in mails) == 1
    worker.stop()


@pytest.mark.timeout(90)
async def test_redis_down_pages_answer_and_no_chat_message_is_lost(topology):
    """Before, every page answered 500 while Redis was down (the cache raised)."""
    server, other = topology.daphne().start(), topology.daphne().start()
    users = topology.setup["users"]
    cookie = users["aino"]["cookie"]
    aino = ChatClient("aino", cookie, topology.setup["room"], lambda: server.url)
    # Bertil on the other process: what aino writes reaches him only through Redis.
    bertil = ChatClient("bertil", users["bertil"]["cookie"], topology.setup["room"], lambda: other.url)
    try:
        aino.start()
        bertil.start()
        await asyncio.wait_for(asyncio.gather(aino.connected.wait(), bertil.connected.wait()), 20)
        first = len(aino.shown)
        topology.redis.stop()
        codes = {path: await asyncio.to_thread(status, server.url + path, cookie) for path in PAGES}
        assert set(codes.values()) == {200}, codes
        sent = []
        for number in range(5):
            client_id = f"redis-down-{number}"
            sent.append(client_id)
            await aino.say(f"Redis poissa {number}", client_id)
        assert await wait_until(lambda: not aino.outbox, 20), (aino.outbox, aino.errors)  # stored
        topology.redis.start()
        # Nothing more is written: the messages of the outage reach bertil's process on recovery.
        ok = await wait_until(lambda: set(sent) <= {m["client_id"] for m in bertil.shown.values()}, 15)
        assert ok, ({m["client_id"] for m in bertil.shown.values()}, sent)
        for number in range(3):
            client_id = f"redis-back-{number}"
            sent.append(client_id)
            await aino.say(f"Redis takaisin {number}", client_id)
        total = first + len(sent)
        ok = await wait_until(
            lambda: len(bertil.shown) >= total and len(aino.shown) >= total and not aino.outbox, 30
        )
        assert ok, (len(aino.shown), len(bertil.shown), total, aino.outbox, aino.errors)
        for client in (aino, bertil):
            assert client.duplicates == 0 and client.errors == []
            assert set(sent) <= {m["client_id"] for m in client.shown.values()}
        # Presence: aino is online again within seconds of Redis coming back (the store was emptied).
        aino_id = users["aino"]["id"]
        state = await asyncio.to_thread(
            run_sql,
            topology,
            f"import json; from presence.services import public_states; print(json.dumps(public_states(user_ids=[{aino_id}])))",
        )
        assert json.loads(state)[str(aino_id)]["status"] == "online", state
        codes = {path: await asyncio.to_thread(status, server.url + path, cookie) for path in PAGES}
        assert set(codes.values()) == {200}, codes
    finally:
        await aino.close()
        await bertil.close()
        if topology.redis.process is None or topology.redis.process.poll() is not None:
            topology.redis.start()
        server.stop()
        other.stop()


@pytest.mark.timeout(90)
async def test_sigterm_drains_sockets_to_the_other_daphne_and_loses_nothing(topology):
    """Before, SIGTERM closed no socket with a close frame (the clients saw the connection drop) and the
    shutdown could last until the 10-second watchdog."""
    one, two = topology.daphne().start(), topology.daphne().start()
    target = {"url": one.url}
    users = topology.setup["users"]
    room = topology.setup["room2"]
    aino = ChatClient("aino", users["aino"]["cookie"], room, lambda: target["url"])
    bertil = ChatClient("bertil", users["bertil"]["cookie"], room, lambda: target["url"])
    try:
        aino.start()
        bertil.start()
        await asyncio.wait_for(asyncio.gather(aino.connected.wait(), bertil.connected.wait()), 20)
        sent = []

        async def talk(rounds, tag):
            for number in range(rounds):
                for client in (aino, bertil):
                    client_id = f"{client.name}-{tag}-{number}"
                    sent.append(client_id)
                    await client.say(f"{tag} {number}", client_id)
                    await asyncio.sleep(0.02)

        await talk(5, "ennen")
        target["url"] = two.url  # the front door now sends new connections to the other Daphne
        burst = asyncio.create_task(talk(10, "kesken"))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        one.process.send_signal(signal.SIGTERM)
        await asyncio.to_thread(one.process.wait, 10)
        took = time.monotonic() - started
        await burst
        await talk(3, "jalkeen")
        ok = await wait_until(
            lambda: all(len(c.shown) >= len(sent) and not c.outbox for c in (aino, bertil)), 30
        )
        assert ok, (len(aino.shown), len(bertil.shown), len(sent), aino.outbox, bertil.outbox)
        assert took < 6, took
        for client in (aino, bertil):  # each socket was told to reconnect elsewhere
            assert 4503 in client.close_codes, client.close_codes
        for client in (aino, bertil):
            assert client.errors == [] and client.duplicates == 0
            seqs = sorted(client.shown)
            assert seqs == list(range(1, len(sent) + 1))
            assert sorted(m["client_id"] for m in client.shown.values()) == sorted(sent)
    finally:
        await aino.close()
        await bertil.close()
        one.stop()
        two.stop()
