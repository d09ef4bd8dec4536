"""Readiness checks: a small registry that every app fills from its ``AppConfig.ready()``.

``register_check(name, func)``: ``func()`` returns ``None`` (healthy), a short word for a healthy state
worth showing (``"not configured"``, ``"12 waiting"``), or raises :class:`Unhealthy` with a short reason
written by the check itself. Any other exception counts as ``"unavailable"``: its text is never shown,
since driver errors can carry host names, user names or parts of a URL.

``critical=True`` checks decide the HTTP status of ``/readyz`` (503 when one fails): a process without its
database cannot serve a page, so the load balancer should stop sending it requests. The others (Redis,
the search engine, the channel layer, the worker, the outbox) are reported as ``"degraded"`` with 200:
pages still answer without them, and taking every web process out of the load balancer because Redis is
down would turn a degraded service into an outage. Monitoring alerts on ``"degraded"``.

Every check has its own short timeout (the driver's); ``/readyz`` runs them one after another.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


class Unhealthy(Exception):
    """Raised by a check with a short reason that is safe to show (no host names, no secrets)."""


@dataclass(frozen=True)
class Check:
    name: str
    func: Callable[[], str | None]
    critical: bool


_CHECKS: dict[str, Check] = {}


def register_check(name: str, func: Callable[[], str | None], *, critical: bool = False) -> None:
    """Add (or replace, by name) a readiness check."""
    _CHECKS[name] = Check(name=name, func=func, critical=critical)


def registered() -> list[str]:
    return list(_CHECKS)


def run_checks() -> tuple[str, dict[str, dict]]:
    """(overall status: "ok" | "degraded" | "error", {name: {"status", "detail"?, "ms"}})."""
    results: dict[str, dict] = {}
    overall = "ok"
    for check in _CHECKS.values():
        started = time.perf_counter()
        entry: dict = {}
        try:
            detail = check.func()
            entry["status"] = "ok"
            if detail:
                entry["detail"] = str(detail)
        except Unhealthy as error:
            entry["status"] = "error"
            entry["detail"] = str(error)
        except Exception:  # noqa: BLE001 - any failure means "not ready"; the reason goes to the log only
            logger.warning("Readiness check %s failed", check.name, exc_info=True)
            entry["status"] = "error"
            entry["detail"] = "unavailable"
        entry["ms"] = round((time.perf_counter() - started) * 1000, 1)
        results[check.name] = entry
        if entry["status"] == "error":
            overall = "error" if check.critical else ("degraded" if overall == "ok" else overall)
    return overall, results
