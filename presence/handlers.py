"""The presence frames and topic rules (registered in realtime.dispatch; docs/realtime.md)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from presence import publisher, services, state
from presence.store import get_store
from realtime import dispatch
from realtime.protocol import FrameError, field_str

MAX_QUERY_USERS = 200


@dispatch.profile_loader(batch=True)
def load_presence(users, people) -> dict[int, dict]:
    """At connect (inside the connect burst's database hop): settings and today's work location of
    every connecting user, three queries whatever their number."""
    from presence.models import PresenceSetting
    from presence.worklocation import today, where_today

    ids = [user.pk for user in users]
    settings = {s.user_id: s.store_fields() for s in PresenceSetting.objects.filter(user_id__in=ids)}
    default = PresenceSetting().store_fields()
    where = where_today(person_ids=[person.pk for person in people.values()])
    date = today().isoformat()
    out = {}
    for uid in ids:
        person = people.get(uid)
        place = where.get(person.pk) if person is not None else None
        out[uid] = {
            "presence": settings.get(uid, default),
            "loc": place.location.pk if place is not None and place.location else "",
            "locdate": date,
        }
    return out


@dispatch.on_connect
async def went_online(conn):
    publisher.PUBLISHER.bind()
    profile = conn.profile
    settings = profile.extra.get("presence", {})
    # This tab is online, so whatever the person's other tabs are, the most
    # available wins: their own state follows from the settings alone, without
    # reading the store back. The tab learns it from "hello"; the publisher
    # resends it ("presence.self") only when it changes.
    full = state.effective([state.ONLINE], settings)
    fields = {
        **settings,
        "teams": list(profile.team_ids),
        "loc": profile.extra.get("loc", ""),
        "locdate": profile.extra.get("locdate", ""),
        "self": publisher._key(full),
    }
    await get_store().aconnect(conn.conn_id, conn.user_id, state.ONLINE, fields)
    publisher.PUBLISHER.conns[conn.conn_id] = (conn.user_id, state.ONLINE)
    publisher.PUBLISHER.fields[conn.user_id] = {key: fields[key] for key in ("teams", "loc", "locdate")}
    conn.state["presence"] = state.ONLINE
    team_topics = tuple(f"presence.team.{team_id}" for team_id in profile.team_ids)
    conn.state["auto_topics"] += team_topics  # team-mates see each other's changes wherever they are
    for topic in team_topics:
        conn.subscribe(topic)
    publisher.changed(conn.user_id)
    return {"presence": full}


@dispatch.on_disconnect
async def went_offline(conn):
    if conn.state.get("presence") is None:
        return
    publisher.PUBLISHER.conns.pop(conn.conn_id, None)
    await get_store().adisconnect(conn.conn_id, conn.user_id)
    publisher.changed(conn.user_id)


@dispatch.handler("presence.activity")
async def activity(conn, frame):
    """The tab went idle or hidden ("away") or is in use again ("online")."""
    value = field_str(frame, "state", max_length=10, required=True, choices={state.ONLINE, state.AWAY})
    if conn.state.get("presence") != value:
        conn.state["presence"] = value
        publisher.PUBLISHER.conns[conn.conn_id] = (conn.user_id, value)
        await get_store().aset_conn_state(conn.conn_id, conn.user_id, value)
        publisher.changed(conn.user_id)
    return None


def _until(frame):
    value = frame.data.get("until", services.UNSET)
    if value is services.UNSET or value is None:
        return value
    if not isinstance(value, str) or len(value) > 40:
        raise FrameError("invalid_frame", "'until' must be an ISO 8601 date and time or null.", frame.ref)
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise FrameError(
            "invalid_frame", "'until' must be an ISO 8601 date and time or null.", frame.ref
        ) from None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


@dispatch.handler("presence.set", db=True)
def set_status(conn, frame):
    """Manual status, custom status (text, emoji, until) and hidden; omitted fields stay as they are."""
    changes = {}
    if "status" in frame.data:
        changes["manual"] = field_str(frame, "status", max_length=10, choices=set(state.MANUAL_CHOICES))
    if "text" in frame.data:
        changes["text"] = field_str(frame, "text", max_length=state.CUSTOM_TEXT_MAX)
    if "emoji" in frame.data:
        changes["emoji"] = field_str(frame, "emoji", max_length=state.EMOJI_MAX)
    until = _until(frame)
    if until is not services.UNSET:
        changes["until"] = until
    if "hidden" in frame.data:
        if not isinstance(frame.data["hidden"], bool):
            raise FrameError("invalid_frame", "'hidden' must be true or false.", frame.ref)
        changes["hidden"] = frame.data["hidden"]
    if not changes:
        raise FrameError("invalid_frame", "Nothing to change.", frame.ref)
    try:
        services.set_status(user=conn.user, **changes)
    except ValidationError as error:
        raise FrameError("invalid_value", " ".join(error.messages), frame.ref) from None
    return {"type": "presence.ok"}


@dispatch.handler("presence.query")
async def query(conn, frame):
    """The current public presence of up to 200 people (a page's snapshot after subscribing)."""
    users = frame.data.get("users")
    if (
        not isinstance(users, list)
        or len(users) > MAX_QUERY_USERS
        or not all(isinstance(uid, int) and not isinstance(uid, bool) and 0 < uid < 2**53 for uid in users)
    ):
        raise FrameError(
            "invalid_frame", f"'users' must be a list of at most {MAX_QUERY_USERS} user ids.", frame.ref
        )
    states = await get_store().aread(dict.fromkeys(users))
    return {"type": "presence", "people": {str(uid): state.public(full) for uid, full in states.items()}}


@dispatch.topic_rule("presence.user.")
def may_watch_person(conn, key):
    from django.contrib.auth import get_user_model

    return key.isdigit() and get_user_model().objects.filter(pk=int(key), is_active=True).exists()


@dispatch.topic_rule("presence.team.")
def may_watch_team(conn, key):
    from teams.models import Team

    return key.isdigit() and Team.objects.filter(pk=int(key)).exists()


@dispatch.topic_rule("presence.location.")
def may_watch_location(conn, key):
    from teams.models import Location

    return key.isdigit() and Location.objects.filter(pk=int(key)).exists()


@dispatch.handler("worklocation.set", db=True)
def set_work_location(conn, frame):
    """Today's work location: {"kind": "office"|"remote"|"travelling"|"absent", "location": id, "note"}."""
    from presence import worklocation
    from presence.models import WorkPlace
    from teams.models import Location, Person

    kind = field_str(frame, "kind", max_length=12, required=True, choices=set(WorkPlace.values) | {"clear"})
    note = field_str(frame, "note", max_length=100)
    person = Person.objects.filter(user_id=conn.user_id).first()
    if person is None:
        raise FrameError("no_profile", "Your account has no profile.", frame.ref)
    if kind == "clear":
        worklocation.clear_today(person=person)
        return {"type": "worklocation.ok"}
    location = None
    if kind == WorkPlace.OFFICE:
        location_id = frame.data.get("location")
        if not isinstance(location_id, int) or isinstance(location_id, bool):
            raise FrameError("invalid_frame", "'location' must be a location id.", frame.ref)
        location = Location.objects.filter(pk=location_id).first()
        if location is None:
            raise FrameError("invalid_value", "No such location.", frame.ref)
    try:
        worklocation.set_today(person=person, kind=kind, location=location, note=note)
    except ValidationError as error:
        raise FrameError("invalid_value", " ".join(error.messages), frame.ref) from None
    return {"type": "worklocation.ok"}
