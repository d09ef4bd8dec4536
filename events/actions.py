"""Events broadcasts: "live now" and changes pushed to open pages, and the compulsory recording's notice.

Built here, sent through the transport's realtime.actions (publish, notify), which knows no domain.
Every member of staff may open any event (the audience decides the home block
and the feed, it is not access control), and the lists and the month show every
event, so the frames go to the ``everyone`` topic: an audience topic would miss
the open pages of people outside the audience. The frames carry no link: each
page already holds the join button for those allowed to see it (hidden until
live), so one frame serves everyone. ``events.live`` says an occurrence became
joinable ("live", 10 minutes before) or ended; ``events.changed`` says a
published change moved the event, changed its place or link ("changed") or
cancelled it ("cancelled"), with the next occurrence's times.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from events import mustwatch, recurrence
from events.models import EventPage
from realtime import actions, groups
from realtime.frames import schema
from realtime.models import Notification

FRAMES = {
    "events.live": schema("event", event=("id", "state", "start", "end")),
    "events.changed": schema("event", event=("id", "state", "start", "end")),
}
# The periodic job runs every minute; a transition is published when it falls in the last run's window.
WINDOW = datetime.timedelta(minutes=1)


def topics_for(*, event: EventPage) -> list[str]:
    """Where an event's frames go: everyone may open its page and see it in the lists."""
    return [groups.EVERYONE]


def live_frame(*, event: EventPage, occurrence, state: str) -> dict:
    return {
        "type": "events.live",
        "event": {
            "id": event.pk,
            "state": state,
            "start": occurrence.start.isoformat(),
            "end": occurrence.end.isoformat(),
        },
    }


def publish_live_states(*, now=None) -> int:
    """Publish "live" for occurrences whose join time (10 minutes before) passed in the last minute and
    "ended" for those that ended in it. Returns the number of frames."""
    from events.services import LIVE_LEAD

    now = now or timezone.now()
    since = now - WINDOW
    events = (
        EventPage.objects.live()
        .filter(cancelled=False, start__lt=now + LIVE_LEAD, series_end__gte=since)
        .prefetch_related("occurrence_changes")
    )
    published = 0
    for event in events:
        for occurrence in recurrence.occurrences(
            event,
            changes=list(event.occurrence_changes.all()),
            start=since,
            end=now + LIVE_LEAD,
            include_cancelled=False,
        ):
            state = None
            if since <= occurrence.start - LIVE_LEAD < now:
                state = "live"
            elif since <= occurrence.end < now:
                state = "ended"
            if state:
                frame = live_frame(event=event, occurrence=occurrence, state=state)
                topics = topics_for(event=event)
                transaction.on_commit(lambda topics=topics, frame=frame: actions.publish(topics, frame))
                published += 1
    return published


def publish_change(*, event_id: int, now=None) -> bool:
    """A published change to time, place, link or cancellation: open pages show it (after the commit)."""
    now = now or timezone.now()
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return False
    occurrence = recurrence.next_occurrence(event, now=now)
    frame = {
        "type": "events.changed",
        "event": {
            "id": event.pk,
            "state": "cancelled" if event.cancelled or occurrence is None else "changed",
            "start": occurrence.start.isoformat() if occurrence else "",
            "end": occurrence.end.isoformat() if occurrence else "",
        },
    }
    topics = topics_for(event=event)
    transaction.on_commit(lambda: actions.publish(topics, frame))
    return True


def recording_published(*, event_id: int) -> int:
    """A compulsory event's recording is on the page: ask everyone who has to watch it (once each)."""
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    return actions.notify(
        user_ids=mustwatch.pending_user_ids(event=event),
        key=f"events:recording:{event.translation_key}",
        kind=Notification.Kind.REMINDER,
        title=event.title,
        url=event.url or "",
    )
