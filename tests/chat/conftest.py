"""Chat fixtures: the small organisation of tests/organisation.py with its team and location rooms."""

import pytest

from chat import rooms
from chat.models import Room


@pytest.fixture
def chat(org):
    """(org, payroll team room, Vaasa room); aino, matti and pekka are in the payroll team."""
    team_room = Room.objects.get(team=org.payroll_team)
    vaasa_room = Room.objects.get(location=org.vaasa)
    return org, team_room, vaasa_room


@pytest.fixture
def users(org):
    return {name: person.user for name, person in org.people.items()}


@pytest.fixture
def group_room(users):
    return rooms.create_room(user=users["aino"], name="Lounasporukka", member_ids=[users["matti"].pk])
