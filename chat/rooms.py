"""Rooms and who is in them (keyword-only services; messages are in chat.messages).

Access rule, checked on every HTTP request and every websocket frame: only a
room's members read it, post to it or subscribe to it (:func:`require_member`).
Location and network rooms are open: anyone signed in may join them. Group
rooms are private: their owners add and remove members, rename and archive.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from chat import actions
from chat.errors import ChatError
from chat.models import Membership, Message, Room

User = get_user_model()

# Group and network rooms: long enough for "Maksatus – palkkatuki, Vaasa ja Seinäjoki".
MAX_ROOM_NAME = 120


# --- Access ----------------------------------------------------------------------------------


def require_member(*, user, room_id) -> Membership:
    """The user's membership of the room (with the room), or ChatError("not_member") – also for rooms that do not exist,
    so that nobody learns which room ids exist."""
    try:
        room_id = int(room_id)
    except (TypeError, ValueError):
        raise ChatError("invalid_room", _("Unknown room.")) from None
    membership = (
        Membership.objects.select_related("room").filter(room_id=room_id, user_id=user.pk).first()
        if user.is_authenticated
        else None
    )
    if membership is None:
        raise ChatError("not_member", _("You are not a member of this room."), status=403)
    return membership


def require_owner(*, user, room_id) -> Membership:
    membership = require_member(user=user, room_id=room_id)
    if membership.role != Membership.Role.OWNER and not user.is_superuser:
        raise ChatError("not_owner", _("Only the room's owners can do that."), status=403)
    return membership


def member_room_ids(*, user, room_ids) -> set[int]:
    """Which of these rooms the user belongs to (one query)."""
    return set(
        Membership.objects.filter(user_id=user.pk, room_id__in=list(room_ids)).values_list(
            "room_id", flat=True
        )
    )


def member_count(*, room_id: int) -> int:
    return Membership.objects.filter(room_id=room_id).count()


# --- The room list -----------------------------------------------------------------------------


def memberships_for(*, user):
    """The user's rooms with their unread counts, most recently active first (one query).

    unread = messages after the read marker, not deleted and not the user's own.
    For a direct room, ``partner_*`` are the other person.
    """
    unread = (
        Message.objects.filter(
            room=OuterRef("room"), seq__gt=OuterRef("last_read_seq"), deleted_at__isnull=True
        )
        .exclude(author_id=user.pk)
        .order_by()
        .values("room")
        .annotate(n=Count("pk"))
        .values("n")
    )
    partner = Membership.objects.filter(room=OuterRef("room")).exclude(user_id=user.pk).order_by("pk")
    return (
        Membership.objects.filter(user_id=user.pk, room__archived_at__isnull=True)
        .select_related("room", "room__team", "room__location")
        .annotate(
            unread=Coalesce(Subquery(unread[:1]), Value(0)),
            partner_username=Subquery(partner.values("user__username")[:1]),
            partner_first=Subquery(partner.values("user__first_name")[:1]),
            partner_last=Subquery(partner.values("user__last_name")[:1]),
            partner_id=Subquery(partner.values("user_id")[:1]),
        )
        .order_by(F("room__last_message_at").desc(nulls_last=True), "room__name")
    )


def room_title(membership) -> str:
    """What the room is called for this member: the partner's name for a direct room."""
    room = membership.room
    if room.kind == Room.Kind.DIRECT:
        name = f"{getattr(membership, 'partner_first', '') or ''} {getattr(membership, 'partner_last', '') or ''}"
        return name.strip() or getattr(membership, "partner_username", "") or _("Direct message")
    if room.kind == Room.Kind.TEAM and room.team_id:
        return room.team.name
    if room.kind == Room.Kind.LOCATION and room.location_id:
        return room.location.name
    return room.name


def plain_title(room) -> str:
    """A room's name without a reader (search results): the team's or town's name, or "Direct message"."""
    if room.kind == Room.Kind.TEAM and room.team_id:
        return room.team.name
    if room.kind == Room.Kind.LOCATION and room.location_id:
        return room.location.name
    return room.name or _("Direct message")


def unread_total(*, user) -> int:
    """Unread messages over all the user's rooms (one query): the header badge and the page title."""
    return (
        Message.objects.filter(
            room__memberships__user_id=user.pk,
            room__archived_at__isnull=True,
            seq__gt=F("room__memberships__last_read_seq"),
            deleted_at__isnull=True,
        )
        .exclude(author_id=user.pk)
        .count()
    )


def open_rooms(*, user):
    """Location and network rooms the user could join (not yet a member)."""
    return (
        Room.objects.filter(kind__in=[Room.Kind.LOCATION, Room.Kind.NETWORK], archived_at__isnull=True)
        .exclude(memberships__user_id=user.pk)
        .select_related("location")
        .order_by("kind", "name")
    )


# --- Organisation rooms (kept in step by chat.signals) ------------------------------


