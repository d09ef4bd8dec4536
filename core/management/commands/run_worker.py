"""Run the background worker: the database job queue plus the periodic schedule (core.jobs).

python manage.py run_worker            # until Ctrl+C / SIGTERM
python manage.py run_worker --batch    # run what is due, then exit (tests, cron)
"""

import threading
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from core import jobs


class Command(BaseCommand):
    help = "Run background jobs (scheduled publishing, announcements, reminders) and the periodic schedule."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Tick once, run every due job, then exit.")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between polls of an empty queue."
        )

    def handle(self, *args, batch=False, interval=1.0, **options):
        worker = Worker(
            queue_names=["*"],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        if batch:
            jobs.tick()
            worker.run()
            return
        self.stdout.write("Worker running (Ctrl+C stops it).")
        threading.Thread(target=self._schedule_forever, name="scheduler", daemon=True).start()
        worker.configure_signals()
        worker.run()

    def _schedule_forever(self):
        while True:
            try:
                jobs.tick()
            except Exception:  # noqa: BLE001 - the schedule must outlive a database hiccup
                jobs.logger.exception("Scheduler tick failed")
            finally:
                close_old_connections()
            time.sleep(jobs.TICK_SECONDS)
