"""The base's readiness checks (core.health): the database, Redis, the job worker and its queue.

Registered by core's AppConfig.ready(); the search and realtime apps register their own.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone

from core.health import Unhealthy, register_check
from core.jobs import HEARTBEAT_STALE

# A worker's heartbeat thread beats every JOBS_HEARTBEAT_SECONDS (10 s); core.jobs treats a worker silent
# for HEARTBEAT_STALE as gone (its jobs go back to the queue), and so does readiness.
WORKER_STALE_AFTER = HEARTBEAT_STALE


def database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def redis() -> str | None:
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return "not configured"
    import redis as redis_client

    client = redis_client.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
    try:
        client.ping()
    finally:
        client.close()
    return None


def worker_last_seen() -> datetime.datetime | None:
    """When a job worker last showed it is alive: its heartbeat thread's latest beat (core.jobs)."""
    from core import jobs

    return jobs.last_heartbeat()


def worker() -> str:
    last = worker_last_seen()
    if last is None:
        raise Unhealthy("never seen")
    age = timezone.now() - last
    if age > WORKER_STALE_AFTER:
        raise Unhealthy(f"last seen {int(age.total_seconds())} s ago")
    return f"seen {int(age.total_seconds())} s ago"


def job_queue_depth() -> int:
    """Jobs due to run and not yet started."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


def job_queue() -> str:
    return f"{job_queue_depth()} waiting"


def register() -> None:
    register_check("database", database, critical=True)
    register_check("redis", redis)
    register_check("worker", worker)
    register_check("jobs", job_queue)