def ensure_team_room(*, team) -> Room:
    room, created = Room.objects.get_or_create(
        team=team, defaults={"kind": Room.Kind.TEAM, "name": team.name[:120]}
    )
    if not created and room.name != team.name[:120]:
        Room.objects.filter(pk=room.pk).update(name=team.name[:120])
    if created:
        user_ids = team.memberships.values_list("person__user_id", flat=True)
        Membership.objects.bulk_create(
            [Membership(room=room, user_id=uid, source=Membership.Source.TEAM) for uid in user_ids],
            ignore_conflicts=True,
        )
    return room


def ensure_location_room(*, location) -> Room:
    room, created = Room.objects.get_or_create(
        location=location, defaults={"kind": Room.Kind.LOCATION, "name": location.name_fi}
    )
    if created:
        user_ids = location.people.values_list("user_id", flat=True)
        Membership.objects.bulk_create(
            [Membership(room=room, user_id=uid, source=Membership.Source.LOCATION) for uid in user_ids],
            ignore_conflicts=True,
        )
    return room


def sync_team_member(*, team_id: int, person_id: int) -> None:
    """Mirror one (team, person) pair: a member of the team is in its room; a former member leaves it
    (only when the team put them there)."""
    from teams.models import Person, TeamMembership

    room = Room.objects.filter(team_id=team_id).first()
    user_id = Person.objects.filter(pk=person_id).values_list("user_id", flat=True).first()
    if room is None or user_id is None:
        return
    if TeamMembership.objects.filter(team_id=team_id, person_id=person_id).exists():
        _, created = Membership.objects.get_or_create(
            room=room, user_id=user_id, defaults={"source": Membership.Source.TEAM}
        )
        if created:
            actions.chat_membership_changed(room=room, user_id=user_id, joined=True)
    else:
        deleted, _ = Membership.objects.filter(
            room=room, user_id=user_id, source=Membership.Source.TEAM
        ).delete()
        if deleted:
            actions.chat_membership_changed(room=room, user_id=user_id, joined=False)


def sync_location_member(*, person) -> None:
    """The person is in their home location's room, and in no other location room because of a home location."""
    stale = Membership.objects.filter(
        user_id=person.user_id, source=Membership.Source.LOCATION, room__kind=Room.Kind.LOCATION
    )
    if person.home_location_id:
        stale = stale.exclude(room__location_id=person.home_location_id)
    for membership in stale.select_related("room"):
        membership.delete()
        actions.chat_membership_changed(room=membership.room, user_id=person.user_id, joined=False)
    if person.home_location_id:
        room = Room.objects.filter(location_id=person.home_location_id).first()
        if room is not None:
            _, created = Membership.objects.get_or_create(
                room=room, user_id=person.user_id, defaults={"source": Membership.Source.LOCATION}
            )
            if created:
                actions.chat_membership_changed(room=room, user_id=person.user_id, joined=True)


def sync_all_rooms() -> dict:
    """Bring every team and location room in step with the organisation, in bulk (after data loaded without
    signals, e.g. the demo, or as a repair): missing rooms created, missing members added, members the team or
    home location no longer explains removed. Idempotent; returns counts."""
    from teams.models import Location, Person, Team, TeamMembership

    created_rooms = 0
    for team in Team.objects.filter(chat_room__isnull=True):
        Room.objects.create(kind=Room.Kind.TEAM, team=team, name=team.name[:120])
        created_rooms += 1
    for location in Location.objects.filter(chat_room__isnull=True):
        Room.objects.create(kind=Room.Kind.LOCATION, location=location, name=location.name_fi)
        created_rooms += 1
    team_rooms = dict(Room.objects.filter(team__isnull=False).values_list("team_id", "pk"))
    location_rooms = dict(Room.objects.filter(location__isnull=False).values_list("location_id", "pk"))
    wanted = {
        Membership.Source.TEAM: {
            (team_rooms[t], u) for t, u in TeamMembership.objects.values_list("team_id", "person__user_id")
        },
        Membership.Source.LOCATION: {
            (location_rooms[loc], u)
            for loc, u in Person.objects.filter(home_location__isnull=False).values_list(
                "home_location_id", "user_id"
            )
        },
    }
    added = removed = 0
    for source, pairs in wanted.items():
        present = set(Membership.objects.filter(room__kind=source).values_list("room_id", "user_id"))
        missing = [Membership(room_id=r, user_id=u, source=source) for r, u in pairs - present]
        Membership.objects.bulk_create(missing, batch_size=1000, ignore_conflicts=True)
        added += len(missing)
        stale = (
            set(Membership.objects.filter(room__kind=source, source=source).values_list("room_id", "user_id"))
            - pairs
        )
        for room_id, user_id in stale:
            removed += Membership.objects.filter(room_id=room_id, user_id=user_id, source=source).delete()[0]
    return {"rooms": created_rooms, "added": added, "removed": removed}


# --- Rooms people make ---------------------------------------------------------------------------


