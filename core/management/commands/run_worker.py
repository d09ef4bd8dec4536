"""Run the background worker: the database job queue plus the periodic schedule (core.jobs).

python manage.py run_worker            # until Ctrl+C / SIGTERM
python manage.py run_worker --batch    # run what is due, then exit (tests, cron)

Beside django-tasks-db's job loop run two daemon threads (not with --batch): the heartbeat (core.jobs.beat
every HEARTBEAT_SECONDS, with the job being run) and the scheduler (core.jobs.tick). A database
error does not end the process: the loop closes its connections, waits (1, 2, 4 … 30 s) and goes on.
"""

import threading
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, InterfaceError, close_old_connections, connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from core import jobs


def close_connections() -> None:
    """Let go of this thread's database connections, whatever state they are in."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - a connection to a server that went away may fail to close
            connection.connection = None


class ResilientWorker(Worker):
    """django-tasks-db's worker that records the job it runs and outlives database errors."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.current_task = ""
        self.started_at = None

    def beat(self) -> None:
        jobs.beat(worker_id=self.worker_id, task_id=self.current_task, started_at=self.started_at)

    def run_task(self, db_task_result) -> None:
        self.current_task = str(db_task_result.id)
        try:
            self.beat()  # the job is ours before it starts, whatever the heartbeat thread's timing
        except DatabaseError:
            pass  # the job will fail on the same database; the loop below deals with it
        try:
            super().run_task(db_task_result)
        finally:
            self.current_task = ""

    def run(self) -> None:
        backoff = jobs.BACKOFF_SECONDS
        last_error = 0.0
        while self.running:
            try:
                super().run()
                return
            except (DatabaseError, InterfaceError) as error:
                # PostgreSQL restarting or refusing connections. A job cut off here stays "running" under
                # this worker's id while the heartbeat says it is on nothing: the next tick requeues it.
                if time.monotonic() - last_error > 60:
                    backoff = jobs.BACKOFF_SECONDS
                last_error = time.monotonic()
                jobs.logger.warning(
                    "Worker lost the database (%s: %s); retrying in %g s",
                    type(error).__name__,
                    error,
                    backoff,
                )
                close_connections()
                self.current_task = ""
                end = time.monotonic() + backoff
                while self.running and time.monotonic() < end:
                    time.sleep(min(0.2, backoff))
                backoff = min(backoff * 2, jobs.BACKOFF_MAX)


class Command(BaseCommand):
    help = "Run background jobs (scheduled publishing, announcements, reminders) and the periodic schedule."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Tick once, run every due job, then exit.")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between polls of an empty queue."
        )

    def handle(self, *args, batch=False, interval=1.0, **options):
        from django.utils import timezone

        worker = ResilientWorker(
            queue_names=["*"],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        worker.started_at = timezone.now()
        stop = threading.Event()
        # A batch run (tests, cron) beats as each job starts (ResilientWorker.run_task) and needs no thread:
        # on SQLite a second writer would only meet the first one's lock.
        heartbeat = threading.Thread(
            target=self._beat_forever, args=(worker, stop), name="heartbeat", daemon=True
        )
        if not batch:
            heartbeat.start()
        try:
            if batch:
                jobs.tick()
                worker.run()
                return
            self.stdout.write("Worker running (Ctrl+C stops it).")
            threading.Thread(target=self._schedule_forever, name="scheduler", daemon=True).start()
            worker.configure_signals()
            worker.run()
        finally:
            stop.set()
            if heartbeat.is_alive():
                heartbeat.join(timeout=5)
            try:
                jobs.retire(worker_id=worker.worker_id)
            except DatabaseError:
                pass  # the row goes stale and is pruned

    def _beat_forever(self, worker, stop):
        while not stop.is_set():
            try:
                worker.beat()
                close_old_connections()
            except Exception:  # noqa: BLE001 - the heartbeat must outlive a database restart
                jobs.logger.warning("Worker heartbeat failed", exc_info=True)
                close_connections()
            stop.wait(jobs.HEARTBEAT_SECONDS)
        close_connections()

    def _schedule_forever(self):
        while True:
            try:
                jobs.tick()
                close_old_connections()
            except Exception:  # noqa: BLE001 - the schedule must outlive a database hiccup
                jobs.logger.exception("Scheduler tick failed")
                close_connections()
            time.sleep(jobs.TICK_SECONDS)
