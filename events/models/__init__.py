"""Events models, one module per subject (docs/events.md).

* kinds: EventKind (an editable snippet)
* index_page: EventIndexPage (``/tapahtumat/``)
* event_page: EventPage
* occurrences: Occurrence (a moved or cancelled single occurrence of a recurring event)
* registration: Registration, ViewingRoom, CalendarToken
"""

from events.models.event_page import EventPage
from events.models.index_page import EventIndexPage
from events.models.kinds import EventKind
from events.models.occurrences import Occurrence
from events.models.registration import (
    CalendarToken,
    RecordingAcknowledgement,
    Registration,
    ViewingRoom,
    new_calendar_token,
)

__all__ = [
    "CalendarToken",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "Occurrence",
    "RecordingAcknowledgement",
    "Registration",
    "ViewingRoom",
    "new_calendar_token",
]
