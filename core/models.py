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
