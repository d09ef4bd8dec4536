"""Channel-layer group names, shared by the consumer (joins) and realtime.actions (sends).

Audience-wide events (a news article for an agency, a location, a unit, a team
or everyone) go to one group per audience entry, never one send per user: a
national article is one ``group_send`` to ``everyone``.
"""

EVERYONE = "everyone"


def user_group(user_id: int) -> str:
    """Reaches every open connection (tab, device) of one user."""
    return f"user.{user_id}"


def agency_group(agency_id: int) -> str:
    return f"agency.{agency_id}"


def location_group(location_id: int) -> str:
    return f"location.{location_id}"


def unit_group(unit_id: int) -> str:
    return f"unit.{unit_id}"


def team_group(team_id: int) -> str:
    return f"team.{team_id}"


def person_groups(*, user_id: int, agency_id=None, location_id=None, unit_id=None, team_ids=()) -> list[str]:
    """Every group one person's connection joins."""
    groups = [user_group(user_id), EVERYONE]
    if agency_id:
        groups.append(agency_group(agency_id))
    if location_id:
        groups.append(location_group(location_id))
    if unit_id:
        groups.append(unit_group(unit_id))
    groups.extend(team_group(team_id) for team_id in team_ids)
    return groups