def _clean_name(name) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise ChatError("invalid_name", _("Give the room a name."))
    if len(name) > MAX_ROOM_NAME:
        raise ChatError(
            "invalid_name", _("A room name can be at most %(max)d characters.") % {"max": MAX_ROOM_NAME}
        )
    return name


@transaction.atomic
def create_room(*, user, name, kind=Room.Kind.GROUP, member_ids=(), topic="") -> Room:
    """A group room (private) or a network room (open, crosses agencies); the creator owns it."""
    if kind not in (Room.Kind.GROUP, Room.Kind.NETWORK):
        raise ChatError("invalid_kind", _("Only group and network rooms can be created."))
    room = Room.objects.create(
        kind=kind, name=_clean_name(name), topic=str(topic or "")[:300], created_by=user
    )
    Membership.objects.create(room=room, user=user, role=Membership.Role.OWNER)
    ids = set(User.objects.filter(pk__in=list(member_ids), is_active=True).values_list("pk", flat=True)) - {
        user.pk
    }
    Membership.objects.bulk_create([Membership(room=room, user_id=uid) for uid in ids], ignore_conflicts=True)
    return room


def direct_room(*, user, other_id) -> Room:
    """The direct conversation between the user and one other active person, created on first use."""
    other = User.objects.filter(pk=other_id, is_active=True).first()
    if other is None or other.pk == user.pk:
        raise ChatError("invalid_user", _("Choose another person to write to."))
    key = f"{min(user.pk, other.pk)}:{max(user.pk, other.pk)}"
    room = Room.objects.filter(direct_key=key).first()
    if room is not None:
        return room
    try:
        with transaction.atomic():
            room = Room.objects.create(kind=Room.Kind.DIRECT, direct_key=key, created_by=user)
            Membership.objects.bulk_create(
                [Membership(room=room, user_id=user.pk), Membership(room=room, user_id=other.pk)]
            )
    except IntegrityError:  # both opened the conversation at the same moment
        room = Room.objects.get(direct_key=key)
    return room


def add_member(*, user, room_id, member_id) -> Membership:
    room = require_owner(user=user, room_id=room_id).room
    if room.kind not in (Room.Kind.GROUP, Room.Kind.NETWORK):
        raise ChatError(
            "invalid_kind", _("Members of team, location and direct rooms follow the organisation.")
        )
    if not User.objects.filter(pk=member_id, is_active=True).exists():
        raise ChatError("invalid_user", _("No such person."))
    membership, created = Membership.objects.get_or_create(room=room, user_id=member_id)
    if created:
        actions.chat_membership_changed(room=room, user_id=int(member_id), joined=True)
    return membership


def remove_member(*, user, room_id, member_id) -> None:
    room = require_owner(user=user, room_id=room_id).room
    if room.kind not in (Room.Kind.GROUP, Room.Kind.NETWORK):
        raise ChatError(
            "invalid_kind", _("Members of team, location and direct rooms follow the organisation.")
        )
    deleted, _count = Membership.objects.filter(room=room, user_id=member_id).delete()
    if deleted:
        actions.chat_membership_changed(room=room, user_id=int(member_id), joined=False)


def join(*, user, room_id) -> Membership:
    room = Room.objects.filter(pk=room_id, archived_at__isnull=True).first()
    if room is None or not room.is_open:
        raise ChatError("not_open", _("This room is open to its members only."), status=403)
    membership, created = Membership.objects.get_or_create(room=room, user_id=user.pk)
    if created:
        actions.chat_membership_changed(room=room, user_id=user.pk, joined=True)
    return membership


def leave(*, user, room_id) -> None:
    membership = require_member(user=user, room_id=room_id)
    if membership.source != Membership.Source.MANUAL or membership.room.kind == Room.Kind.DIRECT:
        raise ChatError("cannot_leave", _("You are in this room because of your team or home location."))
    membership.delete()
    actions.chat_membership_changed(room=membership.room, user_id=user.pk, joined=False)


def rename(*, user, room_id, name, topic=None) -> Room:
    room = require_owner(user=user, room_id=room_id).room
    if room.kind not in (Room.Kind.GROUP, Room.Kind.NETWORK):
        raise ChatError("invalid_kind", _("Team and location rooms take the team's or town's name."))
    room.name = _clean_name(name)
    if topic is not None:
        room.topic = str(topic)[:300]
    room.save(update_fields=["name", "topic"])
    actions.chat_room_changed(room=room)
    return room


def archive(*, user, room_id) -> Room:
    room = require_owner(user=user, room_id=room_id).room
    if room.kind not in (Room.Kind.GROUP, Room.Kind.NETWORK):
        raise ChatError("invalid_kind", _("Only group and network rooms can be archived."))
    room.archived_at = timezone.now()
    room.save(update_fields=["archived_at"])
    actions.chat_room_changed(room=room)
    return room


def members_of(*, user, room_id):
    """The members of a room the user belongs to, for the member list and @mention suggestions."""
    require_member(user=user, room_id=room_id)
    return (
        Membership.objects.filter(room_id=room_id, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
