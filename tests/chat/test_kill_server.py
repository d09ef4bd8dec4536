"""Nothing lost: the Daphne process is killed (SIGKILL) in the middle of a conversation between two clients.

Both clients keep writing while the server is gone (their messages wait in the outbox with client ids), the
server comes back, the clients reconnect, resubscribe, fetch everything after their last sequence number and
resend what was not acknowledged. Every message must then be shown exactly once, in order, by both, and be
stored exactly once.
"""

import asyncio
import json

import pytest

from tests.chat.servers import ChatClient, Daphne, manage, prepare_database


@pytest.fixture(scope="module")
def world(tmp_path_factory, migrated_site):
    var = tmp_path_factory.mktemp("chat-kill")
    return var, prepare_database(var, migrated_site)


async def wait_until(condition, timeout=30.0):
    end = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > end:
            return False
        await asyncio.sleep(0.05)
    return True


async def test_killing_the_server_mid_conversation_loses_and_duplicates_nothing(world):
    var, setup = world
    server = Daphne(var).start()
    try:
        users = setup["users"]
        aino = ChatClient("aino", users["aino"]["cookie"], setup["room"], lambda: server.url)
        bertil = ChatClient("bertil", users["bertil"]["cookie"], setup["room"], lambda: server.url)
        aino.start()
        bertil.start()
        await asyncio.wait_for(asyncio.gather(aino.connected.wait(), bertil.connected.wait()), 20)
        sent = []

        async def talk(rounds, tag):
            for number in range(rounds):
                for client in (aino, bertil):
                    client_id = f"{client.name}-{tag}-{number}"
                    sent.append(client_id)
                    await client.say(f"{client.name} sanoo {tag} {number} 👍 äö", client_id)
                    await asyncio.sleep(0.01)

        await talk(8, "ennen")
        # Kill in the middle of a burst: some sends are in flight, some acknowledgements never come.
        burst = asyncio.create_task(talk(8, "kesken"))
        await asyncio.sleep(0.05)
        server.kill()
        await burst
        await talk(4, "poissa")  # written while the server is down: queued
        assert aino.outbox and bertil.outbox
        server.start()
        await talk(4, "jalkeen")
        total = len(sent)
        ok = await wait_until(
            lambda: (
                len(aino.shown) >= total
                and len(bertil.shown) >= total
                and not aino.outbox
                and not bertil.outbox
            ),
            timeout=45,
        )
        assert ok, (len(aino.shown), len(bertil.shown), total, aino.outbox, bertil.outbox)
        for client in (aino, bertil):
            assert client.errors == []
            seqs = sorted(client.shown)
            assert seqs == list(range(1, total + 1))  # every message, in order, no holes
            ids = [client.shown[s]["id"] for s in seqs]
            assert len(set(ids)) == total  # each shown once
            assert sorted(m["client_id"] for m in client.shown.values()) == sorted(sent)
            assert client.reconnects >= 1
        # Per author, the order they were written in is the order they were stored in.
        for name in ("aino", "bertil"):
            mine = [
                aino.shown[s]["client_id"]
                for s in sorted(aino.shown)
                if aino.shown[s]["client_id"].startswith(name)
            ]
            assert mine == [c for c in sent if c.startswith(name)]
        await aino.close()
        await bertil.close()
    finally:
        server.stop()
    stored = json.loads(
        manage(
            var,
            "shell",
            "-c",
            "import json; from chat.models import Message; "
            "print(json.dumps(list(Message.objects.values_list('client_id', flat=True))))",
        )
        .strip()
        .splitlines()[-1]
    )
    assert sorted(stored) == sorted(sent)
