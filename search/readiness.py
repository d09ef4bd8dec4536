"""The search platform's readiness checks (core.health): the engine answers, the outbox drains."""

from __future__ import annotations

import datetime

from django.utils import timezone

from core.health import Unhealthy, register_check

# The worker drains the outbox at once after each change and every minute; a change still waiting after
# this means the engine has been refusing writes (or no worker runs) for that long.
OUTBOX_STALE_AFTER = datetime.timedelta(minutes=10)


def engine() -> str:
    from search.engines import get_engine
    from search.engines.base import SearchUnavailable

    current = get_engine()
    if current is None:
        return "not configured"
    try:
        return f"{current.count()} documents"
    except SearchUnavailable as error:
        raise Unhealthy("unavailable") from error


def outbox_backlog() -> tuple[int, datetime.datetime | None]:
    """(changes waiting for the index, when the oldest was made)."""
    from django.db.models import Count, Min

    from search.models import IndexOutbox

    row = IndexOutbox.objects.aggregate(count=Count("id"), oldest=Min("created_at"))
    return row["count"], row["oldest"]


def outbox() -> str:
    count, oldest = outbox_backlog()
    if oldest is not None and timezone.now() - oldest > OUTBOX_STALE_AFTER:
        minutes = int((timezone.now() - oldest).total_seconds() // 60)
        raise Unhealthy(f"{count} waiting, oldest {minutes} min")
    return f"{count} waiting"


def register() -> None:
    from core.metrics import register_backlog

    register_check("search", engine)
    register_check("search_outbox", outbox)
    register_backlog(
        "taimi_search_outbox_backlog",
        "Changes waiting to be written to the search index.",
        lambda: outbox_backlog()[0],
    )
