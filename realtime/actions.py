"""The transport's one way out: :func:`notify` writes notification rows and
:func:`publish` / :func:`publish_text` send frames (the only callers of
realtime.hub.publish). It knows no domain: each app builds its own frames in
``<app>/actions.py`` and calls these (docs/architecture.md).

Apps write what must survive (notification rows) and then publish
one pre-serialised frame per audience topic (``everyone``, ``agency.<id>``,
``user.<id>``, …; realtime/groups.py): serialised once, delivered by the hub to
every local socket and, with Redis, once to each other process.
A frame is a hint to update the page now; the database is the truth, so a
frame lost while a browser was offline costs nothing (the bell count and the
feed are read from the database on the next page or reconnect).
"""

import json
import logging

from django.db import transaction

from realtime import frames, hub
from realtime.models import Notification

logger = logging.getLogger(__name__)

# Notifications are inserted in batches of this size: one INSERT for a whole
# agency, a few for everyone (550 people), without one huge statement.
NOTIFICATION_BATCH = 500


def layer_is_shared() -> bool:
    """True when a publish reaches every process (Redis); false for the single-process default."""
    return hub.is_shared()


def publish(topics: list[str], frame: dict) -> None:
    """Serialise once, publish once per topic. A failure is logged, never raised:
    the notification rows are already committed and are what the reader sees."""
    text = json.dumps(frame, ensure_ascii=False)
    for topic in topics:
        try:
            hub.publish(topic, text)
        except Exception:  # noqa: BLE001 - a broken Redis must not undo the published work
            logger.exception("Could not publish %s to %s", frame.get("type"), topic)


def publish_text(topic: str, text: str) -> None:
    """Publish an already serialised frame (chat serialises once for HTTP and live); logged, never raised."""
    try:
        hub.publish(topic, text)
    except Exception:  # noqa: BLE001 - stored already; clients resync on reconnect
        logger.exception("Could not publish to %s", topic)


def notify(*, user_ids, key: str, kind: str, title: str, title_sv: str = "", url: str = "") -> int:
    """Write one notification per user for an event (idempotent by ``key``); returns how many are new."""
    user_ids = list(user_ids)
    already = set(
        Notification.objects.filter(key=key, recipient_id__in=user_ids).values_list("recipient_id", flat=True)
    )
    rows = [
        Notification(
            recipient_id=user_id, key=key, kind=kind, title=title[:300], title_sv=title_sv[:300], url=url
        )
        for user_id in user_ids
        if user_id not in already
    ]
    Notification.objects.bulk_create(rows, batch_size=NOTIFICATION_BATCH, ignore_conflicts=True)
    return len(rows)


# --- Socket lifetime (realtime/session_guard.py) ---------------------------------------------------------
# The transport's own frames on the sessions topic (read by session_guard in every process, never by a browser).
FRAMES = {
    "sessions.end": frames.schema("sessions"),
    "sessions.check": frames.schema("users"),
    "sessions.reset": frames.schema("users"),
}
frames.register(FRAMES)


def _sessions_event(frame: dict) -> None:
    """Publish a session event to every process once the transaction that caused it has committed (a check
    run before the commit would still find the old password, active flag or session). A failure is logged:
    the periodic session check is the fallback."""
    from realtime.session_guard import TOPIC

    text = json.dumps(frame)
    transaction.on_commit(lambda: publish_text(TOPIC, text))


def sessions_ended(*, session_keys) -> None:
    """These sessions were signed out: their sockets close at once."""
    from realtime.session_guard import digest

    keys = [digest(key) for key in session_keys if key]
    if keys:
        _sessions_event({"type": "sessions.end", "sessions": keys})


def users_changed(*, user_ids) -> None:
    """Password, active flag or account changed: these users' sockets validate their sessions again."""
    ids = sorted({int(pk) for pk in user_ids})
    if ids:
        _sessions_event({"type": "sessions.check", "users": ids})


def users_roles_removed(*, user_ids) -> None:
    """A role (group) was taken from these users: their sockets close and reconnect with what is left."""
    ids = sorted({int(pk) for pk in user_ids})
    if ids:
        _sessions_event({"type": "sessions.reset", "users": ids})
