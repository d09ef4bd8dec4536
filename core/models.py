"""The base's one table: when each recurring background job is next due (core.jobs)."""

from django.db import models


class PeriodicJob(models.Model):
    """When a recurring background job (core.jobs.PERIODIC_JOBS) is next due; claimed by one worker."""

    name = models.CharField(max_length=100, primary_key=True)
    next_run_at = models.DateTimeField()
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "intranet_periodicjob"  # created by the intranet app; moved here by state only

    def __str__(self) -> str:
        return self.name


class WorkerHeartbeat(models.Model):
    """One row per running job worker, stamped every few seconds by a thread beside its loop (core.jobs).

    ``task_id`` is the job it is running now (empty between jobs). A running job is an orphan when the
    worker that claimed it has gone quiet or has moved on; ``core.jobs.requeue_failed_and_orphaned`` puts it
    back in the queue.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=200, blank=True)
    pid = models.IntegerField(default=0)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)
    task_id = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"


class SentMail(models.Model):
    """An e-mail claimed for sending under an idempotency key (core.mail.send_once): at most one per key."""

    key = models.CharField(max_length=200, primary_key=True)
    claimed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
