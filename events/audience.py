"""Who an event is for: the same four audience dimensions and reader rule as news.

The reader (agency, home location, unit, teams) comes from
``news.services.reader_for`` (one query, cached on the user), so an event and
an article with the same audience reach exactly the same people.
"""

from django.db.models import Exists, OuterRef, Q

from news.services import Reader, reader_for  # noqa: F401  (re-exported for events' callers)
from teams.models import Person, TeamMembership


def _through(name: str):
    from events.models import EventPage

    return getattr(EventPage, name).through


def targeted_to(reader: Reader) -> Q:
    """Events for everyone, or whose audience names the reader's agency, location, unit or a team of theirs."""
    condition = Q(for_everyone=True)
    dimensions = [
        ("audience_agencies", "agency_id", [reader.agency_id] if reader.agency_id else []),
        ("audience_locations", "location_id", [reader.location_id] if reader.location_id else []),
        ("audience_units", "unit_id", [reader.unit_id] if reader.unit_id else []),
        ("audience_teams", "team_id", list(reader.team_ids)),
    ]
    for relation, column, ids in dimensions:
        if ids:
            condition |= Exists(
                _through(relation).objects.filter(eventpage_id=OuterRef("pk"), **{f"{column}__in": ids})
            )
    return condition


def is_in_audience(*, user, event) -> bool:
    """One query (plus the reader's, cached): is the event targeted to the user?"""
    from events.models import EventPage

    if not user.is_authenticated:
        return False
    if event.for_everyone:
        return True
    return EventPage.objects.filter(pk=event.pk).filter(targeted_to(reader_for(user=user))).exists()


def audience_people(*, event):
    """Active people the event is for (the same rule as news' must-read follow-up)."""
    people = Person.objects.filter(user__is_active=True)
    if event.for_everyone:
        return people
    return people.filter(
        Q(agency__in=event.audience_agencies.all())
        | Q(home_location__in=event.audience_locations.all())
        | Q(unit__in=event.audience_units.all())
        | Exists(TeamMembership.objects.filter(person=OuterRef("pk"), team__in=event.audience_teams.all()))
    )
