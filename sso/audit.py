"""Group-mapping changes in the audit trail (core.audit): the actor is the signed-in administrator."""

from core import audit
from core.current_user import current_user


def _details(mapping) -> dict:
    return {
        "group_id": mapping.group_id,
        "role": str(mapping.role) if mapping.role_id else "",
        "agency": str(mapping.agency) if mapping.agency_id else "",
    }


def on_mapping_saved(sender, instance, created, **kwargs):
    audit.record(
        actor=current_user(),
        action=audit.GROUP_MAPPING_CHANGE,
        target=instance,
        details={"change": "created" if created else "changed", **_details(instance)},
    )


def on_mapping_deleted(sender, instance, **kwargs):
    audit.record(
        actor=current_user(),
        action=audit.GROUP_MAPPING_CHANGE,
        target=instance,
        details={"change": "deleted", **_details(instance)},
    )
