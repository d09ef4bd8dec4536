"""The shapes of the frames apps publish, declared by each app and checked in tests (Zulip style).

Each app lists its frame types in ``<app>/actions.py`` (``FRAMES``) and registers them in its
AppConfig.ready(); tests/conftest.py checks every frame the apps publish (realtime.actions.publish and
publish_text) against them, so a frame whose shape drifts from what taimi-live.js and chat.js read fails
the test that sent it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Schema:
    keys: frozenset[str]  # the frame's top-level keys, "type" included
    nested: dict[str, frozenset[str]] = field(default_factory=dict)  # key -> the keys of its object
    open: bool = False  # more top-level keys allowed (a person's full presence state)


SCHEMAS: dict[str, Schema] = {}


def schema(*keys: str, open: bool = False, **nested: tuple[str, ...]) -> Schema:
    return Schema(
        keys=frozenset(("type", *keys)),
        open=open,
        nested={key: frozenset(value) for key, value in nested.items()},
    )


def register(schemas: dict[str, Schema]) -> None:
    SCHEMAS.update(schemas)


def check(frame: dict) -> None:
    """Raise ValueError when the frame's type is not registered or its keys are not its schema's."""
    kind = frame.get("type")
    found = SCHEMAS.get(kind)
    if found is None:
        raise ValueError(f"frame type {kind!r} is not declared (realtime.frames.register)")
    keys = set(frame)
    if (keys != found.keys) if not found.open else not found.keys <= keys:
        raise ValueError(f"frame {kind!r} has keys {sorted(keys)}, its schema {sorted(found.keys)}")
    for key, inner in found.nested.items():
        value = frame.get(key)
        if value is not None and set(value) != inner:
            raise ValueError(f"frame {kind!r}: {key} has keys {sorted(value)}, its schema {sorted(inner)}")
