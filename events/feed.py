"""A person's calendar subscription feed, built from plain rows and written as iCalendar text directly.

The feed can hold a thousand occurrences (the events a person registered for
and their audience's events without registration, 90 days back and a year
ahead). Model instances and the ``icalendar`` library's objects cost about
0.6 ms CPU an occurrence, so the feed reads ``values()`` rows into small
records (the recurrence rules take them as they take pages) and writes each
VEVENT as text (RFC 5545: escaped TEXT values, UTC times, lines folded at 75
octets, CRLF). The result is cached (events.fragments.feed). What it holds, and
the UIDs and SEQUENCE, are as events.ics describes; the feed is parsed with
``icalendar`` in the tests.
"""

import dataclasses
import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from events import audience, recurrence
from events.ics import FEED_AHEAD, FEED_PAST, PRODID
from events.models import EventPage, Occurrence, Registration

WITHDRAWN = (Registration.Status.CANCELLED, Registration.Status.DECLINED)
FIELDS = (
    "id",
    "translation_key",
    "title",
    "lead",
    "url_path",
    "start",
    "end",
    "recurrence",
    "cancelled",
    "sequence",
    "last_published_at",
    "online_url",
    "place_details",
    "registration_enabled",
)


@dataclass(slots=True)
class FeedEvent:
    """What the feed needs of an event (``pk`` and ``occurrence_changes`` as the recurrence rules read them)."""

    pk: int
    translation_key: str
    title: str
    lead: str
    url: str
    start: datetime.datetime
    end: datetime.datetime
    recurrence: str
    cancelled: bool
    sequence: int
    last_published_at: datetime.datetime | None
    online_url: str
    place_details: str
    registration_enabled: bool
    places: list
    changes: list


@dataclass(slots=True)
class Change:
    original_start: datetime.datetime
    start: datetime.datetime | None
    end: datetime.datetime | None
    cancelled: bool


def _url_of(url_path: str, roots: list[tuple[str, str]]) -> str:
    """The page's address from its ``url_path`` (Wagtail's rule for a single-site intranet)."""
    for root_path, root_url in roots:
        if url_path.startswith(root_path):
            return root_url + url_path[len(root_path) :]
    return ""


def _roots() -> list[tuple[str, str]]:
    from wagtail.models import Site

    return [(root_path, "/") for _site_id, root_path, _root_url, _language in Site.get_site_root_paths()]


