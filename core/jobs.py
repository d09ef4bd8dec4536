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
  belonged to a worker that died (killed, machine lost) is put back too
  (heartbeats, below). Jobs must therefore be idempotent (every job here is), and a job that sends a
  notification or an e-mail does so under an idempotency key (``realtime.actions.notify``'s ``key``,
  ``core.mail.send_once``).

**Heartbeats.** Each worker has a row in :class:`core.models.WorkerHeartbeat`, stamped every
``HEARTBEAT_SECONDS`` by a thread beside the job loop, with the job it is running. A job still "running"
whose worker has not beaten for ``HEARTBEAT_STALE`` (killed, machine lost), or whose worker has moved on
(its loop lost the database while finishing the job and could not record the result), is an orphan and
goes back to the queue at the next tick: within about a minute, not after a fixed 15 minutes, and never
while its worker is alive and still on it. :func:`last_heartbeat` is the readiness check's view of it.

**A database that goes away** (PostgreSQL restarting, refusing connections) does not end the worker: the
loop (core/management/commands/run_worker.py) catches the error, closes its connections, waits
(``BACKOFF_SECONDS`` doubling up to ``BACKOFF_MAX``) and goes on.
"""

import datetime
import logging
import os
import socket
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# How often the scheduler thread looks at the clock. Scheduled publishing is
# at most this late; shorter means more (cheap) queries on an idle system.
TICK_SECONDS = float(os.environ.get("JOBS_TICK_SECONDS") or 15)
# Three runs in all: a passing fault (SMTP, Elasticsearch restarting) gets two
# more chances, a real bug does not fill the queue with endless retries.
MAX_ATTEMPTS = 3
# Delay before the second and third run: long enough for a service to come
# back, short enough that a reminder is still timely (JOBS_RETRY_DELAYS, seconds).
RETRY_DELAYS = [
    datetime.timedelta(seconds=float(seconds))
    for seconds in (os.environ.get("JOBS_RETRY_DELAYS") or "30,300").split(",")
]
# How often a worker stamps its heartbeat row (a one-row UPDATE).
HEARTBEAT_SECONDS = float(os.environ.get("JOBS_HEARTBEAT_SECONDS") or 10)
# A worker silent this long is gone, and its running job is an orphan. Several beats, so that a busy
# database or a paused VM does not hand a job that is still running to a second worker; with the tick
# above, an orphan runs again within about a minute of its worker's death.
HEARTBEAT_STALE = datetime.timedelta(seconds=float(os.environ.get("JOBS_HEARTBEAT_STALE") or 45))
# A job claimed less than this ago is not judged yet (its worker records the job in its heartbeat row
# just after the claim).
CLAIM_GRACE = datetime.timedelta(seconds=5)
# Waits of the worker loop after a database error: 1, 2, 4, ... up to BACKOFF_MAX seconds.
BACKOFF_SECONDS = float(os.environ.get("JOBS_BACKOFF_SECONDS") or 1)
BACKOFF_MAX = 30.0
# A periodic job whose own check asks for it sooner is enqueued at most this often (several workers tick
# at once; a check that stays true must not queue a job per tick).
SOONER_GAP = datetime.timedelta(seconds=5)
# Heartbeat rows of workers gone this long are deleted (the rows are only for the living).
HEARTBEAT_KEEP = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Periodic:
    name: str
    task: str  # dotted path of a django-tasks task
    every: datetime.timedelta
    # Dotted path of a cheap check, asked at every tick: when it answers True the job is enqueued now,
    # before its interval has passed (the interval stays the upper bound). Its domain owns it.
    sooner: str = ""


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
    # Strategy (docs/strategy.md): the opinion maps of open statement rounds, the mixing of anonymous
    # answers (their order and transaction ids then point to no voter), reminders to those who have not
    # taken part, and the review reminders of strategy actions.
    Periodic("strategy_opinion_maps", "strategy.tasks.refresh_opinion_maps", datetime.timedelta(minutes=10)),
    Periodic("strategy_mix_answers", "strategy.tasks.mix_anonymous_answers", datetime.timedelta(minutes=5)),
    Periodic(
        "strategy_participation_reminders",
        "strategy.tasks.send_participation_reminders",
        datetime.timedelta(hours=1),
    ),
    Periodic(
        "strategy_action_reviews", "strategy.tasks.send_action_review_reminders", datetime.timedelta(hours=1)
    ),
    # Facilitation exports: their files go when the download link expires.
    Periodic("strategy_exports_expire", "strategy.tasks.expire_round_exports", datetime.timedelta(hours=1)),
    # Search outbox: each change also queues a drain at once; this catches up
    # after failures (rows wait out their backoff) and after a worker restart.
    # When changes wait because the engine did not answer and it answers again, the drain runs at the next
    # tick (search.indexing.engine_back: a ping only while such changes wait), not up to a minute later.
    Periodic(
        "search_drain",
        "search.tasks.drain_index",
        datetime.timedelta(minutes=1),
        sooner="search.indexing.engine_back",
    ),
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
        due = Q(next_run_at__lte=now)
        if job.sooner and _asks_sooner(job):
            due |= Q(last_enqueued_at__isnull=True) | Q(last_enqueued_at__lte=now - SOONER_GAP)
        with transaction.atomic():
            claimed = PeriodicJob.objects.filter(due, name=job.name).update(
                next_run_at=now + job.every, last_enqueued_at=now
            )
            if claimed:
                import_string(job.task).enqueue()
                enqueued.append(job.name)
    return enqueued


def _asks_sooner(job: Periodic) -> bool:
    """The job's own check; a check that fails is a no (the interval still applies)."""
    try:
        return bool(import_string(job.sooner)())
    except Exception:  # noqa: BLE001 - a broken check must not stop the scheduler
        logger.exception("The check %s of the periodic job %s failed", job.sooner, job.name)
        return False


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
    requeued += requeue_orphaned(now=now)
    if requeued:
        logger.warning("Requeued %d failed or orphaned job(s)", requeued)
    return requeued


