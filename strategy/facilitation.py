"""The facilitation view's figures: participation over time and by agency, unit and location.

Only groups of at least five people are shown (strategy.results.MIN_GROUP); nothing here reads an
answer, so the view and its exports are the same before and after close.
"""

from __future__ import annotations

from collections import Counter

from strategy import results
from strategy.models import PollParticipation, StatementParticipation

DIMENSIONS = {"agency": "person__agency", "unit": "person__unit", "location": "person__home_location"}


def by_group(*, round, dimension: str) -> list[dict]:
    """Participants per group, groups under five left out."""
    from django.contrib.auth import get_user_model

    from teams.models import Agency, Location, Unit

    ids = results.participant_ids(round=round)
    field = DIMENSIONS[dimension]
    counts = Counter(get_user_model().objects.filter(pk__in=ids).values_list(f"{field}_id", flat=True))
    model = {"agency": Agency, "unit": Unit, "location": Location}[dimension]
    names = {obj.pk: obj.name_fi for obj in model.objects.filter(pk__in=[k for k in counts if k])}
    rows = [
        {"name": names.get(pk, "–"), "count": n} for pk, n in counts.items() if pk and n >= results.MIN_GROUP
    ]
    return sorted(rows, key=lambda row: (-row["count"], row["name"]))


def over_time(*, round) -> list[tuple]:
    """(day, people who first took part that day, running total); days under five are merged forward."""
    first_day: dict[int, object] = {}
    for model, link in ((PollParticipation, "poll__round"), (StatementParticipation, "statement__round")):
        for user_id, day in model.objects.filter(**{link: round}).values_list("user_id", "day"):
            if user_id not in first_day or day < first_day[user_id]:
                first_day[user_id] = day
    per_day = Counter(first_day.values())
    rows, total, pending = [], 0, 0
    for day in sorted(per_day):
        pending += per_day[day]
        if pending >= results.MIN_GROUP:
            total += pending
            rows.append((day, pending, total))
            pending = 0
    return rows


def chart_svg(rows: list[tuple], *, title: str) -> str:
    """A bar chart of the running total, server-rendered (the table beside it is the same data)."""
    from django.utils.html import escape

    width, height, pad = 600, 220, 30
    if not rows:
        return ""
    top = max(total for _d, _n, total in rows)
    bar = (width - 2 * pad) / len(rows)
    bars = []
    for i, (day, _n, total) in enumerate(rows):
        h = (height - 2 * pad) * total / top
        x = pad + i * bar
        bars.append(
            f'<rect x="{x + 2:.0f}" y="{height - pad - h:.0f}" width="{max(bar - 4, 2):.0f}" height="{h:.0f}" '
            f'fill="#1d5fa8"><title>{day.strftime("%-d.%-m.")} {total}</title></rect>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}"><line x1="{pad}" y1="{height - pad}" x2="{width - pad}" '
        f'y2="{height - pad}" stroke="#222"/>{"".join(bars)}</svg>'
    )
