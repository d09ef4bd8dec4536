"""The one rate limiter for what people send (chat messages, comments): a fixed window counted in the cache.

``allow(key=…, limit=…, window=…)`` counts one attempt in the current window of ``window`` seconds and says
whether it is within ``limit``. One cache round trip on the common path (an ``incr``; Redis in production, so
every worker counts together); the window's first attempt adds the key with an expiry of two windows.

A fixed window lets a burst of up to twice the limit through across a window's edge. That is the trade-off
for one round trip and no per-attempt rows: the limits stop runaway scripts and stuck keys, not a fast
typist, so the edge does no harm. Quotas on what is stored (such as comments per day) are counted from the
rows themselves by their app, since they must survive a cache flush.
"""

import time

from django.core.cache import cache


def allow(*, key: str, limit: int, window: int) -> bool:
    """Count one attempt for ``key``; True while at most ``limit`` attempts fall in this ``window`` (seconds)."""
    bucket = f"rate:{key}:{int(time.time()) // window}"
    try:
        count = cache.incr(bucket)
    except ValueError:  # the window's first attempt (or the key expired between two calls)
        count = 1 if cache.add(bucket, 1, window * 2) else cache.incr(bucket)
    return count <= limit
