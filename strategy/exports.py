"""CSV and XLSX exports of a round for the strategy team, built from the same rules as the pages.

The strategy team asks for an export (:func:`request_export`, recorded in the audit trail); the worker
builds the file (:func:`build`, job ``strategy.tasks.build_round_export``) into a
:class:`~strategy.models.RoundExport` (core.downloads: progress, a file outside MEDIA_ROOT, a link that
only the requester can open and that expires after ``STRATEGY_EXPORT_HOURS``).

An export holds participation figures (groups of five or more) and, only once the round shows its
results, the results; never a person next to an answer (anonymous rounds have no such link at all,
named rounds are exported as totals too).
"""

from __future__ import annotations

import csv
import io

from django.conf import settings
from django.db import transaction

from core import audit
from strategy import facilitation, results
from strategy.models import RoundExport


def rows(*, round) -> list[list]:
    out = [["section", "item", "value"]]
    counts = results.public_counts(round=round)
    out.append(["participation", "participants", counts["participants"] if counts["participants"] else "<5"])
    for dimension in facilitation.DIMENSIONS:
        for row in facilitation.by_group(round=round, dimension=dimension):
            out.append([f"participation by {dimension}", row["name"], row["count"]])
    for poll in round.polls.all():
        found = results.poll_results(poll=poll)
        if found is None:
            out.append(["poll", poll.question_fi, "hidden until close"])
            continue
        if poll.kind == "ranking":
            for row in found["rows"]:
                out.append([f"poll (Borda points): {poll.question_fi}", row["label"], row["points"]])
            for row in found["rows"]:
                positions = "/".join(str(n) for n in row["positions"])
                out.append(
                    [
                        f"poll (positions 1–{len(row['positions'])}): {poll.question_fi}",
                        row["label"],
                        positions,
                    ]
                )
            continue
        kind = " (dots)" if poll.kind == "dots" else ""
        for row in found["rows"]:
            out.append([f"poll{kind}: {poll.question_fi}", row["label"], row["count"]])
    statements = results.statement_results(round=round)
    if statements is None and round.statements:
        out.append(["statements", "", "hidden until close"])
    for row in statements or []:
        out.append(["statement", row["statement"].text, f"{row['agree']}/{row['disagree']}/{row['pass']}"])
    return out


def as_csv(*, round) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows(round=round))
    return buffer.getvalue().encode("utf-8-sig")


def as_xlsx(*, round) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Taimi"
    for row in rows(round=round):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def request_export(*, round, user, fmt: str) -> RoundExport:
    """Queue an export of ``round`` for ``user``; the job starts when the transaction commits."""
    from strategy import tasks

    export = RoundExport.objects.create(round=round, requested_by=user, format=fmt)
    audit.record(
        actor=user,
        action=audit.STRATEGY_EXPORT,
        target=round,
        details={"export": export.pk, "format": fmt, "results_visible": round.results_visible()},
    )
    transaction.on_commit(lambda: tasks.build_round_export.enqueue(export_id=export.pk))
    return export


def build(*, export_id: int) -> RoundExport | None:
    """Build one queued export (the job). Idempotent: a finished or expired export is left alone."""
    export = RoundExport.objects.select_related("round").filter(pk=export_id).first()
    if export is None or not export.start():
        return export
    try:
        export.report(1, 3)
        content = as_csv(round=export.round) if export.format == "csv" else as_xlsx(round=export.round)
        export.report(2, 3)
    except Exception:
        export.fail()
        raise
    export.finish(
        name=f"{export.token}.{export.format}", content=content, hours=settings.STRATEGY_EXPORT_HOURS
    )
    return export
