"""The strategy map as a server-rendered SVG (no script, no external asset), with the list beside it.

Levels top to bottom (mission, vision, values, goals, actions, success factors); each element is a box;
the list after it is the same content as text (the SVG is one image for assistive technology). The SVG scales to the width of a 360 px phone (viewBox).
"""

from __future__ import annotations

import textwrap

from django.utils.html import escape

WIDTH = 640
BOX_H = 56
GAP = 12
LEVEL_GAP = 34
COLOURS = {
    "mission": "#0b3d91",
    "vision": "#1d5fa8",
    "value": "#2e6b30",
    "goal": "#7a3b00",
    "action": "#5a2d82",
    "factor": "#6b2737",
}


def _box(x, y, w, element, label) -> str:
    chars = max(8, int(w / 8.5))
    lines = textwrap.wrap(element.title, chars)[:2] or [""]
    text = "".join(
        f'<tspan x="{x + w / 2:.0f}" dy="{0 if i == 0 else 17}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    ty = y + BOX_H / 2 + (5 if len(lines) == 1 else -3)
    return (
        f"<g><title>{escape(label)}: {escape(element.title)}</title>"
        f'<rect x="{x:.0f}" y="{y}" width="{w:.0f}" height="{BOX_H}" rx="6" fill="{COLOURS[element.kind]}"/>'
        f'<text x="{x + w / 2:.0f}" y="{ty:.0f}" text-anchor="middle" fill="#fff" font-size="14">{text}</text>'
        "</g>"
    )


def render(grouped: dict[str, list], labels: dict[str, str], *, title: str) -> str:
    parts = []
    y = 8
    for kind, elements in grouped.items():
        if not elements:
            continue
        parts.append(
            f'<text x="8" y="{y + 14}" font-size="14" font-weight="bold" fill="#222">{escape(labels[kind])}</text>'
        )
        y += 22
        per_row = 1 if kind in ("mission", "vision") else 3
        for start in range(0, len(elements), per_row):
            row = elements[start : start + per_row]
            w = (WIDTH - 16 - GAP * (len(row) - 1)) / len(row)
            for i, element in enumerate(row):
                parts.append(_box(8 + i * (w + GAP), y, w, element, labels[kind]))
            y += BOX_H + GAP
        y += LEVEL_GAP - GAP
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {y}" width="100%" '
        f'role="img" aria-labelledby="strategy-map-title" class="strategy-map" focusable="false">'
        f'<title id="strategy-map-title">{escape(title)}</title>{"".join(parts)}</svg>'
    )
