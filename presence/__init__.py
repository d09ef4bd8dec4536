"""Presence: who is online, away, busy or in do-not-disturb, across tabs, devices and processes.

* :mod:`presence.state` – the rules (most available tab wins, manual status,
  custom status expiry, hidden presence) as pure functions.
* :mod:`presence.store` – where connections and statuses live: in-process
  by default, Redis with TTLs when ``REDIS_URL`` is set (shared by all workers).
* :mod:`presence.publisher` – coalesces changes into one frame per topic.
* :mod:`presence.handlers` – the ``presence.*`` frames and topic rules.
* :mod:`presence.services` – the same writes for views (HTTP forms).

The protocol and the design are in docs/realtime.md.
"""
