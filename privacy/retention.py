"""The daily retention run (privacy.tasks.daily_privacy): each store's period in force, in small batches.

Chat is chat's own (chat.retention: rooms' policies and the archive); the search log, notifications and the
audit trail are deleted here. Each batch is one short DELETE by primary key, so no lock is held for long.
The job runs it at a lower CPU priority (:func:`enforce_all_low_priority`): on the cores it shares with
the web processes, the chat comes first.
"""

from __future__ import annotations

import datetime
import os
import threading

from django.conf import settings
from django.db import models
from django.utils import timezone

from chat import retention as chat_retention
from core import audit, retention_settings


def delete_older(model, *, field: str, days: int | None, now=None, batch: int | None = None) -> int:
    """Delete ``model`` rows whose ``field`` is older than ``days``, ``batch`` at a time; returns how many."""
    if days is None:
        return 0
    now = now or timezone.now()
    batch = batch or settings.RETENTION_BATCH_SIZE
    cutoff = now - datetime.timedelta(days=days)
    done = 0
    while True:
        ids = list(model.objects.filter(**{f"{field}__lt": cutoff}).values_list("pk", flat=True)[:batch])
        if not ids:
            return done
        done += models.QuerySet(model).filter(pk__in=ids).delete()[0]


def enforce_all(*, now=None) -> dict[str, int]:
    from realtime.models import Notification
    from search.models import SearchLog

    now = now or timezone.now()
    periods = retention_settings.in_force()
    return {
        "chat_archived": chat_retention.expire_messages(now=now),
        "chat_archive_purged": chat_retention.purge_archive(now=now),
        "search_log": delete_older(
            SearchLog, field="created_at", days=periods["SEARCH_LOG_RETENTION_DAYS"], now=now
        ),
        "notifications": delete_older(
            Notification, field="created_at", days=periods["NOTIFICATION_RETENTION_DAYS"], now=now
        ),
        "audit": audit.purge_expired(now=now),
    }


# The niceness of the retention thread (0 normal … 19 lowest): the scheduler gives the web processes the
# cores first while the job's batches run.
NICENESS = 15


def enforce_all_low_priority(*, now=None, niceness: int = NICENESS) -> dict[str, int]:
    """:func:`enforce_all` in a thread of its own at a lower CPU priority, waited for (the daily job).

    On Linux a thread's niceness is its own, so the worker's other jobs keep theirs (raising it back
    needs privileges, hence the thread). The thread has its own database connection, closed at the end.
    """
    outcome: dict = {}

    def run():
        from django.db import connections

        try:
            if hasattr(os, "setpriority") and hasattr(threading, "get_native_id"):
                try:
                    os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
                except OSError:
                    pass  # not allowed here: run at the normal priority
            outcome["result"] = enforce_all(now=now)
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name="retention", daemon=True)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
