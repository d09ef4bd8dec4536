"""Every hang ends, with every thread's stack: faulthandler's C-level watchdog keeps the time limits.

pytest-timeout (pyproject.toml) works out each test's limit (45 s, a marker, SLOW_BY_DESIGN in
tests/conftest.py) and calls this plugin to keep it. Its own timer is a Python thread, which cannot
run while another thread blocked inside C code holds the GIL (two threads deadlocked inside
SQLite), and in a pytest-xdist process its stack dump is lost with the process. faulthandler's
watchdog is a C thread: when the limit passes it writes every thread's stack to the terminal's
stderr and ends the process (pytest-xdist then reports the test as crashed). Setup and teardown
(servers, the session's demo load) get SETUP_LIMIT seconds each.
"""

import faulthandler
import os

import pytest

SETUP_LIMIT = 900

_stderr = None


def pytest_configure(config):
    """Keep the terminal's stderr: while a test runs, pytest's capture has file descriptor 2."""
    global _stderr
    capturing = getattr(config.pluginmanager.getplugin("capturemanager"), "_global_capturing", None)
    saved = getattr(getattr(capturing, "err", None), "targetfd_save", None)
    _stderr = os.fdopen(os.dup(saved if saved is not None else 2), "w")


def pytest_unconfigure(config):
    if _stderr is not None:
        _stderr.close()


def _arm(seconds: float) -> None:
    faulthandler.dump_traceback_later(seconds, exit=True, file=_stderr)


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item, settings):
    _arm(settings.timeout)
    return True


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_cancel_timer(item):
    faulthandler.cancel_dump_traceback_later()
    return True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    _arm(SETUP_LIMIT)
    try:
        return (yield)
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item):
    _arm(SETUP_LIMIT)
    try:
        return (yield)
    finally:
        faulthandler.cancel_dump_traceback_later()
