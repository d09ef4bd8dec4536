"""Plain text out of StreamFields and rich text, for indexing (never shown as HTML)."""

from __future__ import annotations

from django.utils.html import strip_tags

# Block types whose text is a heading (boosted above body text).
HEADING_BLOCKS = {"heading", "subheading"}
# Raw-data keys that are never text a reader searches for.
SKIP_KEYS = {"id", "type", "image", "document", "page", "alt_text", "style", "level", "anchor"}


def _walk(value, headings: list[str], body: list[str], as_heading: bool = False):
    if isinstance(value, str):
        text = " ".join(strip_tags(value).split())
        if text:
            (headings if as_heading else body).append(text)
    elif isinstance(value, dict):
        block_type = value.get("type")
        if block_type is not None and "value" in value:
            _walk(value["value"], headings, body, as_heading or block_type in HEADING_BLOCKS)
            return
        for key, item in value.items():
            if key not in SKIP_KEYS:
                _walk(item, headings, body, as_heading or key in HEADING_BLOCKS)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _walk(item, headings, body, as_heading)


def stream_text(stream) -> tuple[str, str]:
    """(headings, body) of a StreamField value, from its raw data (no template rendering)."""
    headings: list[str] = []
    body: list[str] = []
    raw = getattr(stream, "raw_data", stream) or []
    _walk(list(raw), headings, body)
    return " · ".join(headings), "\n".join(body)
