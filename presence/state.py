"""The presence rules as pure functions (no I/O): what a person looks like to others and to themselves."""

import os
import time

ONLINE, AWAY, BUSY, DND, OFFLINE = "online", "away", "busy", "dnd", "offline"
STATUSES = (ONLINE, AWAY, BUSY, DND, OFFLINE)
# What a person may choose by hand; "" (automatic) follows their tabs.
MANUAL_CHOICES = ("", BUSY, DND, AWAY)


def _seconds(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


# A connection's entry lives this long without a refresh. A killed Daphne
# process stops refreshing, so its users go offline within EXPIRY + AUDIT;
# shorter means more refresh writes (one pipelined ZADD per connection per
# REFRESH). 150 s + 30 s keeps the "about 3 minutes".
EXPIRY = _seconds("PRESENCE_EXPIRY", 150)
# Each process re-stamps all its open connections this often (one pipeline).
REFRESH = _seconds("PRESENCE_REFRESH", 60)
# How often each process looks for users whose every connection expired
# (exactly one process claims each with ZREM and announces "offline").
AUDIT = _seconds("PRESENCE_AUDIT", 30)
# Changes are flushed this often: the worst added latency for a change.
FLUSH = _seconds("PRESENCE_FLUSH", 0.25)
# At most one update per person per this many seconds reaches watchers (the
# latest state wins), so a flapping tab or a reconnect storm stays linear.
MIN_GAP = _seconds("PRESENCE_MIN_GAP", 3)

CUSTOM_TEXT_MAX = 100
EMOJI_MAX = 8


def effective(conn_states, status: dict, now: float | None = None) -> dict:
    """The full state of one person, as they see it themselves.

    ``conn_states``: the states ("online"/"away") of their live connections;
    ``status``: their settings (manual, text, emoji, until, hidden).
    """
    now = time.time() if now is None else now
    if not conn_states:
        value = OFFLINE
    else:
        automatic = ONLINE if ONLINE in conn_states else AWAY  # the most available tab wins
        manual = status.get("manual") or ""
        value = manual if manual in (BUSY, DND, AWAY) else automatic
    until = float(status.get("until") or 0)
    text, emoji = status.get("text") or "", status.get("emoji") or ""
    if until and until <= now:
        text, emoji, until = "", "", 0
    return {
        "status": value,
        "text": text,
        "emoji": emoji,
        "until": int(until) or None,
        "hidden": bool(status.get("hidden")),
    }


def public(full: dict) -> dict:
    """What others see: a hidden person is offline, with no custom status."""
    if full.get("hidden"):
        return {"status": OFFLINE, "text": "", "emoji": "", "until": None}
    return {key: full[key] for key in ("status", "text", "emoji", "until")}
