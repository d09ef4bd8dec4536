"""iCalendar for events (the ``icalendar`` library): one event's .ics and a person's subscription feed.

Each occurrence is its own VEVENT with a UID that never changes
(``<translation_key>@taimi``, a series' occurrences ``<translation_key>-<n>@taimi``), so calendars update it
instead of adding a copy; SEQUENCE is the event's ``sequence``, raised on
every change to time, place, link or cancellation (of the event or of one of
its occurrences), plus the person's registration's own ``sequence`` in their
feed (raised when they withdraw or come back); a cancelled event or occurrence,
or an occurrence whose registration was cancelled, is sent with STATUS:CANCELLED.
"""

import datetime

import icalendar
from django.utils import timezone

from events import recurrence

PRODID = "-//KEHA-keskus//Taimi//FI"
# The feed covers this far back and ahead (calendars keep what they have seen).
FEED_PAST = datetime.timedelta(days=90)
FEED_AHEAD = datetime.timedelta(days=366)


def uid(occurrence: recurrence.Occurrence) -> str:
    """The same for an event (and each occurrence of a series) however its time, place or text change."""
    if not occurrence.event.recurrence:
        return f"{occurrence.event.translation_key}@taimi"
    return f"{occurrence.event.translation_key}-{occurrence.index}@taimi"


def _vevent(
    occurrence: recurrence.Occurrence, *, base_url: str, show_link: bool, extra: int = 0
) -> icalendar.Event:
    event = occurrence.event
    vevent = icalendar.Event()
    vevent.add("uid", uid(occurrence))
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", occurrence.start.astimezone(datetime.UTC))
    vevent.add("dtend", occurrence.end.astimezone(datetime.UTC))
    vevent.add("summary", event.title)
    vevent.add("sequence", event.sequence + extra)
    vevent.add("last-modified", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
    url = base_url + (event.url or "")
    vevent.add("url", url)
    description = [event.lead, url]
    if show_link and event.online_url:
        description.append(event.online_url)
    vevent.add("description", "\n\n".join(part for part in description if part))
    places = [location.name for location in event.locations.all()]
    if event.place_details:
        places.append(event.place_details)
    if show_link and event.online_url and not places:
        places.append(event.online_url)
    if places:
        vevent.add("location", ", ".join(places))
    vevent.add("status", "CANCELLED" if occurrence.cancelled else "CONFIRMED")
    return vevent


def calendar(occurrences, *, base_url: str, name: str, links_for=frozenset(), sequence_extra=None) -> bytes:
    """A VCALENDAR of the occurrences; ``links_for`` is the ids of the events whose link may be shown;
    ``sequence_extra`` adds to an occurrence's SEQUENCE by (event id, registration key)."""
    sequence_extra = sequence_extra or {}
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Helsinki")
    for occurrence in occurrences:
        extra = sequence_extra.get((occurrence.event.pk, recurrence.key_of(occurrence)), 0)
        cal.add_component(
            _vevent(occurrence, base_url=base_url, show_link=occurrence.event.pk in links_for, extra=extra)
        )
    return cal.to_ical()
