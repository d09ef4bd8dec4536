"""The events watched in an office, for its location page (teams renders what its hook list returns)."""

from django.template.loader import render_to_string
from django.utils import timezone

from events.models import Registration, ViewingRoom


def panel(*, request, location) -> str:
    """Upcoming events with a viewing room in this office and who is coming: three queries."""
    from news.services import default_locale_id

    now = timezone.now()
    # The Finnish originals only: a Swedish version carries copies of the rooms, but registrations are the original's.
    rooms = list(
        ViewingRoom.objects.filter(
            location=location,
            event__live=True,
            event__series_end__gte=now,
            event__locale_id=default_locale_id(),
        )
        .select_related("event")
        .order_by("event__start")[:20]
    )
    if not rooms:
        return ""
    coming = {}
    for registration in (
        Registration.objects.filter(room__in=rooms, status=Registration.Status.CONFIRMED)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    ):
        people = coming.setdefault(registration.room_id, [])
        if registration.user not in people:  # a series: one person on several dates is named once
            people.append(registration.user)
    return render_to_string(
        "events/_location_events.html",
        {"rooms": [(room, coming.get(room.pk, [])) for room in rooms]},
        request=request,
    )
