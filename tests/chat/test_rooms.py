"""Rooms: team and location rooms follow the organisation; group rooms are the owner's; direct rooms are pairs."""

import pytest

from chat import rooms
from chat.errors import ChatError
from chat.models import Membership, Room
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def member_names(room):
    return set(room.memberships.values_list("user__username", flat=True))


def test_team_room_follows_the_team(chat, users):
    org, team_room, _vaasa = chat
    assert member_names(team_room) == {"pekka.ohman", "aino.virtanen", "matti.aijala"}
    MembershipFactory(team=org.payroll_team, person=org.people["sanna"])
    assert "sanna.lehtola" in member_names(team_room)
    org.payroll_team.memberships.get(person=org.people["matti"]).delete()
    assert "matti.aijala" not in member_names(team_room)


def test_location_room_follows_home_location_and_keeps_those_who_joined(chat, users):
    org, _team, vaasa = chat
    assert member_names(vaasa) == {"aino.virtanen", "matti.aijala", "liisa.makela"}
    rooms.join(user=users["erik"], room_id=vaasa.pk)  # Erik lives in Salla but joins Vaasa
    aino = org.people["aino"]
    aino.home_location = org.mikkeli
    aino.save()
    assert "aino.virtanen" not in member_names(vaasa)
    assert "aino.virtanen" in member_names(Room.objects.get(location=org.mikkeli))
    assert "erik.sjoberg" in member_names(vaasa)
    with pytest.raises(ChatError) as refused:
        rooms.leave(user=users["matti"], room_id=vaasa.pk)
    assert refused.value.code == "cannot_leave"
    rooms.leave(user=users["erik"], room_id=vaasa.pk)
    assert "erik.sjoberg" not in member_names(vaasa)


def test_group_room_is_managed_by_its_owner_only(group_room, users):
    assert member_names(group_room) == {"aino.virtanen", "matti.aijala"}
    with pytest.raises(ChatError) as refused:
        rooms.add_member(user=users["matti"], room_id=group_room.pk, member_id=users["sanna"].pk)
    assert refused.value.code == "not_owner"
    with pytest.raises(ChatError) as refused:
        rooms.join(user=users["sanna"], room_id=group_room.pk)
    assert refused.value.code == "not_open"
    rooms.add_member(user=users["aino"], room_id=group_room.pk, member_id=users["sanna"].pk)
    rooms.remove_member(user=users["aino"], room_id=group_room.pk, member_id=users["matti"].pk)
    assert member_names(group_room) == {"aino.virtanen", "sanna.lehtola"}
    renamed = rooms.rename(user=users["aino"], room_id=group_room.pk, name="  Lounas   ja kahvi ")
    assert renamed.name == "Lounas ja kahvi"
    with pytest.raises(ChatError):
        rooms.rename(user=users["sanna"], room_id=group_room.pk, name="Kaappaus")
    rooms.archive(user=users["aino"], room_id=group_room.pk)
    assert not any(m.room_id == group_room.pk for m in rooms.memberships_for(user=users["sanna"]))


def test_direct_room_is_one_per_pair(users):
    first = rooms.direct_room(user=users["aino"], other_id=users["erik"].pk)
    second = rooms.direct_room(user=users["erik"], other_id=users["aino"].pk)
    assert first.pk == second.pk and first.kind == Room.Kind.DIRECT
    assert member_names(first) == {"aino.virtanen", "erik.sjoberg"}
    with pytest.raises(ChatError):
        rooms.direct_room(user=users["aino"], other_id=users["aino"].pk)


def test_network_room_is_open_to_join(users):
    network = rooms.create_room(user=users["liisa"], name="Saavutettavuusverkosto", kind="network")
    assert network in {r for r in rooms.open_rooms(user=users["erik"])}
    rooms.join(user=users["erik"], room_id=network.pk)
    assert Membership.objects.filter(room=network, user=users["erik"]).exists()


def test_non_member_is_refused_and_cannot_tell_rooms_apart(group_room, users):
    for room_id in (group_room.pk, 999_999):
        with pytest.raises(ChatError) as refused:
            rooms.require_member(user=users["erik"], room_id=room_id)
        assert refused.value.code == "not_member"


def test_room_list_is_a_fixed_number_of_queries(django_assert_num_queries, chat, users):
    _org, team_room, vaasa = chat
    aino = users["aino"]
    for other in ("erik", "sanna", "pekka"):
        rooms.direct_room(user=aino, other_id=users[other].pk)
    with django_assert_num_queries(1):
        entries = list(rooms.memberships_for(user=aino))
        titles = {rooms.room_title(m) for m in entries}
    assert {"Maksatus – palkkatukitiimi", "Vaasa", "Erik Sjöberg", "Sanna Lehtola", "Pekka Öhman"} <= titles
