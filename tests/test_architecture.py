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


FIRST_PARTY = {
    "intranet",
    "sso",
    "news",
    "instructions",
    "chat",
    "presence",
    "teams",
    "search",
    "realtime",
    "core",
    "demo",
    "bench",
    "tests",
}


def _exists(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, AttributeError, ValueError):  # a parent that is a module, not a package
        return False


def test_every_first_party_import_names_a_module_that_exists():
    """An import of ours, also one inside a function (which runs only when called, and which lint-imports
    skips when its module is gone), names a module that exists: a package move cannot leave a stale path."""
    import ast

    missing = []
    for path in sorted(ROOT.glob("**/*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] not in FIRST_PARTY or "migrations" in relative.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                # "from x import y": x must exist (y may be a module or a name in x).
                modules = [node.module]
            else:
                continue
            for name in modules:
                if name.split(".")[0] in FIRST_PARTY and not _exists(name):
                    missing.append(f"{relative}:{node.lineno}: {name}")
    assert not missing, "\n".join(missing)


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
