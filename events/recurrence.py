"""Occurrences of an event: its RRULE (python-dateutil) expanded in Helsinki time, with the changes applied.

The rule is expanded over *local wall-clock* times and each result is then
made aware in Europe/Helsinki, so an event at 9.00 stays at 9.00 across the
March and October changes (its UTC time moves by an hour instead).
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from dateutil import rrule

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
# How far an endless rule is expanded (and the series_end it gets).
HORIZON = datetime.timedelta(days=2 * 365)
FAR_FUTURE = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Occurrence:
    event: object
    original_start: datetime.datetime  # the rule's start (aware): the occurrence's identity
    start: datetime.datetime
    end: datetime.datetime
    cancelled: bool = False
    moved: bool = False
    index: int = 0  # the occurrence's place in the rule: its calendar identity (events.ics.uid)

    @property
    def key(self) -> str:
        return self.original_start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def parse(text: str, *, dtstart: datetime.datetime | None = None) -> rrule.rrule:
    """The rule of ``text`` (an RRULE, with or without the ``RRULE:`` prefix); ValueError when it is not one."""
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    dtstart = dtstart or datetime.datetime(2026, 1, 1, 9, 0)
    try:
        return rrule.rrulestr(text, dtstart=dtstart)
    except (ValueError, TypeError) as error:
        raise ValueError(str(error)) from error


def _local_naive(value: datetime.datetime) -> datetime.datetime:
    return value.astimezone(HELSINKI).replace(tzinfo=None)


def _aware(value: datetime.datetime) -> datetime.datetime:
    return value.replace(tzinfo=HELSINKI)


def rule_starts(event, *, until: datetime.datetime | None = None) -> list[datetime.datetime]:
    """The rule's start times (aware), from the first start up to ``until`` (or the horizon)."""
    if not event.recurrence:
        return [event.start]
    local_start = _local_naive(event.start)
    rule = parse(event.recurrence, dtstart=local_start)
    limit = _local_naive(until) if until else local_start + HORIZON
    return [_aware(value) for value in rule.between(local_start, limit, inc=True)]


def series_end(event) -> datetime.datetime:
    duration = event.end - event.start
    if not event.recurrence:
        return event.end
    rule = parse(event.recurrence, dtstart=_local_naive(event.start))
    if rule._count is None and rule._until is None:
        return FAR_FUTURE
    starts = list(rule)
    return _aware(starts[-1]) + duration if starts else event.end


def occurrences(
    event,
    *,
    changes=None,
    start: datetime.datetime | None = None,
    end: datetime.datetime | None = None,
    include_cancelled: bool = True,
) -> list[Occurrence]:
    """The event's occurrences overlapping [start, end) (all of them when not given), changes applied.

    ``changes``: the event's Occurrence rows (default: read them; pass a prefetched list in listings).
    """
    if changes is None:
        changes = list(event.occurrence_changes.all()) if event.recurrence else []
    by_start = {change.original_start: change for change in changes}
    duration = event.end - event.start
    limit = end + duration if end else None
    found = []
    for index, original in enumerate(rule_starts(event, until=limit)):
        change = by_start.get(original)
        occurrence_start, occurrence_end = original, original + duration
        cancelled = event.cancelled
        moved = False
        if change is not None:
            if change.start:
                occurrence_start = change.start
                occurrence_end = change.end or change.start + duration
                moved = True
            cancelled = cancelled or change.cancelled
        if start and occurrence_end <= start:
            continue
        if end and occurrence_start >= end:
            continue
        if cancelled and not include_cancelled:
            continue
        found.append(Occurrence(event, original, occurrence_start, occurrence_end, cancelled, moved, index))
    found.sort(key=lambda occurrence: occurrence.start)
    return found


def find(event, key: str, *, changes=None) -> Occurrence | None:
    """The occurrence with this key (the only one of a one-time event for ""); None when the rule has none."""
    if not event.recurrence:
        return occurrences(event, changes=[])[0] if not key else None
    try:
        original = datetime.datetime.strptime(key, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)
    except ValueError:
        return None
    window = occurrences(
        event,
        changes=changes,
        start=original - datetime.timedelta(days=400),
        end=original + datetime.timedelta(days=400),
    )
    for occurrence in window:
        if occurrence.original_start == original:
            return occurrence
    return None


def key_of(occurrence: Occurrence) -> str:
    """The registration key of an occurrence: "" for a one-time event."""
    return occurrence.key if occurrence.event.recurrence else ""


def next_occurrence(event, *, now: datetime.datetime, changes=None) -> Occurrence | None:
    """The occurrence going on or coming next (not cancelled); None when the series is over."""
    for occurrence in occurrences(event, changes=changes, start=now, include_cancelled=False):
        return occurrence
    return None
