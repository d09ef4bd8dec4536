"""Background jobs of the privacy features (schedule in core.jobs.PERIODIC_JOBS)."""

from django_tasks import task


@task()
def build_export(export_id: int) -> str:
    from privacy import export

    done = export.build(export_id=export_id)
    return f"export {export_id}: {done.status if done else 'gone'}"


@task()
def build_compliance_export(export_id: int) -> str:
    from privacy import compliance

    done = compliance.build(export_id=export_id)
    return f"compliance export {export_id}: {done.status if done else 'gone'}"


@task()
def daily_privacy() -> str:
    """Expired export files, retention of chat, notifications, search log and audit trail, and the
    erasure of people who left long enough ago (each in small batches)."""
    from privacy import erasure, export, retention

    expired = export.expire()
    removed = retention.enforce_all_low_priority()
    erased = erasure.erase_departed()
    return f"exports expired {expired}; retention {removed}; people erased {erased}"


@task()
def accessibility_reminders() -> str:
    from privacy import feedback

    return f"reminders {feedback.send_reminders()}"
