"""Presence broadcasts: coalesced presence frames, a person's own state, today's work location.

Built here, sent through the transport's realtime.actions.publish, which knows no domain.
"""

from django.db import transaction

from realtime import actions, groups
from realtime.frames import schema

# The frames this app publishes (checked in tests: realtime.frames).
FRAMES = {
    "presence": schema("people"),
    "presence.self": schema(open=True),
    "worklocation": schema("user", "name", "url", "title", "where", "presence"),
}


def self_frame(full: dict) -> dict:
    """``presence.self``: a person's own full state (with ``hidden``), for all their tabs."""
    return {"type": "presence.self", **full}


def presence_batches(*, batches: dict[str, dict], selves: dict[int, dict]) -> None:
    """Publish coalesced presence: one ``presence`` frame per topic (many people in one frame),
    and each changed person's own state to their ``user.<id>`` topic. Called by the publisher."""
    for topic, people in batches.items():
        actions.publish([topic], {"type": "presence", "people": people})
    for user_id, frame in selves.items():
        actions.publish([groups.user_group(user_id)], frame)


def presence_setting_changed(*, user_id: int) -> None:
    """A person changed their manual or custom status or hid their presence: tell watchers (coalesced)."""
    from presence import publisher

    transaction.on_commit(lambda: publisher.changed(user_id))


def work_location_changed(*, person, before, after) -> None:
    """Someone's work location for today changed: tell their watchers, their teams, both offices.

    ``before`` and ``after`` are presence.worklocation.Where values (or None). One
    ``worklocation`` frame, serialised once, published to ``presence.user.<id>``,
    each ``presence.team.<id>``, ``presence.location.<id>`` of the office they
    left and the one they arrive at, and ``user.<id>`` (their own tabs).
    """
    from presence import state
    from presence.store import get_store
    from presence.worklocation import today

    user_id = person.user_id
    team_ids = list(person.memberships.values_list("team_id", flat=True))
    location_ids = {where.location.pk for where in (before, after) if where is not None and where.location}
    topics = [f"presence.user.{user_id}", groups.user_group(user_id)]
    topics += [f"presence.team.{team_id}" for team_id in team_ids]
    topics += [f"presence.location.{location_id}" for location_id in sorted(location_ids)]
    frame = {
        "type": "worklocation",
        "user": user_id,
        "name": person.full_name,
        "url": person.get_absolute_url(),
        "title": person.title,
        "where": after.as_frame() if after is not None else None,
    }
    new_location = after.location.pk if after is not None and after.location else ""

    def publish():
        store = get_store()
        store.set_fields(user_id, {"loc": new_location, "locdate": today().isoformat(), "teams": team_ids})
        full = store.read([user_id])[user_id]
        full.pop("fields"), full.pop("conns")
        frame["presence"] = state.public(full)
        actions.publish(topics, frame)

    transaction.on_commit(publish)
