"""Runs only with Redis (CI): the channel layer and cache that several Daphne workers share."""

import uuid

import pytest
from channels_redis.core import RedisChannelLayer
from django.conf import settings
from django.core.cache import cache

pytestmark = pytest.mark.redis


def test_channel_layer_is_redis():
    from channels.layers import get_channel_layer

    assert isinstance(get_channel_layer(), RedisChannelLayer)


async def test_a_group_message_crosses_workers():
    """Two layer instances stand for two Daphne processes sharing one Redis."""
    config = settings.CHANNEL_LAYERS["default"]["CONFIG"]
    worker_a, worker_b = RedisChannelLayer(**config), RedisChannelLayer(**config)
    group = f"test.{uuid.uuid4().hex}"
    channel = await worker_b.new_channel()
    await worker_b.group_add(group, channel)
    await worker_a.group_send(group, {"type": "push", "frame": "hello"})
    assert (await worker_b.receive(channel))["frame"] == "hello"
    await worker_b.group_discard(group, channel)
    await worker_a.flush()


def test_cache_is_shared_through_redis():
    import redis

    key = f"test:{uuid.uuid4().hex}"
    cache.set(key, "jaettu", 30)
    # Read it back with a separate client, as another worker would.
    raw = redis.Redis.from_url(settings.REDIS_URL)
    assert any(key in name.decode() for name in raw.keys(f"*{key}*"))
    assert cache.get(key) == "jaettu"
