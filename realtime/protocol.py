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

# Frame types the server understands. Later issues add their own (presence, chat).
KNOWN_TYPES = {"ping"}


class FrameError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def as_frame(self) -> dict:
        return {"type": "error", "code": self.code, "message": self.message}


@dataclass(frozen=True)
class Frame:
    type: str
    ref: str | None
    data: dict


def parse_frame(text: str | None) -> Frame:
    if text is None:
        raise FrameError("binary_not_supported", "Send JSON text frames.")
    if len(text.encode("utf-8")) > MAX_FRAME_BYTES:
        raise FrameError("frame_too_large", f"Frames are limited to {MAX_FRAME_BYTES} bytes.")
    try:
        payload = json.loads(text)
    except json.JSONDecodeError:
        raise FrameError("invalid_json", "The frame is not valid JSON.") from None
    if not isinstance(payload, dict):
        raise FrameError("invalid_frame", "A frame must be a JSON object.")
    frame_type = payload.get("type")
    if not isinstance(frame_type, str):
        raise FrameError("invalid_frame", "A frame needs a string 'type'.")
    if frame_type not in KNOWN_TYPES:
        raise FrameError("unknown_type", f"Unknown frame type: {frame_type[:40]}")
    ref = payload.get("ref")
    if ref is not None and not isinstance(ref, str | int):
        raise FrameError("invalid_frame", "'ref' must be a string or a number.")
    return Frame(type=frame_type, ref=None if ref is None else str(ref), data=payload)
