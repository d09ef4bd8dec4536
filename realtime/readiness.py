"""The transport's readiness check (core.health): a message through the channel layer and back."""

from __future__ import annotations

import asyncio

from asgiref.sync import async_to_sync

from core.health import register_check

# Seconds the round trip may take; Redis answers in a millisecond, so this only bounds an outage.
ROUND_TRIP_TIMEOUT = 2.0


async def _round_trip() -> None:
    """Through a layer instance of its own, closed afterwards. The process's shared instance receives in one
    event loop at a time (channels_redis: "Two event loops are trying to receive()"), and each check runs in
    an event loop of its own (async_to_sync, in whichever HTTP thread asked): two threads checking at once
    failed one of them (tests/realtime/test_readiness.py)."""
    from channels import DEFAULT_CHANNEL_LAYER
    from channels.layers import channel_layers

    layer = channel_layers.make_backend(DEFAULT_CHANNEL_LAYER)
    try:
        channel = await layer.new_channel("readiness.")
        await layer.send(channel, {"type": "readiness.ping"})
        message = await layer.receive(channel)
        if message.get("type") != "readiness.ping":
            raise RuntimeError("unexpected message")
    finally:
        close = getattr(layer, "close_pools", None)
        if close is not None:
            await close()


def channel_layer() -> None:
    async def bounded():
        await asyncio.wait_for(_round_trip(), ROUND_TRIP_TIMEOUT)

    async_to_sync(bounded)()


def register() -> None:
    register_check("channel_layer", channel_layer)
