"""What the events pages show (used by the page models and the views; imports no views)."""

import datetime

from django.utils import timezone

from events import mustwatch, recurrence, registration, services
from events.forms_public import FilterForm, RegistrationForm
from events.permissions import can_organise


def listing_context(request) -> dict:
    form = FilterForm(request.GET or None)
    filters = form.filters()
    show_past = request.GET.get("nakyma") == "menneet"
    items = services.past(filters=filters) if show_past else services.upcoming(filters=filters)
    return {"filter_form": form, "items": items, "show_past": show_past}


def event_context(request, page) -> dict:
    event = registration.original_of(page)
    user = request.user
    now = timezone.now()
    changes = list(event.occurrence_changes.all())
    next_occurrence = recurrence.next_occurrence(event, now=now, changes=changes)
    upcoming = recurrence.occurrences(
        event, changes=changes, start=now, end=now + datetime.timedelta(days=366)
    )
    mine = registration.registration_for(user=user, event=event)
    organiser = can_organise(user, event)
    state = registration.window(event)
    rooms = list(event.rooms.select_related("location")) if event.is_hybrid else []
    form = None
    if event.registration_enabled and (state.open or (mine and mine.is_active)):
        form = RegistrationForm(event=event, rooms=rooms, initial=_initial(mine))
    return {
        "event": event,
        "next_occurrence": next_occurrence,
        "occurrence_list": upcoming[:12],
        "is_live": services.is_live(next_occurrence, now=now),
        "show_link": services.may_see_link(user=user, event=event, registration=mine),
        "registration": mine,
        "registration_form": form,
        "window": state,
        "seats": registration.seats(event=event) if event.registration_enabled else None,
        "is_organiser": organiser,
        "rooms": rooms,
        "locations": list(event.locations.all()),
        "is_past": event.series_end is not None and event.series_end < now,
        "recording_pending": mustwatch.is_pending(user=user, event=event),
    }


def _initial(mine) -> dict:
    if mine is None:
        return {}
    initial = {"room": str(mine.room_id) if mine.room_id else "online"}
    for index, answer in enumerate(mine.answers.values()):
        initial[f"answer_{index}"] = answer
    return initial
