"""The audit trail: an append-only record of sensitive actions (docs/privacy.md#audit-trail).

Any app records into it with :func:`record`; rows are never changed, and only :func:`purge_expired`
(the daily retention job) removes those older than ``AUDIT_RETENTION_DAYS``.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone

# The actions recorded, one word each (the list filter and docs/privacy.md name them).
DATA_EXPORT = "data_export"
ERASURE = "erasure"
ROLE_CHANGE = "role_change"
GROUP_MAPPING_CHANGE = "group_mapping_change"
RETENTION_CHANGE = "retention_change"
MODERATION = "moderation"
REPORT_ACCESS = "report_access"
ARCHIVE_RESTORE = "archive_restore"
ARCHIVE_EXPORT = "archive_export"
STRATEGY_EXPORT = "strategy_export"


def describe(target) -> str:
    """``app.Model:pk name`` for a model instance, the text itself otherwise."""
    if isinstance(target, models.Model):
        return f"{target._meta.label}:{target.pk} {target}"[:300]
    return str(target or "")[:300]


def _actor_name(actor) -> str:
    if actor is None:
        return "system"
    full = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return (f"{full} ({actor.get_username()})" if full else actor.get_username())[:150]


def record(*, actor, action: str, target, details: dict | None = None):
    """Append one event; ``actor`` is a user (None: the system, e.g. a retention job)."""
    from core.models import AuditEvent

    if actor is not None and not getattr(actor, "is_authenticated", True):
        actor = None
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_name=_actor_name(actor),
        action=action,
        target=describe(target),
        details=details or {},
    )


def purge_expired(*, now=None, batch: int = 1000) -> int:
    """Remove events older than the audit trail's retention, in small batches; returns how many."""
    from core import retention_settings
    from core.models import AuditEvent

    days = retention_settings.value("AUDIT_RETENTION_DAYS")
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    removed = 0
    while True:
        ids = list(AuditEvent.objects.filter(at__lt=cutoff).values_list("pk", flat=True)[:batch])
        if not ids:
            return removed
        # The queryset refuses delete(); the retention job is the one way rows leave.
        removed += models.QuerySet(AuditEvent).filter(pk__in=ids)._raw_delete(AuditEvent.objects.db)
