"""A test that hangs with the GIL held (C code that never returns) still ends, with every stack.

pytest-timeout's own timer is a Python thread and cannot run then; tests/watchdog.py keeps the
limit with faulthandler's C watchdog, which prints every thread's stack and ends the process.
"""

import subprocess
import sys

import pytest
from django.conf import settings

HANGS = """
import re

import pytest


@pytest.mark.timeout(1)
def test_holds_the_gil_forever():
    re.match(r"(a+)+$", "a" * 64 + "b")  # the regex engine never lets go of the GIL
"""


@pytest.mark.timeout(150)  # a second pytest starts (seconds on a busy machine), its test hangs 1 s
def test_a_hang_holding_the_gil_ends_with_every_stack(tmp_path):
    (tmp_path / "test_hangs.py").write_text(HANGS)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.watchdog",
            "-p",
            "no:django",
            "-p",
            "no:cacheprovider",
            "-c",
            str(settings.BASE_DIR / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            "-q",
            str(tmp_path / "test_hangs.py"),
        ],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=140,
    )
    assert run.returncode != 0
    assert "most recent call first" in run.stderr
    assert "test_holds_the_gil_forever" in run.stderr  # the hung test's own line
    assert "Timeout (0:00:01)!" in run.stderr
