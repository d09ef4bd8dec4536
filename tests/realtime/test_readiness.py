"""The readiness check's round trip through the channel layer (realtime.readiness)."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from realtime import readiness


@pytest.mark.redis
def test_checks_from_several_http_threads_at_once_all_pass():
    """Before, every check used the process's shared layer, which receives in one event loop at a time:
    two gunicorn threads asking at once made one fail ("Two event loops are trying to receive()")."""

    def check(_):
        readiness.channel_layer()
        return True

    for _round in range(3):
        with ThreadPoolExecutor(max_workers=4) as pool:
            assert all(pool.map(check, range(8)))


def test_a_check_passes_on_the_configured_layer():
    readiness.channel_layer()
