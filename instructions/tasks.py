"""Background jobs of the library (run by the worker; the schedule is core.jobs.PERIODIC_JOBS)."""

from django_tasks import task


@task()
def send_review_reminders() -> int:
    """Remind owners of instructions whose review is near or past (once per step; instructions.governance)."""
    from instructions import governance

    return governance.send_review_reminders()
