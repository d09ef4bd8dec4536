"""The group mapping as JSON (``SSO_MAPPING_FILE``): export, and import that replaces the mapping."""

import json

from django.contrib.auth.models import Group
from django.db import transaction

from sso.models import GroupMapping
from teams.models import Agency, Team, Unit


class MappingError(ValueError):
    pass


def export_mapping() -> dict:
    rows = GroupMapping.objects.select_related("role", "agency", "unit", "team").order_by(
        "description", "group_id"
    )
    return {
        "mappings": [
            {
                "group_id": row.group_id,
                "description": row.description,
                "tenant_id": row.tenant_id,
                "role": row.role.name if row.role_id else None,
                "agency": row.agency.slug if row.agency_id else None,
                "unit": row.unit.slug if row.unit_id else None,
                "team": row.team.slug if row.team_id else None,
            }
            for row in rows
        ]
    }


@transaction.atomic
def import_mapping(*, data: dict) -> int:
    """Replace the whole mapping with the file's rows; nothing changes if any row is wrong."""
    rows = []
    for number, entry in enumerate(data.get("mappings", []), start=1):

        def lookup(model, field, value, what, number=number):
            if not value:
                return None
            try:
                return model.objects.get(**{field: value})
            except model.DoesNotExist:
                raise MappingError(f"row {number}: no {what} {value!r}") from None

        if not entry.get("group_id"):
            raise MappingError(f"row {number}: group_id is missing")
        rows.append(
            GroupMapping(
                group_id=entry["group_id"],
                description=entry.get("description") or "",
                tenant_id=entry.get("tenant_id") or "",
                role=lookup(Group, "name", entry.get("role"), "role"),
                agency=lookup(Agency, "slug", entry.get("agency"), "agency"),
                unit=lookup(Unit, "slug", entry.get("unit"), "unit"),
                team=lookup(Team, "slug", entry.get("team"), "team"),
            )
        )
    GroupMapping.objects.all().delete()
    GroupMapping.objects.bulk_create(rows)
    return len(rows)


def read_file(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
