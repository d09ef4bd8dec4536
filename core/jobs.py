"""The worker's schedule and retry policy, on top of django-tasks' database queue.

``manage.py run_worker`` runs django-tasks-db's worker loop (one job at a time,
claimed with a row lock, so several workers can share the queue) and, in a
thread beside it, :func:`tick` every ``TICK_SECONDS``:

* **periodic jobs**: each entry of :data:`PERIODIC_JOBS` is enqueued when its
  interval has passed. The claim is one conditional UPDATE on
  :class:`core.models.PeriodicJob`, so with several workers exactly one
  enqueues it.
* **retries**: a job that failed is put back in the queue with a growing delay
  until it has run ``MAX_ATTEMPTS`` times; a job still "running" after
  ``STALE_AFTER`` belonged to a worker that died (killed, machine lost) and is
  put back too. Jobs must therefore be idempotent (every job here is).
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# How often the scheduler thread looks at the clock. Scheduled publishing is
# at most this late; shorter means more (cheap) queries on an idle system.
TICK_SECONDS = 15
# Three runs in all: a passing fault (SMTP, Elasticsearch restarting) gets two
# more chances, a real bug does not fill the queue with endless retries.
MAX_ATTEMPTS = 3
# Delay before the second and third run: long enough for a service to come
# back, short enough that a reminder is still timely.
RETRY_DELAYS = [datetime.timedelta(seconds=30), datetime.timedelta(minutes=5)]
# Our jobs take seconds; one still running after this is an orphan of a worker
# that died. Longer than any job may take, or it would be run twice at once.
STALE_AFTER = datetime.timedelta(minutes=15)


@dataclass(frozen=True)
class Periodic:
    name: str
    task: str  # dotted path of a django-tasks task
    every: datetime.timedelta


PERIODIC_JOBS = [
    # Wagtail's go-live and expiry times: a scheduled article appears within a minute.
    Periodic("publish_scheduled", "core.tasks.publish_scheduled", datetime.timedelta(minutes=1)),
    # Must-read reminders: each step is a window of a day or more, so a quarter
    # of an hour is punctual enough and cheap (one query when nothing is due).
    Periodic("must_read_reminders", "news.tasks.send_must_read_reminders", datetime.timedelta(minutes=15)),
    # Instruction review reminders: the steps are days apart (two weeks before,
    # then overdue), so hourly is punctual and costs one query when nothing is due.
    Periodic(
        "instruction_review_reminders",
        "instructions.tasks.send_review_reminders",
        datetime.timedelta(hours=1),
    ),
    # Search outbox: each change also queues a drain at once; this catches up
    # after failures (rows wait out their backoff) and after a worker restart.
    Periodic("search_drain", "search.tasks.drain_index", datetime.timedelta(minutes=1)),
    # Retention of chat, notifications, search log and audit trail, expired data exports and the erasure
    # of people who left (docs/privacy.md): daily, in small batches.
    Periodic("privacy_daily", "privacy.tasks.daily_privacy", datetime.timedelta(days=1)),
    # Accessibility feedback waits for an answer (14 days by law): administrators are reminded daily;
    # the statement's yearly review too. Hourly costs one query when nothing is due.
    Periodic("accessibility_reminders", "privacy.tasks.accessibility_reminders", datetime.timedelta(hours=1)),
]


def enqueue_due(*, now=None) -> list[str]:
    """Enqueue every periodic job whose time has come; returns their names."""
    from core.models import PeriodicJob

    now = now or timezone.now()
    enqueued = []
    for job in PERIODIC_JOBS:
        PeriodicJob.objects.get_or_create(name=job.name, defaults={"next_run_at": now})
        with transaction.atomic():
            claimed = PeriodicJob.objects.filter(name=job.name, next_run_at__lte=now).update(
                next_run_at=now + job.every, last_enqueued_at=now
            )
            if claimed:
                import_string(job.task).enqueue()
                enqueued.append(job.name)
    return enqueued


def requeue_failed_and_orphaned(*, now=None) -> int:
    """Put failed jobs (fewer than MAX_ATTEMPTS runs) and orphaned running jobs back in the queue."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    requeued = 0
    for result in DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).only(
        "id", "worker_ids", "finished_at"
    ):
        attempts = len(result.worker_ids or [])
        if attempts >= MAX_ATTEMPTS:
            continue
        delay = RETRY_DELAYS[min(max(attempts, 1), len(RETRY_DELAYS)) - 1]
        requeued += DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY,
            run_after=now + delay,
            finished_at=None,
            started_at=None,
            exception_class_path="",
            traceback="",
        )
    requeued += DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - STALE_AFTER
    ).update(status=TaskResultStatus.READY, run_after=now, started_at=None)
    if requeued:
        logger.warning("Requeued %d failed or orphaned job(s)", requeued)
    return requeued


def tick(*, now=None) -> None:
    enqueue_due(now=now)
    requeue_failed_and_orphaned(now=now)