def requeue_orphaned(*, now=None) -> int:
    """Put back every running job whose worker is silent (``HEARTBEAT_STALE``) or no longer on it."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from core.models import WorkerHeartbeat

    now = now or timezone.now()
    alive = {
        beat.worker_id: beat.task_id
        for beat in WorkerHeartbeat.objects.filter(beat_at__gte=now - HEARTBEAT_STALE).only(
            "worker_id", "task_id"
        )
    }
    requeued = 0
    running = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - CLAIM_GRACE
    ).only("id", "worker_ids", "started_at")
    for result in running:
        worker = (result.worker_ids or [None])[-1]
        if worker in alive and alive[worker] == str(result.id):
            continue  # its worker is alive and still on it
        requeued += DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        ).update(status=TaskResultStatus.READY, run_after=now, started_at=None)
    return requeued


def beat(*, worker_id: str, task_id: str = "", started_at=None) -> None:
    """Stamp this worker's heartbeat row (created on the first beat) with the job it is running now."""
    from core.models import WorkerHeartbeat

    now = timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(beat_at=now, task_id=task_id)
    if not updated:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={
                "beat_at": now,
                "task_id": task_id,
                "host": socket.gethostname()[:200],
                "pid": os.getpid(),
                "started_at": started_at or now,
            },
        )


def retire(*, worker_id: str) -> None:
    """A worker that stops cleanly removes its row (its running job, if any, is then an orphan at once)."""
    from core.models import WorkerHeartbeat

    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def last_heartbeat():
    """When a job worker last showed it was alive (an aware datetime), or None if none ever did.

    For the readiness check: no beat within ``HEARTBEAT_STALE`` means no worker is running.
    """
    from core.models import WorkerHeartbeat

    return WorkerHeartbeat.objects.aggregate(last=Max("beat_at"))["last"]


def prune_heartbeats(*, now=None) -> int:
    from core.models import WorkerHeartbeat

    now = now or timezone.now()
    return WorkerHeartbeat.objects.filter(Q(beat_at__lt=now - HEARTBEAT_KEEP)).delete()[0]


def tick(*, now=None) -> None:
    enqueue_due(now=now)
    requeue_failed_and_orphaned(now=now)
    prune_heartbeats(now=now)
