"""Sign-in with a work account: find or link the user, update them from the claims, apply the mapping.

Views and the authentication backend call these keyword-only functions; nothing here talks HTTP.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sso.models import GroupMapping, Identity, role_group_choices
from sso.roles_map import STAFF
from teams.models import Agency, Person, Team, TeamMembership

log = logging.getLogger(__name__)


def mappings_for(*, tenant_id: str, groups: list[str]):
    """The mapping rows that apply to these groups of this tenant, in a fixed order."""
    return list(
        GroupMapping.objects.filter(group_id__in=groups)
        .filter(Q(tenant_id="") | Q(tenant_id=tenant_id))
        .select_related("role", "agency", "unit__agency", "team")
        .order_by("description", "group_id", "pk")
    )


@transaction.atomic
def sign_in(*, claims: dict, groups: list[str], groups_source: str):
    """The user of this work account, linked on first sign-in, updated from the claims and groups."""
    tenant_id, object_id = claims["tid"], claims["oid"]
    identity = (
        Identity.objects.select_related("user").filter(tenant_id=tenant_id, object_id=object_id).first()
    )
    if identity is None:
        user = _link_or_create_user(claims=claims)
        identity = Identity.objects.create(user=user, tenant_id=tenant_id, object_id=object_id)
    user = identity.user
    _update_user(user=user, claims=claims)
    identity.username = claims.get("preferred_username", "")[:254]
    identity.groups = sorted(groups)
    identity.groups_source = groups_source
    identity.last_sign_in = timezone.now()
    identity.save()
    apply_mapping(user=user, tenant_id=tenant_id, groups=groups, claims=claims)
    return user


def _email_of(claims: dict) -> str:
    return (claims.get("email") or claims.get("preferred_username") or "").strip()


def _link_or_create_user(*, claims: dict):
    """First sign-in: the unlinked user with this e-mail address, else a new user."""
    User = get_user_model()
    email = _email_of(claims)
    if email:
        candidates = list(User.objects.filter(email__iexact=email, sso_identity__isnull=True)[:2])
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            log.warning(
                "SSO: %d unlinked users share the e-mail %s; creating a new user", len(candidates), email
            )
    base = (claims.get("preferred_username") or email or claims["oid"]).split("@")[0][:140] or claims["oid"]
    username, suffix = base, 1
    while User.objects.filter(username=username).exists():
        suffix += 1
        username = f"{base}{suffix}"
    user = User(username=username, email=email)
    user.set_unusable_password()
    user.save()
    return user


def _update_user(*, user, claims: dict) -> None:
    changed = []
    for field, claim in (("first_name", "given_name"), ("last_name", "family_name")):
        value = (claims.get(claim) or "")[:150]
        if value and getattr(user, field) != value:
            setattr(user, field, value)
            changed.append(field)
    email = _email_of(claims)
    if email and user.email != email:
        user.email = email
        changed.append("email")
    if changed:
        user.save(update_fields=changed)


def apply_mapping(*, user, tenant_id: str, groups: list[str], claims: dict | None = None) -> None:
    """Roles and organisation exactly as the mapping gives them for these groups.

    Roles: Staff for everyone, plus each mapped role; other Taimi roles are removed.
    Agency and unit: the first mapped one, else the tenant's default agency, else as they were;
    the unit is emptied when units are mapped for the tenant but none of the groups gives one.
    Teams: memberships of teams named in the mapping follow the groups; other teams are left alone.
    """
    rows = mappings_for(tenant_id=tenant_id, groups=groups)
    _apply_roles(user=user, rows=rows)
    _apply_organisation(user=user, tenant_id=tenant_id, rows=rows, claims=claims or {})


def _apply_roles(*, user, rows) -> None:
    wanted = {Group.objects.get(name=STAFF)} | {row.role for row in rows if row.role_id}
    current = set(user.groups.filter(role_group_choices()))
    # Only real changes touch the groups: a change closes the user's open sockets.
    if current - wanted:
        user.groups.remove(*(current - wanted))
    if wanted - current:
        user.groups.add(*(wanted - current))


def _apply_organisation(*, user, tenant_id: str, rows, claims: dict) -> None:
    person = Person.objects.filter(user=user).first()
    agency = next((row.agency for row in rows if row.agency_id), None)
    unit = next((row.unit for row in rows if row.unit_id), None)
    if agency is None and unit is not None:
        agency = unit.agency
    if agency is None:
        slug = settings.SSO_TENANT_AGENCIES.get(tenant_id)
        agency = Agency.objects.filter(slug=slug).first() if slug else None
    if person is None:
        if agency is None:
            return  # no organisation known: the user reads what is for everyone
        person = Person(user=user, agency=agency)
    changed = person.pk is None
    if agency is not None and person.agency_id != agency.pk:
        person.agency, changed = agency, True
    units_mapped = GroupMapping.objects.filter(
        Q(tenant_id="") | Q(tenant_id=tenant_id), unit__isnull=False
    ).exists()
    if units_mapped and person.unit_id != (unit.pk if unit else None):
        person.unit, changed = unit, True
    title = (claims.get("jobTitle") or "")[:200]
    if title and person.title != title:
        person.title, changed = title, True
    phone = (claims.get("phone") or "").strip()
    if phone and person.phone != phone:
        try:
            Person._meta.get_field("phone").run_validators(phone)
            person.phone, changed = phone, True
        except ValidationError:
            log.warning("SSO: phone claim %r of %s is not a phone number; kept %r", phone, user, person.phone)
    if changed:
        person.save()
    managed = set(GroupMapping.objects.filter(team__isnull=False).values_list("team_id", flat=True))
    wanted = {row.team_id for row in rows if row.team_id}
    have = set(
        TeamMembership.objects.filter(person=person, team_id__in=managed).values_list("team_id", flat=True)
    )
    if have - wanted:
        for membership in TeamMembership.objects.filter(person=person, team_id__in=have - wanted):
            membership.delete()  # one by one: the search outbox and signals see each change
    for team in Team.objects.filter(pk__in=wanted - have):
        TeamMembership.objects.create(person=person, team=team)
