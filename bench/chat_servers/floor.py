"""The floor: a plain `websockets` broadcast server, no framework. ``python -m bench.chat_servers.floor PORT``."""

import asyncio
import sys

import websockets

CONNECTIONS = set()


async def handler(ws):
    CONNECTIONS.add(ws)
    try:
        async for message in ws:
            websockets.broadcast(CONNECTIONS, message)
    finally:
        CONNECTIONS.discard(ws)


async def main(port):
    async with websockets.serve(handler, "127.0.0.1", port, max_queue=None):
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
