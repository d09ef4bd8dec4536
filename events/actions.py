"""Events broadcasts: the "live now" state pushed to open pages, and the compulsory recording's notice.

Built here, sent through the transport's realtime.actions (publish, notify), which knows no domain.
The frame carries no link: each page already holds the join button for those
allowed to see it (hidden until live), so one frame per audience topic serves everyone.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from events import mustwatch, recurrence
from events.models import EventPage
from realtime import actions, groups
from realtime.frames import schema
from realtime.models import Notification

FRAMES = {"events.live": schema("event", event=("id", "state", "start", "end"))}
# The periodic job runs every minute; a transition is published when it falls in the last run's window.
WINDOW = datetime.timedelta(minutes=1)


def audience_groups(*, event: EventPage) -> list[str]:
    if event.for_everyone:
        return [groups.EVERYONE]
    return (
        [groups.agency_group(pk) for pk in event.audience_agencies.values_list("pk", flat=True)]
        + [groups.location_group(pk) for pk in event.audience_locations.values_list("pk", flat=True)]
        + [groups.unit_group(pk) for pk in event.audience_units.values_list("pk", flat=True)]
        + [groups.team_group(pk) for pk in event.audience_teams.values_list("pk", flat=True)]
    )


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
                topics = audience_groups(event=event)
                transaction.on_commit(lambda topics=topics, frame=frame: actions.publish(topics, frame))
                published += 1
    return published


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
