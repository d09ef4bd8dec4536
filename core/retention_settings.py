"""The organisation-wide retention periods: administrators edit them (Settings → Retention periods).

Each period starts as the Django setting of the same name (read from the environment, intranet/settings.py);
once an administrator saves a value it is kept in ``core.RetentionSetting`` and wins. Everything that
enforces or shows a period reads it here: the retention jobs, chat's room policies, the erasure of people
who left, the export links, the privacy notice. Every change is recorded in the audit trail (who, old →
new, when).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core import audit


@dataclass(frozen=True)
class Period:
    name: str
    hours: bool = False  # the unit: hours, else days
    minimum: int = 1
    maximum: int = 36500  # a hundred years: anything longer is a typing error
    keep: bool = False  # 0 means "kept" (no deletion), None in :func:`value`


PERIODS: dict[str, Period] = {
    period.name: period
    for period in (
        Period("CHAT_RETENTION_DAYS", keep=True),
        Period("CHAT_CASUAL_RETENTION_DAYS"),
        Period("CHAT_ARCHIVE_DAYS", maximum=3650),
        Period("SEARCH_LOG_RETENTION_DAYS"),
        Period("NOTIFICATION_RETENTION_DAYS"),
        # Shorter than a month would lose the trail before anyone reads it.
        Period("AUDIT_RETENTION_DAYS", minimum=30),
        Period("PRIVACY_ERASE_AFTER_DAYS", maximum=3650),
        Period("PRIVACY_EXPORT_HOURS", hours=True, maximum=720),
    )
}


def environment_value(name: str) -> int | None:
    """The period of the environment (the Django setting); None: kept."""
    value = getattr(settings, name)
    return value or None if PERIODS[name].keep else value


def _stored() -> dict[str, int]:
    from core.models import RetentionSetting

    return dict(RetentionSetting.objects.filter(name__in=PERIODS).values_list("name", "value"))


def in_force() -> dict[str, int | None]:
    """Every period in force (one query): the administrators' value, else the environment's."""
    stored = _stored()
    result = {}
    for name, period in PERIODS.items():
        if name in stored:
            value = stored[name]
            result[name] = None if (period.keep and value == 0) else value
        else:
            result[name] = environment_value(name)
    return result


def value(name: str) -> int | None:
    """One period in force (days or hours; None: kept)."""
    from core.models import RetentionSetting

    stored = RetentionSetting.objects.filter(name=name).values_list("value", flat=True).first()
    if stored is None:
        return environment_value(name)
    return None if (PERIODS[name].keep and stored == 0) else stored


def validate(name: str, raw: int) -> None:
    period = PERIODS[name]
    if raw == 0 and period.keep:
        return
    if not period.minimum <= raw <= period.maximum:
        raise ValueError(name)


def change(*, actor, values: dict[str, int | None]) -> list[str]:
    """Save the periods that differ from those in force (None or 0: kept, where allowed); each change is
    recorded in the audit trail. Returns the names changed. Raises ValueError on a value out of range."""
    from core.models import RetentionSetting

    for name, raw in values.items():
        validate(name, 0 if raw is None else raw)
    changed = []
    with transaction.atomic():
        before = in_force()
        for name, raw in values.items():
            new = None if (raw in (None, 0) and PERIODS[name].keep) else raw
            if new == before[name]:
                continue
            RetentionSetting.objects.update_or_create(
                name=name, defaults={"value": new or 0, "changed_at": timezone.now()}
            )
            audit.record(
                actor=actor,
                action=audit.RETENTION_CHANGE,
                target=f"setting {name}",
                details={"setting": name, "from": before[name], "to": new},
            )
            changed.append(name)
    return changed
