"""Parsing and validation of websocket frames (the protocol is in docs/realtime.md).

Consumers stay thin: they hand raw text to :func:`parse_frame` and get either a
validated frame or a :class:`FrameError` whose code and message go back to the
client. Nothing a client sends can crash a consumer or drop its connection.
"""

import json
from dataclasses import dataclass

# A chat message plus envelope fits easily; anything larger is a bug or abuse.
# 64 KiB keeps a misbehaving client from making the server parse megabytes.
MAX_FRAME_BYTES = 64 * 1024

# Echoed back: a client's correlation id, never a place to smuggle data.
MAX_REF = 64

# The protocol version a client may state as "v"; frames without "v" are read as this.
# A client speaking a newer version gets "unsupported_version" and can reload the page.
PROTOCOL_VERSION = 1

# Frame types the server understands: filled by realtime.dispatch.handler() as
# features register their handlers (ping, subscribe, presence.*, chat.*).
KNOWN_TYPES: set[str] = set()


class FrameError(Exception):
    """Bad input in a frame: answered with an error frame, the connection stays open."""

    def __init__(self, code: str, message: str, ref: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.ref = ref

    def as_frame(self) -> dict:
        frame = {"type": "error", "code": self.code, "message": self.message}
        if self.ref is not None:
            frame["ref"] = self.ref
        return frame


@dataclass(frozen=True)
class Frame:
    type: str
    ref: str | None
    data: dict


def parse_frame(text: str | None) -> Frame:
    if text is None:
        raise FrameError("binary_not_supported", "Send JSON text frames.")
    if len(text) > MAX_FRAME_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_FRAME_BYTES:
        raise FrameError("frame_too_large", f"Frames are limited to {MAX_FRAME_BYTES} bytes.")
    try:
        payload = json.loads(text)
    except (ValueError, RecursionError):  # JSONDecodeError, or nesting deeper than the parser allows
        raise FrameError("invalid_json", "The frame is not valid JSON.") from None
    if not isinstance(payload, dict):
        raise FrameError("invalid_frame", "A frame must be a JSON object.")
    ref = payload.get("ref")
    if ref is not None and (
        not isinstance(ref, str | int) or isinstance(ref, bool) or len(str(ref)) > MAX_REF
    ):
        raise FrameError(
            "invalid_frame", f"'ref' must be a string or a number of at most {MAX_REF} characters."
        )
    ref = None if ref is None else str(ref)
    frame_type = payload.get("type")
    if not isinstance(frame_type, str):
        raise FrameError("invalid_frame", "A frame needs a string 'type'.", ref)
    version = payload.get("v", PROTOCOL_VERSION)
    if version != PROTOCOL_VERSION or isinstance(version, bool):
        raise FrameError(
            "unsupported_version", f"This server speaks protocol version {PROTOCOL_VERSION}.", ref
        )
    if frame_type not in KNOWN_TYPES:
        raise FrameError("unknown_type", f"Unknown frame type: {frame_type[:40]}", ref)
    return Frame(type=frame_type, ref=ref, data=payload)


def field_str(frame: Frame, name: str, *, max_length: int, required: bool = False, choices=None) -> str:
    """A string field of a frame ("" when absent and optional); FrameError when it is not valid."""
    value = frame.data.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise FrameError("invalid_frame", f"'{name}' must be a non-empty string.", frame.ref)
    if len(value) > max_length:
        raise FrameError("invalid_frame", f"'{name}' is limited to {max_length} characters.", frame.ref)
    if choices is not None and value not in choices:
        raise FrameError(
            "invalid_frame", f"'{name}' must be one of: {', '.join(sorted(choices))}.", frame.ref
        )
    return value


def field_list(frame: Frame, name: str, *, max_items: int, item_max_length: int = 100) -> list[str]:
    """A list of strings (a missing field is an error)."""
    value = frame.data.get(name)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise FrameError("invalid_frame", f"'{name}' must be a list of strings.", frame.ref)
    if len(value) > max_items:
        raise FrameError("invalid_frame", f"'{name}' is limited to {max_items} items.", frame.ref)
    if any(len(item) > item_max_length for item in value):
        raise FrameError(
            "invalid_frame", f"Items of '{name}' are limited to {item_max_length} characters.", frame.ref
        )
    return value
