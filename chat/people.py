"""Picking people by name in the chat: the direct-message and new-room picker, and the @mention list.

Both fold diacritics ("makela" finds Mäkelä) and put the best name match
first (teams.name_search). Ties go to the people one talks to: for the
picker, recent direct-message partners, then team-mates; for the @mention
list, team-mates. Only active people are offered, never the asker.
"""

from __future__ import annotations

from django.db.models import Q, Subquery

from chat.models import Membership, Room
from chat.rooms import members_of

LOOKUP_LIMIT = 10
MENTION_LIMIT = 8
# Direct-message partners counted as "recent contacts" (latest conversations first).
RECENT_CONTACTS = 30
MAX_QUERY = 100


def recent_contact_user_ids(*, user) -> list[int]:
    """The other people of the user's direct conversations, latest message first."""
    rooms = (
        Membership.objects.filter(user_id=user.pk, room__kind=Room.Kind.DIRECT)
        .order_by("-room__last_message_at", "-room_id")
        .values("room_id")[:RECENT_CONTACTS]
    )
    partners = (
        Membership.objects.filter(room_id__in=Subquery(rooms))
        .exclude(user_id=user.pk)
        .order_by("-room__last_message_at", "-room_id")
        .values_list("user_id", flat=True)
    )
    return list(dict.fromkeys(partners))


def lookup(*, user, query: str, limit: int = LOOKUP_LIMIT) -> list[dict]:
    """Active people matching ``query`` (name without diacritics, title, expertise, user name start)."""
    from teams.models import Person
    from teams.name_search import CANDIDATES, rank_people, team_mate_ids
    from teams.services import clean_query, search_people

    query = clean_query(query or "")[:MAX_QUERY].lstrip("@").strip()
    if not query:
        return []
    words = query.replace(".", " ").replace("_", " ")
    by_words = search_people(query=words).order_by()
    people = list(
        Person.objects.active()
        .exclude(user_id=user.pk)
        .select_related("user", "agency", "unit")
        .filter(Q(pk__in=Subquery(by_words.values("pk"))) | Q(user__username__istartswith=query))
        .order_by("user__last_name", "user__first_name", "pk")[:CANDIDATES]
    )
    recent_users = recent_contact_user_ids(user=user)
    by_user = {p.user_id: p.pk for p in people}
    close = [by_user[u] for u in recent_users if u in by_user] + team_mate_ids(user=user)
    ranked = rank_people(
        people, query=words, close_ids=list(dict.fromkeys(close)), limit=max(1, min(limit, 20))
    )
    return [
        {
            "id": person.user_id,
            "username": person.user.get_username(),
            "name": person.full_name,
            "title": person.title,
            "unit": person.unit.name if person.unit else "",
            "agency": person.agency.name if person.agency else "",
        }
        for person in ranked
    ]


def mention_candidates(*, user, room_id: int, query: str, limit: int = MENTION_LIMIT) -> list[dict]:
    """Members of a room the user belongs to, for the @mention list (all, by name, without a query)."""
    from chat.frames import person
    from search.analysis.folding import fold, name_match_rank
    from teams.models import Person

    members = [m.user for m in members_of(user=user, room_id=room_id)]
    query = (query or "").strip().lstrip("@")[:MAX_QUERY]
    if not query:
        return [person(u) for u in members]
    words = query.replace(".", " ").replace("_", " ")
    folded = fold(query)
    found = []
    for member in members:
        rank = name_match_rank(words, member.first_name, member.last_name)
        if rank == 9 and fold(member.get_username()).startswith(folded):
            rank = 2
        if rank < 9:
            found.append((rank, member))
    if not found:
        return []
    from teams.name_search import team_mate_ids

    mates = set(Person.objects.filter(pk__in=team_mate_ids(user=user)).values_list("user_id", flat=True))
    found.sort(
        key=lambda rm: (rm[0], rm[1].pk not in mates, rm[1].last_name.lower(), rm[1].first_name.lower())
    )
    return [person(member) for _, member in found[:limit]]
