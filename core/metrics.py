"""Prometheus metrics, safe across processes (docs/deployment.md, "Metrics").

With ``PROMETHEUS_MULTIPROC_DIR`` set in the environment (deploy/run.sh and the systemd units set it to a
directory emptied at start), every gunicorn, Daphne and worker process writes its samples to its own files
there, and a scrape of any process sums them (prometheus_client's multiprocess mode). Without it (tests,
``runserver``) the metrics are the one process's own.

The queue depth and outbox backlog are not counted by any process: they are read from the database at
scrape time (:class:`BacklogCollector`), so they are right whichever process answers the scrape.
"""

from __future__ import annotations

import ipaddress
import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily

# Seconds; the reader pages take tens of milliseconds, a slow page seconds.
_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUEST_LATENCY = Histogram(
    "taimi_http_request_duration_seconds",
    "Time from the request reaching Django to the response, by URL name and status class.",
    ["view", "method", "status"],
    buckets=_LATENCY_BUCKETS,
)
WEBSOCKETS_OPEN = Gauge(
    "taimi_websockets_open",
    "Websockets accepted and not yet closed (summed over the live processes).",
    multiprocess_mode="livesum",
)
CHAT_DELIVERIES = Counter(
    "taimi_chat_deliveries_total",
    "Chat messages handed to subscribed sockets (one per message and socket).",
)
SEARCH_LATENCY = Histogram(
    "taimi_search_duration_seconds",
    "Time a site search spent in the search engine, by outcome (ok, unavailable, fallback).",
    ["outcome"],
    buckets=_LATENCY_BUCKETS,
)


class BacklogCollector:
    """Job queue depth and search outbox backlog, read from the database when scraped."""

    def collect(self):
        from core.readiness import job_queue_depth

        depth = GaugeMetricFamily("taimi_job_queue_depth", "Background jobs due and not yet started.")
        depth.add_metric([], job_queue_depth())
        yield depth
        # The outbox belongs to the search platform; asked through the registry of backlog readers so the
        # base imports nothing above it.
        for name, documentation, reader in _BACKLOG_READERS:
            family = GaugeMetricFamily(name, documentation)
            family.add_metric([], reader())
            yield family


_BACKLOG_READERS: list[tuple[str, str, object]] = []


def register_backlog(name: str, documentation: str, reader) -> None:
    """Report ``reader()`` (a number read from the database) as the gauge ``name`` at every scrape."""
    if all(existing[0] != name for existing in _BACKLOG_READERS):
        _BACKLOG_READERS.append((name, documentation, reader))


def render() -> tuple[bytes, str]:
    """The exposition text of every process (multiprocess mode) or of this one, plus the backlogs."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(registry)
    else:
        from prometheus_client import REGISTRY

        for collector in list(REGISTRY._collector_to_names):
            registry.register(collector)
    registry.register(BacklogCollector())
    return generate_latest(registry), CONTENT_TYPE_LATEST


def mark_process_dead(pid: int) -> None:
    """Drop a finished process's live gauges (gunicorn's child_exit hook calls this)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)


def forget_dead_processes() -> None:
    """At a process's start: drop the live gauges of processes that ended without saying so (kill -9),
    which would otherwise be summed for ever (the open-sockets count of a killed Daphne)."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory or not os.path.isdir(directory):
        return
    for name in os.listdir(directory):
        if not name.startswith("gauge_live") or not name.endswith(".db"):
            continue
        try:
            pid = int(name.rsplit("_", 1)[1][:-3])
            os.kill(pid, 0)
        except ProcessLookupError:
            mark_process_dead(pid)
        except (ValueError, PermissionError):
            continue


def address_allowed(address: str, networks: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(network, strict=False) for network in networks)
