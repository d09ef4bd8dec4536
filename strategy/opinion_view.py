"""The opinion map for readers: an SVG of the participants' positions with a table of the groups."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.translation import gettext as _

from strategy.models import OpinionMap

GROUP_COLOURS = ["#0b3d91", "#a4361b", "#2e6b30", "#5a2d82"]
SHAPES = ["circle", "square", "triangle", "diamond"]


def _point(x, y, group) -> str:
    colour = GROUP_COLOURS[group % 4]
    cx, cy = 160 + x * 140, 160 - y * 140
    shape = SHAPES[group % 4]
    if shape == "circle":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{cx - 3:.1f}" y="{cy - 3:.1f}" width="6" height="6" fill="{colour}"/>'
    if shape == "triangle":
        return f'<polygon points="{cx:.1f},{cy - 4:.1f} {cx - 4:.1f},{cy + 3:.1f} {cx + 4:.1f},{cy + 3:.1f}" fill="{colour}"/>'
    return f'<polygon points="{cx:.1f},{cy - 4:.1f} {cx + 4:.1f},{cy:.1f} {cx:.1f},{cy + 4:.1f} {cx - 4:.1f},{cy:.1f}" fill="{colour}"/>'


def context(*, round, statements) -> dict | None:
    """None when the round has no map to show (no statements, hidden until close, or not computed yet)."""
    if not round.statements or not round.results_visible():
        return None
    found = OpinionMap.objects.filter(round=round).first()
    if found is None or not found.data.get("groups"):
        return {"empty": True}
    data = found.data
    texts = {s.pk: s.text for s in statements}
    groups = [
        {
            "name": _("Group %(letter)s") % {"letter": "ABCD"[i]},
            "size": g["size"],
            "colour": GROUP_COLOURS[i % 4],
        }
        for i, g in enumerate(data["groups"])
    ]
    rows = [
        {**row, "text": texts.get(row["id"], ""), "groups": [round_percent(v) for v in row["groups"]]}
        for row in data["statements"]
        if row["id"] in texts
    ]
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 320" width="100%" role="img" '
        f'aria-label="{escape(_("Opinion map: participants placed by their votes, coloured by group"))}" '
        'class="opinion-map"><rect x="0" y="0" width="320" height="320" fill="#f7f7f7" stroke="#767676"/>'
        + "".join(_point(x, y, g) for x, y, g in data["points"])
        + "</svg>"
    )
    return {
        "svg": svg,
        "groups": groups,
        "unifying": [row for row in rows if row["unifying"]],
        "divisive": sorted((row for row in rows if row["divisive"]), key=lambda row: -row["spread"]),
        "rows": rows,
        "participants": data["participants"],
        "computed_at": found.computed_at,
    }


def round_percent(value: float) -> int:
    return int(round(value * 100))
