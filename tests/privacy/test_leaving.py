"""A deactivated person disappears at once from the directory, their profile, the chat pickers and the
member lists (the erasure of their data follows after PRIVACY_ERASE_AFTER_DAYS: test_erasure.py)."""

import pytest
from django.urls import reverse

from chat import people as chat_people
from chat import rooms as chat_rooms
from chat.models import Membership, Room
from privacy.models import Departure

pytestmark = pytest.mark.django_db


def test_a_deactivated_person_is_gone_from_directory_profile_and_pickers(client, org):
    aino = org.people["aino"].user
    matti = org.people["matti"].user
    room = Room.objects.create(kind="group", name="Yhteinen")
    for user in (aino, matti):
        Membership.objects.create(room=room, user=user)
    client.force_login(matti)
    directory = reverse("teams:directory")
    profile = reverse("teams:person", args=[aino.username])
    # Before: everywhere (and cached pages warmed).
    assert "Virtanen" in client.get(directory, {"q": "aino"}).content.decode()
    assert client.get(profile).status_code == 200
    assert [p["id"] for p in chat_people.lookup(user=matti, query="aino")] == [aino.pk]
    assert aino.pk in [m.user_id for m in chat_rooms.members_of(user=matti, room_id=room.pk)]

    aino.is_active = False
    aino.save()

    assert "Virtanen" not in client.get(directory, {"q": "aino"}).content.decode()
    assert client.get(profile).status_code == 404
    assert chat_people.lookup(user=matti, query="aino") == []
    assert aino.pk not in [m.user_id for m in chat_rooms.members_of(user=matti, room_id=room.pk)]
    assert chat_people.mention_candidates(user=matti, room_id=room.pk, query="aino") == []
    # The count to the erasure has started.
    assert Departure.objects.filter(user=aino, erased_at__isnull=True).exists()
