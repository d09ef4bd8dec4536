"""Scale-out: two Daphne processes sharing Redis. A is on one, B on the other; messages, typing, read markers
and reactions cross between them (one pub/sub message per process and room, docs/chat.md)."""

import asyncio
import os

import pytest

from tests.chat.servers import ChatClient, Daphne, prepare_database

pytestmark = pytest.mark.redis


async def frame_of(client, kind, timeout=10, **match):
    end = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < end:
        for frame in client.frames:
            if frame.get("type") == kind and all(frame.get(k) == v for k, v in match.items()):
                return frame
        await asyncio.sleep(0.05)
    raise AssertionError(f"{client.name} got no {kind} {match}: {[f.get('type') for f in client.frames]}")


async def test_chat_crosses_between_two_daphne_processes(tmp_path, migrated_site):
    import redis

    url = os.environ["REDIS_URL"]
    redis.Redis.from_url(url).flushdb()
    setup = prepare_database(tmp_path, migrated_site)
    env = {"REDIS_URL": url, "REALTIME_HUB_PREFIX": f"chat-test-{os.getpid()}:"}
    one, two = Daphne(tmp_path, **env).start(), Daphne(tmp_path, **env).start()
    users, room = setup["users"], setup["room"]
    aino = ChatClient("aino", users["aino"]["cookie"], room, lambda: one.url)
    bertil = ChatClient("bertil", users["bertil"]["cookie"], room, lambda: two.url)
    try:
        aino.start()
        bertil.start()
        await asyncio.wait_for(asyncio.gather(aino.connected.wait(), bertil.connected.wait()), 20)
        await aino.say("Hei toisesta prosessista 👋", "a-1")
        message = (await frame_of(bertil, "chat.message"))["message"]
        assert message["body"] == "Hei toisesta prosessista 👋" and message["author"]["username"] == "aino"
        await bertil._send({"type": "chat.read", "room": room, "seq": 1})
        read = await frame_of(aino, "chat.read", user=users["bertil"]["id"])
        assert read["seq"] == 1
        await bertil.say("Kuulin, vastaan täältä", "b-1")
        assert (await frame_of(aino, "chat.message", timeout=10)) and await _shown(aino, 2)

        await bertil._send({"type": "chat.typing", "room": room})
        typing = await frame_of(aino, "chat.typing")
        assert typing["user"]["username"] == "bertil"

        await aino._send({"type": "chat.react", "message": message["id"], "emoji": "🎉"})
        update = await frame_of(bertil, "chat.update")
        assert update["message"]["reactions"] == [{"emoji": "🎉", "users": [users["aino"]["id"]]}]
        assert aino.duplicates == 0 and bertil.duplicates == 0
    finally:
        await aino.close()
        await bertil.close()
        one.stop()
        two.stop()


async def _shown(client, count, timeout=10):
    end = asyncio.get_running_loop().time() + timeout
    while len(client.shown) < count and asyncio.get_running_loop().time() < end:
        await asyncio.sleep(0.05)
    return len(client.shown) >= count
