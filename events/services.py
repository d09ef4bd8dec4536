"""Events for readers: lists, the month, my events, the home block, the online link and the calendar feed.

Views and jobs call these with keyword arguments. Every list is a fixed number
of queries whatever the number of events and registrations (asserted in
tests/events/test_queries.py): the events with their kind and organiser in
one query, their offices and occurrence changes in one prefetch each, the
Swedish texts in one more.
"""

import calendar as calendar_module
import dataclasses
import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language

from core.locales import locale_id
from events import audience, recurrence
from events.models import CalendarToken, EventPage, Occurrence, Registration
from events.permissions import can_organise
from news.services import default_locale_id

LIST_SIZE = 40
HOME_SIZE = 4
# The join button and "live now" appear this long before the start.
LIVE_LEAD = datetime.timedelta(minutes=10)
ACTIVE = (Registration.Status.CONFIRMED, Registration.Status.WAITING, Registration.Status.PENDING)


@dataclass(frozen=True)
class Item:
    """One occurrence as a list shows it: the event (original), its text in the reader's language."""

    occurrence: recurrence.Occurrence
    text: EventPage  # the version in the reader's language (title, lead, url)

    @property
    def event(self) -> EventPage:
        return self.occurrence.event


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    organiser: int | None = None
    location: int | None = None


def base_queryset():
    return (
        EventPage.objects.live()
        .filter(locale_id=default_locale_id())
        .select_related("kind", "organiser_agency", "organiser_unit")
        .prefetch_related(
            "locations",
            Prefetch("occurrence_changes", queryset=Occurrence.objects.order_by("original_start")),
        )
        .defer("body", "materials", "minutes")
    )


def _filtered(queryset, filters: Filters | None):
    if filters is None:
        return queryset
    if filters.kind:
        queryset = queryset.filter(kind__slug=filters.kind)
    if filters.organiser:
        queryset = queryset.filter(organiser_agency_id=filters.organiser)
    if filters.location:
        queryset = queryset.filter(locations__id=filters.location).distinct()
    return queryset


def in_reader_language(events, *, language: str | None = None) -> dict[int, EventPage]:
    """The version of each event in the reader's language (one query), by the original's id."""
    events = list(events)
    language = (language or get_language() or "fi")[:2]
    wanted = locale_id(language) if language in ("fi", "sv") else None
    versions = {}
    if wanted is not None and any(event.locale_id != wanted for event in events):
        versions = {
            version.translation_key: version
            for version in EventPage.objects.live()
            .filter(locale_id=wanted, translation_key__in=[event.translation_key for event in events])
            .only("id", "title", "lead", "translation_key", "locale_id", "url_path")
        }
    return {event.pk: versions.get(event.translation_key, event) for event in events}


def _items(occurrences) -> list[Item]:
    occurrences = list(occurrences)
    texts = in_reader_language({occurrence.event.pk: occurrence.event for occurrence in occurrences}.values())
    return [Item(occurrence, texts[occurrence.event.pk]) for occurrence in occurrences]


def upcoming(*, filters: Filters | None = None, now=None, limit: int = LIST_SIZE, reader=None) -> list[Item]:
    """The next occurrence of each event that is not over, soonest first."""
    return upcoming_until(filters=filters, now=now, limit=limit, reader=reader)[0]


def upcoming_until(
    *, filters: Filters | None = None, now=None, limit: int = LIST_SIZE, reader=None
) -> tuple[list[Item], datetime.datetime | None]:
    """``upcoming()`` and the first moment its answer can change with time alone (an occurrence or a series
    it looked at ends; None: never), for a cache of it (events/home_cache.py)."""
    now = now or timezone.now()
    events = _filtered(base_queryset().filter(series_end__gte=now), filters)
    if reader is not None:
        events = events.filter(audience.targeted_to(reader))
    # A series that began long ago still comes first by its next occurrence: take the rows by first
    # start, then sort by the next occurrence.
    found = []
    ends = []
    for event in events.order_by("start")[: limit * 2]:
        ends.append(event.series_end)
        occurrence = recurrence.next_occurrence(event, now=now, changes=list(event.occurrence_changes.all()))
        if occurrence is not None:
            found.append(occurrence)
            ends.append(occurrence.end)
    found.sort(key=lambda occurrence: occurrence.start)
    return _items(found[:limit]), min(ends, default=None)


def past(*, filters: Filters | None = None, now=None, limit: int = LIST_SIZE) -> list[Item]:
    """The archive: events whose (last) occurrence has ended, latest first."""
    now = now or timezone.now()
    events = _filtered(base_queryset().filter(series_end__lt=now), filters).order_by("-series_end")[:limit]
    found = []
    for event in events:
        done = recurrence.occurrences(event, changes=list(event.occurrence_changes.all()), end=now)
        if done:
            found.append(done[-1])
    return _items(found)


@dataclass
class Day:
    date: datetime.date
    items: list


