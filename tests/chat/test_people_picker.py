"""Picking people by name: the direct-message/new-room picker endpoint, the direct form, the @mention list.

Names are folded ("makela" finds Mäkelä), the best match comes first, recent
contacts and team-mates first among equals, only active people, never oneself.
"""

import pytest
from django.urls import reverse

from chat import messages, rooms
from chat.models import Room
from search.analysis.folding import fold
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

PEOPLE = reverse("chat:api_people")


def names(response):
    assert response.status_code == 200
    return [p["name"] for p in response.json()["people"]]


@pytest.fixture
def liisas(org):
    """Eight more Liisas, alphabetically before and after Liisa Mäkelä, and an inactive Liisa Mäkelä."""
    made = {}
    for last in ("Aaltonen", "Heikkinen", "Järvinen", "Koskinen", "Laine", "Mäkinen", "Nieminen", "Virta"):
        user = UserFactory(username=f"liisa.{fold(last)}", first_name="Liisa", last_name=last)
        made[last] = PersonFactory(user=user, agency=org.keha)
    gone = UserFactory(username="liisa.makela2", first_name="Liisa", last_name="Mäkelä", is_active=False)
    PersonFactory(user=gone, agency=org.keha)
    return made


@pytest.mark.parametrize("text", ["makela", "Mäkelä", "liisa makela", "MAKELA", "mäk"])
def test_lookup_folds_diacritics_and_only_offers_active_people(client, users, liisas, text):
    client.force_login(users["aino"])
    found = client.get(PEOPLE, {"q": text}).json()["people"]
    assert [p["username"] for p in found][:1] == ["liisa.makela"]
    assert "liisa.makela2" not in [p["username"] for p in found]


@pytest.mark.parametrize(
    ("text", "username"), [("sjoberg", "erik.sjoberg"), ("ohman", "pekka.ohman"), ("aijala", "matti.aijala")]
)
def test_lookup_finds_nordic_names_typed_without_diacritics(client, users, text, username):
    client.force_login(users["sanna"])
    assert [p["username"] for p in client.get(PEOPLE, {"q": text}).json()["people"]] == [username]


def test_best_match_first_then_recent_contacts_and_team_mates(client, users, liisas):
    client.force_login(users["aino"])
    # "liisa" is every Liisa's whole first name: equal matches; alphabetical without contacts.
    assert names(client.get(PEOPLE, {"q": "liisa"}))[0] == "Liisa Aaltonen"
    # A recent direct conversation puts its partner first among equals.
    room = rooms.direct_room(user=users["aino"], other_id=liisas["Virta"].user.pk)
    messages.post_message(user=users["aino"], room_id=room.pk, body="Hei")
    assert names(client.get(PEOPLE, {"q": "liisa"}))[0] == "Liisa Virta"
    # A whole-name match beats a contact's partial match.
    assert names(client.get(PEOPLE, {"q": "liisa mäkelä"}))[0] == "Liisa Mäkelä"
    # Team-mates come before the others among equals: "ma" starts Matti (team-mate) and Mäkelä, Mäkinen...
    assert names(client.get(PEOPLE, {"q": "ma"}))[0] == "Matti Äijälä"


def test_lookup_never_offers_oneself_and_needs_a_login(client, users):
    assert client.get(PEOPLE, {"q": "aino"}).status_code == 302  # to the login page
    client.force_login(users["aino"])
    assert names(client.get(PEOPLE, {"q": "aino virtanen"})) == []
    assert names(client.get(PEOPLE, {"q": ""})) == []


def test_direct_form_opens_the_picked_person_or_a_single_name_match(client, users):
    client.force_login(users["aino"])
    response = client.post(
        reverse("chat:direct_form"), {"username": "Liisa Mäkelä", "person": "liisa.makela"}
    )
    room = Room.objects.get(kind=Room.Kind.DIRECT, memberships__user=users["liisa"])
    assert response.status_code == 302 and response.url == reverse("chat:room", args=[room.pk])
    # Without JavaScript: a typed name that matches one person opens the conversation too.
    response = client.post(reverse("chat:direct_form"), {"username": "erik sjoberg"})
    room = Room.objects.get(kind=Room.Kind.DIRECT, memberships__user=users["erik"])
    assert response.url == reverse("chat:room", args=[room.pk])
    # Ambiguous or unknown: a clear message, nothing created.
    before = Room.objects.count()
    response = client.post(reverse("chat:direct_form"), {"username": "nobody here"}, follow=True)
    assert (
        "No one matches nobody here" in response.content.decode()
        or "nobody here" in response.content.decode()
    )
    assert Room.objects.count() == before


def test_mention_list_ranks_best_match_then_team_mates(client, users, liisas, chat):
    _org, team_room, vaasa = chat
    group = rooms.create_room(
        user=users["pekka"],
        name="Liisat",
        member_ids=[users["liisa"].pk, users["aino"].pk, *[p.user.pk for p in liisas.values()]],
    )
    client.force_login(users["pekka"])
    url = reverse("chat:api_members", args=[group.pk])
    found = [m["username"] for m in client.get(url, {"q": "makela"}).json()["members"]]
    assert found == ["liisa.makela"]
    found = [m["username"] for m in client.get(url, {"q": "liisa mak"}).json()["members"]]
    assert found[:2] == ["liisa.makela", "liisa.makinen"]
    # "ai": Aino (team-mate of Pekka) starts with it, Liisa Aaltonen does not; whole-name match first.
    found = [m["username"] for m in client.get(url, {"q": "a"}).json()["members"]]
    assert found[0] == "aino.virtanen"


def test_mention_list_of_another_room_is_refused(client, users, chat):
    _org, team_room, _vaasa = chat
    client.force_login(users["sanna"])
    response = client.get(reverse("chat:api_members", args=[team_room.pk]), {"q": "a"})
    assert response.status_code in (403, 404)


def test_message_action_on_profiles_and_person_cards_opens_the_conversation(client, users, org):
    client.force_login(users["aino"])
    action = reverse("chat:direct", args=["liisa.makela"])
    profile = client.get(reverse("teams:person", args=["liisa.makela"])).content.decode()
    assert f'action="{action}"' in profile
    own = client.get(reverse("teams:person", args=["aino.virtanen"])).content.decode()
    assert f'action="{reverse("chat:direct", args=["aino.virtanen"])}"' not in own  # not to oneself
    cards = client.get(reverse("teams:directory")).content.decode()
    assert (
        f'action="{action}"' in cards
        and f'action="{reverse("chat:direct", args=["aino.virtanen"])}"' not in cards
    )
    response = client.post(action)
    room = Room.objects.get(kind=Room.Kind.DIRECT, memberships__user=users["liisa"])
    assert response.url == reverse("chat:room", args=[room.pk])
    assert client.post(action).url == response.url  # the same conversation the second time


def test_lookup_reads_a_fixed_number_of_queries(client, users, liisas, django_assert_max_num_queries):
    """Session and user, the matching people with their units and agencies, recent contacts, team-mates."""
    client.force_login(users["aino"])
    for other in liisas.values():
        rooms.direct_room(user=users["aino"], other_id=other.user.pk)
    with django_assert_max_num_queries(5):
        found = client.get(PEOPLE, {"q": "liisa"}).json()["people"]
    assert len(found) == 9
