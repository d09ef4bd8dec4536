"""The base's tables: when each recurring background job is next due (core.jobs) and the audit trail."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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


class AuditEventQuerySet(models.QuerySet):
    """Append-only: rows are never changed, and go only by the audit trail's own retention."""

    def update(self, **kwargs):
        raise PermissionError("The audit trail is append-only.")

    def delete(self):
        raise PermissionError("The audit trail is append-only; core.audit.purge_expired removes old rows.")


class AuditEvent(models.Model):
    """One sensitive action (core.audit.record): who, what, on what, when. Append-only (docs/privacy.md)."""

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as written when the actor's account goes: the trail must still say who did it.
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=60, db_index=True)
    target = models.CharField(_("target"), max_length=300, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]
        # Read only, for everyone: no add, change or delete permission exists to grant.
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.target}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit trail is append-only.")


class RetentionSetting(models.Model):
    """An organisation-wide retention period as administrators set it (core.retention_settings).

    No row: the period of the environment (the setting of the same name) is in force. Who changed it and
    when is in the audit trail, not here (no link to a person)."""

    name = models.CharField(max_length=60, primary_key=True)
    value = models.PositiveIntegerField()  # 0: kept (only where core.retention_settings allows it)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
