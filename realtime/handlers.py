"""The core frames every connection understands: ping, subscribe and unsubscribe.

``subscribe`` asks for topics by name (``{"type": "subscribe", "topics":
["presence.team.4"]}``); each topic needs a rule registered with
:func:`realtime.dispatch.topic_rule` that allows this user, or it is refused
(``forbidden_topics`` in the answer). The answer comes after Redis has
acknowledged the subscriptions (``hub.synced()``), so a snapshot a page asks
for afterwards cannot miss a change.
"""

from realtime import dispatch, hub
from realtime.protocol import FrameError, field_list

# Topics one socket may hold beyond its own automatic ones: a directory page
# watches 48 people; 200 leaves room for a team page, a location page and chat
# rooms while bounding what one client can make the server track.
MAX_TOPICS_PER_SOCKET = 200
MAX_TOPICS_PER_FRAME = 100
MAX_TOPIC_LENGTH = 100


@dispatch.handler("ping")
async def ping(conn, frame):
    return {"type": "pong"}


@dispatch.handler("subscribe")
async def subscribe(conn, frame):
    topics = field_list(frame, "topics", max_items=MAX_TOPICS_PER_FRAME, item_max_length=MAX_TOPIC_LENGTH)
    held = hub.topics_of(conn)
    if len(held | set(topics)) > MAX_TOPICS_PER_SOCKET + len(conn.state.get("auto_topics", ())):
        raise FrameError(
            "too_many_topics", f"A connection may follow at most {MAX_TOPICS_PER_SOCKET} topics.", frame.ref
        )
    allowed, forbidden = [], []
    for topic in dict.fromkeys(topics):
        rule, key = dispatch.rule_for(topic)
        ok = False
        if rule is not None and key:
            ok = bool(await rule(conn, key))
        (allowed if ok else forbidden).append(topic)
    for topic in allowed:
        conn.subscribe(topic)
    await hub.synced()
    return {"type": "subscribed", "topics": allowed, "forbidden_topics": forbidden}


@dispatch.handler("unsubscribe")
async def unsubscribe(conn, frame):
    topics = field_list(frame, "topics", max_items=MAX_TOPICS_PER_FRAME, item_max_length=MAX_TOPIC_LENGTH)
    automatic = conn.state.get("auto_topics", set())
    for topic in topics:
        if topic not in automatic:  # a page cannot leave its own user.<id> or team topics
            conn.unsubscribe(topic)
    return {"type": "unsubscribed", "topics": topics}
