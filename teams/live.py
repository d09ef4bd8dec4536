"""Who a connecting user is in the organisation, for the websocket transport (realtime.dispatch).

Registered in teams' AppConfig.ready(), so realtime knows no domain. Two queries for a whole connect burst,
rows read as tuples (building model instances was most of the cost of a burst).
"""

from teams.models import Person, TeamMembership


def load_people(user_ids) -> tuple[dict[int, tuple], dict[int, list[int]]]:
    """``({user id: (person id, user id, agency id, home location id, unit id)},
    {person id: [team ids]})``."""
    people = {
        row[1]: row
        for row in Person.objects.filter(user_id__in=user_ids).values_list(
            "pk", "user_id", "agency_id", "home_location_id", "unit_id"
        )
    }
    teams: dict[int, list[int]] = {}
    if people:
        memberships = TeamMembership.objects.filter(person_id__in=[row[0] for row in people.values()])
        for person_id, team_id in memberships.values_list("person_id", "team_id").order_by("pk"):
            teams.setdefault(person_id, []).append(team_id)
    return people, teams
