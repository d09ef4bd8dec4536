"""Timing helpers shared by the page benchmarks (bench/news.py, bench/instructions.py, bench/directory.py).

Pages are requested through Django's test client in this process, in turn,
round after round, so that a busy machine slows all of them alike. Each
request is timed twice: wall-clock time (what the goals are stated in) and the
CPU time of this thread (``time.thread_time``), which leaves out the time the
process waited for a core. On the shared 2-core development machine the
second figure moves much less with the load average; both are printed, with
the load average, and the ratio to a baseline page measured in the same run.
"""

import math
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` 0.95 for p95): a value that was measured, never interpolated."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def load_average() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def machine_line(note: str = "at the end of the run") -> str:
    return f"{os.cpu_count()} CPUs, load average {load_average():.1f} {note}."


@dataclass
class Timing:
    """One page's requests: wall-clock and CPU milliseconds, and the queries of one more request."""

    wall: list[float]
    cpu: list[float]
    queries: int = 0

    @property
    def p50(self) -> float:
        return statistics.median(self.wall)

    @property
    def p95(self) -> float:
        return percentile(self.wall, 0.95)

    @property
    def cpu_p50(self) -> float:
        return statistics.median(self.cpu)


def timed(call: Callable[[], object]) -> tuple[float, float]:
    """Run ``call`` once; (wall ms, CPU ms of this thread)."""
    wall, cpu = time.perf_counter(), time.thread_time()
    call()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def measure_pages(
    client,
    urls: dict[str, str],
    *,
    rounds: int,
    warm_up: int,
    around: Callable[[str], Callable[[], None] | None] | None = None,
) -> dict[str, Timing]:
    """Time each named URL ``rounds`` times, in turn, after ``warm_up`` rounds; then count one request's queries.

    ``around(name)``, if given, runs before each request of that page (outside
    the timer) and may return a function to run after it (also outside): the
    news benchmark uses it to request a page with nothing cached.
    """
    for _ in range(warm_up):
        for url in urls.values():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
    timings = {name: Timing(wall=[], cpu=[]) for name in urls}

    def one(name: str, url: str, record: bool) -> None:
        after = around(name) if around else None
        if record:
            wall, cpu = timed(lambda: client.get(url))
            timings[name].wall.append(wall)
            timings[name].cpu.append(cpu)
        else:
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            timings[name].queries = len(queries)
        if after:
            after()

    for _ in range(rounds):
        for name, url in urls.items():
            one(name, url, True)
    for name, url in urls.items():
        one(name, url, False)
    return timings
