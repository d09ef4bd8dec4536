"""CSV and XLSX exports of a round for the strategy team, built from the same rules as the pages.

An export holds participation figures (groups of five or more) and, only once the round shows its
results, the results; never a person next to an answer (anonymous rounds have no such link at all,
named rounds are exported as totals too).
"""

from __future__ import annotations

import csv
import io

from strategy import facilitation, results


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
        for row in found["rows"]:
            out.append([f"poll: {poll.question_fi}", row["label"], row["count"]])
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
