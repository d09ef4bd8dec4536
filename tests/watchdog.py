"""A watchdog for hangs that pytest-timeout cannot see.

pytest-timeout (pyproject.toml) fails a test body that runs too long, with every thread's stack;
its timer is a Python thread, so it cannot act while a thread blocked in C code holds the GIL
(two threads deadlocked inside SQLite). faulthandler's watchdog is a C thread: BACKSTOP seconds
after pytest-timeout's limit it prints every thread's stack and ends the process. Setup and
teardown (servers, the session's demo load) get SETUP_LIMIT seconds each.
"""

import faulthandler
import os

import pytest

BACKSTOP = 15
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


def _test_limit(item) -> float:
    marker = item.get_closest_marker("timeout")
    if marker is not None and (marker.args or "timeout" in marker.kwargs):
        return float(marker.args[0] if marker.args else marker.kwargs["timeout"])
    return float(item.config.getini("timeout") or 0)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    limit = _test_limit(item)
    if limit > 0:
        _arm(limit + BACKSTOP)
    try:
        return (yield)
    finally:
        faulthandler.cancel_dump_traceback_later()


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
