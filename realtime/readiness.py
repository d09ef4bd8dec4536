"""The transport's readiness check (core.health): a message through the channel layer and back."""

from __future__ import annotations

import asyncio

from asgiref.sync import async_to_sync

from core.health import register_check

# Seconds the round trip may take; Redis answers in a millisecond, so this only bounds an outage.
ROUND_TRIP_TIMEOUT = 2.0


async def _round_trip() -> None:
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    channel = await layer.new_channel("readiness.")
    await layer.send(channel, {"type": "readiness.ping"})
    message = await layer.receive(channel)
    if message.get("type") != "readiness.ping":
        raise RuntimeError("unexpected message")


def channel_layer() -> None:
    async def bounded():
        await asyncio.wait_for(_round_trip(), ROUND_TRIP_TIMEOUT)

    async_to_sync(bounded)()


def register() -> None:
    register_check("channel_layer", channel_layer)