def month(*, year: int, month: int, filters: Filters | None = None) -> list[Day]:
    """Every occurrence in the month, by day (Helsinki days)."""
    first = datetime.datetime(year, month, 1, tzinfo=recurrence.HELSINKI)
    days_in_month = calendar_module.monthrange(year, month)[1]
    after = first + datetime.timedelta(days=days_in_month)
    after = after.replace(day=1)
    events = _filtered(base_queryset().filter(start__lt=after, series_end__gte=first), filters)
    found = []
    for event in events:
        found.extend(
            recurrence.occurrences(
                event, changes=list(event.occurrence_changes.all()), start=first, end=after
            )
        )
    found.sort(key=lambda occurrence: occurrence.start)
    days: dict[datetime.date, Day] = {}
    for item in _items(found):
        date = item.occurrence.start.astimezone(recurrence.HELSINKI).date()
        days.setdefault(date, Day(date, [])).items.append(item)
    return list(days.values())


def my_registrations(*, user, now=None) -> list[tuple[Registration, Item | None]]:
    """The person's active registrations with the event's next (or last) occurrence."""
    now = now or timezone.now()
    registrations = list(
        Registration.objects.filter(user=user, status__in=ACTIVE)
        .select_related("room__location")
        .prefetch_related(Prefetch("event", queryset=base_queryset()))
        .order_by("-registered_at")
    )
    occurrences = []
    for registration in registrations:
        event = registration.event
        changes = list(event.occurrence_changes.all())
        occurrence = recurrence.next_occurrence(event, now=now, changes=changes)
        if occurrence is None:
            done = recurrence.occurrences(event, changes=changes, end=now)
            occurrence = done[-1] if done else None
        occurrences.append(occurrence)
    items = {id(item.occurrence): item for item in _items([o for o in occurrences if o is not None])}
    paired = [
        (registration, items.get(id(occurrence)) if occurrence is not None else None)
        for registration, occurrence in zip(registrations, occurrences)
    ]
    paired.sort(key=lambda pair: (pair[1] is None, pair[1].occurrence.start if pair[1] else now))
    return paired


def home_block(*, user, now=None) -> list[Item]:
    """ "Upcoming events" on the home page: the reader's audience only, a few, cheap."""
    if not user.is_authenticated:
        return []
    return upcoming(now=now, limit=HOME_SIZE, reader=audience.reader_for(user=user))


# --- The online link and the live state -----------------------------------------------------------


def may_see_link(*, user, event: EventPage, registration: Registration | None) -> bool:
    """Organisers always; with registration on, confirmed registrants; otherwise the audience."""
    if not event.online_url or not user.is_authenticated:
        return False
    if can_organise(user, event):
        return True
    if event.registration_enabled:
        return registration is not None and registration.status == Registration.Status.CONFIRMED
    return audience.is_in_audience(user=user, event=event)


def is_live(occurrence: recurrence.Occurrence | None, *, now=None) -> bool:
    if occurrence is None or occurrence.cancelled:
        return False
    now = now or timezone.now()
    return occurrence.start - LIVE_LEAD <= now < occurrence.end


# --- Calendar feed ----------------------------------------------------------------------------------


def calendar_token(*, user) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user).first()


def renew_calendar_token(*, user) -> CalendarToken:
    from events.models import new_calendar_token

    token, created = CalendarToken.objects.get_or_create(user=user)
    if not created:
        token.token = new_calendar_token()
        token.save(update_fields=["token"])
    return token


def revoke_calendar_token(*, user) -> None:
    CalendarToken.objects.filter(user=user).delete()


def user_for_token(*, token: str):
    found = CalendarToken.objects.filter(token=token, user__is_active=True).select_related("user").first()
    return found.user if found else None


def feed_occurrences(*, user, now=None) -> tuple[list[recurrence.Occurrence], set[int]]:
    """The person's calendar: events they registered for (cancelled registrations as cancelled) and
    events for their audience that need no registration; the ids of events whose link they may see.
    A fixed number of queries whatever the number of events."""
    from django.db.models import Q

    now = now or timezone.now()
    start, end = now - _feed_past(), now + _feed_ahead()
    registrations = {
        row["event_id"]: row["status"]
        for row in Registration.objects.filter(user=user).values("event_id", "status").order_by()
    }
    reader = audience.reader_for(user=user)
    events = list(
        base_queryset()
        .filter(series_end__gte=start, start__lt=end)
        .filter(
            Q(pk__in=list(registrations)) | (Q(registration_enabled=False) & audience.targeted_to(reader))
        )
        .order_by("start")
    )
    occurrences, links = [], set()
    for event in events:
        status = registrations.get(event.pk)
        withdrawn = status in (Registration.Status.CANCELLED, Registration.Status.DECLINED)
        if status == Registration.Status.CONFIRMED or not event.registration_enabled:
            links.add(event.pk)
        for occurrence in recurrence.occurrences(
            event, changes=list(event.occurrence_changes.all()), start=start, end=end
        ):
            if withdrawn and not occurrence.cancelled:
                occurrence = dataclasses.replace(occurrence, cancelled=True)
            occurrences.append(occurrence)
    return occurrences, links


def _feed_past():
    from events.ics import FEED_PAST

    return FEED_PAST


def _feed_ahead():
    from events.ics import FEED_AHEAD

    return FEED_AHEAD
