"""The export of everything Taimi holds about one person ("download my data", GDPR 15 and 20).

The worker builds one zip from the registry (core.personal_data): per kind of data a JSON file and a CSV
file (``data/<app>.<model>.json|csv``), the person's own files (``files/<app>.<model>/…``) and a
``manifest.json`` naming each kind, its purpose, legal basis and retention. Only the person's own rows:
what others wrote is not in it (a message the person wrote to someone is).
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import zipfile

import pyzipper
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from core import audit, downloads, personal_data, retention_settings
from privacy.models import DataExport


def request_export(*, subject, requested_by) -> DataExport:
    """Queue an export of ``subject``'s data; the job starts when the transaction commits."""
    from privacy import tasks

    export = DataExport.objects.create(subject=subject, requested_by=requested_by)
    audit.record(
        actor=requested_by,
        action=audit.DATA_EXPORT,
        target=subject,
        details={"export": export.pk, "on_behalf": requested_by.pk != subject.pk},
    )
    transaction.on_commit(lambda: tasks.build_export.enqueue(export_id=export.pk))
    return export


def csv_text(rows: list[dict]) -> str:
    """Rows of dicts as CSV (the union of their keys; lists and dicts as JSON)."""
    out = io.StringIO()
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                key: json.dumps(v, cls=DjangoJSONEncoder) if isinstance(v, dict | list) else v
                for key, v in row.items()
            }
        )
    return out.getvalue()


def new_password() -> str:
    """Four groups of four from an alphabet without look-alikes (about 80 bits): typed from the page."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def _open_zip(target, password: str | None):
    if not password:
        return zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED)
    archive = pyzipper.AESZipFile(target, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES)
    archive.setpassword(password.encode())
    return archive


def write_zip(*, user, target, on_step=None, password: str | None = None) -> dict[str, int]:
    """Write the person's data to ``target`` (a path or file object), AES-encrypted with ``password`` when
    one is given; returns rows per kind."""
    counts: dict[str, int] = {}
    manifest = {
        "person": user.get_username(),
        "created_at": timezone.now().isoformat(),
        "kinds": [],
    }
    declarations = sorted(personal_data.DECLARATIONS.values(), key=lambda d: d.model)
    with _open_zip(target, password) as archive:
        for step, declaration in enumerate(declarations):
            rows = personal_data.export_rows(declaration, user)
            counts[declaration.model] = len(rows)
            files = personal_data.export_files(declaration, user)
            stored = []
            for field_file in files:
                name = f"files/{declaration.model}/{os.path.basename(field_file.name)}"
                try:
                    with field_file.open("rb") as handle:
                        archive.writestr(name, handle.read())
                except (FileNotFoundError, ValueError):
                    continue  # a row whose file is gone: the row itself is in the data
                stored.append(name)
            if rows:
                archive.writestr(
                    f"data/{declaration.model}.json", json.dumps(rows, cls=DjangoJSONEncoder, indent=1)
                )
                archive.writestr(f"data/{declaration.model}.csv", csv_text(rows))
            manifest["kinds"].append(
                {
                    "kind": declaration.model,
                    "rows": len(rows),
                    "files": stored,
                    "purpose": str(declaration.purpose),
                    "legal_basis": str(declaration.legal_basis),
                    "retention": str(declaration.retention),
                }
            )
            if on_step:
                on_step(step + 1, len(declarations))
        archive.writestr("manifest.json", json.dumps(manifest, cls=DjangoJSONEncoder, indent=1))
    return counts


def build(*, export_id: int) -> DataExport | None:
    """Build the zip of one queued export (the job). Idempotent: a finished export is left alone."""
    export = DataExport.objects.select_related("subject").filter(pk=export_id).first()
    if export is None or export.status in (DataExport.Status.READY, DataExport.Status.EXPIRED):
        return export
    if not export.start():
        return export
    buffer = io.BytesIO()
    password = new_password()
    try:
        write_zip(user=export.subject, target=buffer, on_step=export.report, password=password)
    except Exception:
        export.fail()
        raise
    export.finish(
        name=f"{export.token}.zip",
        content=buffer.getvalue(),
        hours=retention_settings.value("PRIVACY_EXPORT_HOURS"),
        password=password,
    )
    return export


def expire(*, now=None) -> int:
    """Remove the files of exports (a person's data, compliance exports) whose link has expired; returns
    how many."""
    from privacy.models import ComplianceExport

    return downloads.expire(DataExport, now=now, password="") + downloads.expire(ComplianceExport, now=now)
