"""What the events pages show (used by the page models and the views; imports no views)."""

import datetime

from django.utils import timezone

from events import fragments, mustwatch, recurrence, registration, services
from events.forms_public import FilterForm, RegistrationForm
from events.models import Registration
from events.permissions import can_organise


def listing_context(request) -> dict:
    form = FilterForm(request.GET or None)
    filters = form.filters()
    show_past = request.GET.get("nakyma") == "menneet"
    return {
        "filters_html": fragments.filter_form(request=request, form=form, show_past=show_past),
        "list_html": fragments.event_list(request=request, filters=filters, show_past=show_past),
        "show_past": show_past,
    }


def event_context(request, page) -> dict:
    event = registration.original_of(page)
    user = request.user
    now = timezone.now()
    changes = list(event.occurrence_changes.all())
    next_occurrence = recurrence.next_occurrence(event, now=now, changes=changes)
    upcoming = recurrence.occurrences(
        event, changes=changes, start=now, end=now + datetime.timedelta(days=366)
    )[:12]
    by_occurrence = registration.registrations_for(user=user, event=event)
    series = bool(event.recurrence)
    # A one-time event has one registration; a series one per date (the form registers for one date).
    mine = None if series else by_occurrence.get("")
    confirmed = next(
        (row for row in by_occurrence.values() if row.status == Registration.Status.CONFIRMED), mine
    )
    organiser = can_organise(user, event)
    state = registration.window(event, occurrence=None if series else next_occurrence)
    rooms = list(event.rooms.select_related("location")) if event.is_hybrid else []
    seats = registration.seats_by_occurrence(event=event) if event.registration_enabled else None
    dates = []
    if series and event.registration_enabled:
        for occurrence in upcoming:
            key = recurrence.key_of(occurrence)
            dates.append(
                {
                    "occurrence": occurrence,
                    "key": key,
                    "seats": seats[key],
                    "registration": by_occurrence.get(key),
                    "open": registration.window(event, occurrence=occurrence).open,
                }
            )
    open_dates = [date["occurrence"] for date in dates if date["open"]]
    form = None
    if event.registration_enabled and (
        (series and open_dates) or (not series and (state.open or (mine and mine.is_active)))
    ):
        form = RegistrationForm(event=event, rooms=rooms, occurrences=open_dates, initial=_initial(mine))
    return {
        "event": event,
        "next_occurrence": next_occurrence,
        "occurrence_list": upcoming,
        "is_live": services.is_live(next_occurrence, now=now),
        "show_link": services.may_see_link(user=user, event=event, registration=confirmed),
        "registration": mine,
        "registration_form": form,
        "window": state if not series else registration.WindowState(bool(open_dates), state.reason),
        "seats": seats[""] if seats is not None and not series else None,
        "dates": dates,
        "my_dates": [date for date in dates if date["registration"] and date["registration"].is_active],
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