def occurrences(*, user, now=None) -> tuple[list[recurrence.Occurrence], set[int], dict]:
    """The person's calendar: the occurrences they registered for (a cancelled registration as cancelled)
    and every occurrence of their audience's events without registration; the ids of the events whose
    link they may see; each registration's ``sequence`` by (event id, occurrence key). Five queries."""
    from news.services import default_locale_id

    now = now or timezone.now()
    start, end = now - FEED_PAST, now + FEED_AHEAD
    registrations: dict[int, dict[str, tuple[str, int]]] = {}
    for event_id, key, status, sequence in Registration.objects.filter(user=user).values_list(
        "event_id", "occurrence", "status", "sequence"
    ):
        registrations.setdefault(event_id, {})[key] = (status, sequence)
    reader = audience.reader_for(user=user)
    rows = list(
        EventPage.objects.live()
        .filter(locale_id=default_locale_id(), series_end__gte=start, start__lt=end)
        .filter(
            Q(pk__in=list(registrations)) | (Q(registration_enabled=False) & audience.targeted_to(reader))
        )
        .order_by("start")
        .values(*FIELDS)
    )
    ids = [row["id"] for row in rows]
    places: dict[int, list] = {}
    for event_id, name in (
        EventPage.locations.through.objects.filter(eventpage_id__in=ids)
        .order_by("location__name_fi")
        .values_list("eventpage_id", "location__name_fi")
    ):
        places.setdefault(event_id, []).append(name)
    changes: dict[int, list] = {}
    for event_id, *fields in (
        Occurrence.objects.filter(event_id__in=ids)
        .order_by("original_start")
        .values_list("event_id", "original_start", "start", "end", "cancelled")
    ):
        changes.setdefault(event_id, []).append(Change(*fields))
    roots = _roots()
    found, links, extra = [], set(), {}
    for row in rows:
        event = FeedEvent(
            pk=row["id"],
            translation_key=str(row["translation_key"]),
            title=row["title"],
            lead=row["lead"],
            url=_url_of(row["url_path"], roots),
            start=row["start"],
            end=row["end"],
            recurrence=row["recurrence"],
            cancelled=row["cancelled"],
            sequence=row["sequence"],
            last_published_at=row["last_published_at"],
            online_url=row["online_url"],
            place_details=row["place_details"],
            registration_enabled=row["registration_enabled"],
            places=places.get(row["id"], []),
            changes=changes.get(row["id"], []),
        )
        mine = registrations.get(event.pk, {})
        if not event.registration_enabled or any(
            status == Registration.Status.CONFIRMED for status, _sequence in mine.values()
        ):
            links.add(event.pk)
        for occurrence in recurrence.occurrences(event, changes=event.changes, start=start, end=end):
            key = recurrence.key_of(occurrence)
            if event.registration_enabled:  # then only the dates the person registered for
                if key not in mine:
                    continue
                status, sequence = mine[key]
                extra[(event.pk, key)] = sequence
                if status in WITHDRAWN and not occurrence.cancelled:
                    occurrence = dataclasses.replace(occurrence, cancelled=True)
            found.append(occurrence)
    return found, links, extra


# --- iCalendar text ---------------------------------------------------------------------------------------


def _text(value: str) -> str:
    """An RFC 5545 TEXT value."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never inside a character."""
    if len(line) <= 75 and line.isascii():
        return line
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _vevent(occurrence, *, base_url: str, show_link: bool, extra: int, stamp: str) -> list[str]:
    from events.ics import uid

    event = occurrence.event
    url = base_url + event.url
    description = "\n\n".join(
        part for part in (event.lead, url, event.online_url if show_link else "") if part
    )
    places = list(event.places)
    if event.place_details:
        places.append(event.place_details)
    if show_link and event.online_url and not places:
        places.append(event.online_url)
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_text(event.title)}",
        f"DTSTART:{_utc(occurrence.start)}",
        f"DTEND:{_utc(occurrence.end)}",
        f"DTSTAMP:{stamp}",
        f"UID:{_text(uid(occurrence))}",
        f"SEQUENCE:{event.sequence + extra}",
        f"DESCRIPTION:{_text(description)}",
        f"LAST-MODIFIED:{_utc(event.last_published_at) if event.last_published_at else stamp}",
    ]
    if places:
        lines.append(f"LOCATION:{_text(', '.join(places))}")
    lines += [
        f"STATUS:{'CANCELLED' if occurrence.cancelled else 'CONFIRMED'}",
        f"URL:{url}",
        "END:VEVENT",
    ]
    return lines


def calendar(occurrences, *, base_url: str, name: str, links_for=frozenset(), sequence_extra=None) -> bytes:
    """The VCALENDAR text of the feed's occurrences (records from ``occurrences()``)."""
    sequence_extra = sequence_extra or {}
    stamp = _utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_text(name)}",
        "X-WR-TIMEZONE:Europe/Helsinki",
    ]
    for occurrence in occurrences:
        event = occurrence.event
        lines += _vevent(
            occurrence,
            base_url=base_url,
            show_link=event.pk in links_for,
            extra=sequence_extra.get((event.pk, recurrence.key_of(occurrence)), 0),
            stamp=stamp,
        )
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode()


def build(*, user, base_url: str, name: str, now=None) -> bytes:
    found, links, extra = occurrences(user=user, now=now)
    return calendar(found, base_url=base_url, name=name, links_for=links, sequence_extra=extra)
