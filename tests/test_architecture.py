"""The import layers and contracts (pyproject.toml [tool.importlinter], docs/architecture.md) and the frame
schemas (realtime.frames)."""

import pathlib
import subprocess
import sys

import pytest

from realtime import frames

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    """`lint-imports` passes: demo, shell, domains, organisation, platform and base import only downwards."""
    lint_imports = pathlib.Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_every_app_declares_the_frames_it_publishes():
    for kind in [
        "news.published",
        "mention",
        "presence",
        "presence.self",
        "worklocation",
        "chat.message",
        "chat.update",
        "chat.read",
        "chat.typing",
        "chat.mention",
        "chat.membership",
        "chat.room",
    ]:
        assert kind in frames.SCHEMAS


def test_a_frame_that_drifts_from_its_schema_is_refused():
    frames.check({"type": "chat.read", "room": 1, "user": 2, "seq": 3})
    with pytest.raises(ValueError, match="keys"):
        frames.check({"type": "chat.read", "room": 1, "user": 2})
    with pytest.raises(ValueError, match="not declared"):
        frames.check({"type": "chat.unknown"})
    with pytest.raises(ValueError, match="mention has keys"):
        frames.check({"type": "mention", "mention": {"comment": 1}})
