""" "Why do I see this?": which groups gave a person which roles and memberships, and what follows.

Uses the same functions the news feed and the instruction library use to decide (news.services.reader_for
and supplements, instructions.access.audience_kinds_for), so the page cannot disagree with them.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from instructions.access import audience_kinds_for
from news.services import reader_for
from sso.models import Identity, role_group_choices
from sso.roles_map import STAFF
from sso.services import mappings_for
from teams.models import Agency, Location, Person, Team, Unit


@dataclass
class Line:
    label: str
    sources: list[str] = field(default_factory=list)


@dataclass
class Explanation:
    identity: Identity | None
    groups: list[Line]  # each IdP group: what it gives (empty sources: nothing in Taimi)
    roles: list[Line]
    organisation: list[Line]
    news: list[str]
    supplements: list[str]
    instructions: list[str]


def explain(*, user) -> Explanation:
    identity = Identity.objects.filter(user=user).first()
    rows = mappings_for(tenant_id=identity.tenant_id, groups=identity.groups) if identity else []
    by_group: dict[str, list] = {}
    for row in rows:
        by_group.setdefault(row.group_id, []).append(row)

    def group_label(group_id: str) -> str:
        names = {row.description for row in by_group.get(group_id, []) if row.description}
        return f"{', '.join(sorted(names))} ({group_id})" if names else group_id

    groups = [
        Line(group_label(group_id), [part for row in by_group.get(group_id, []) for part in row.grants()])
        for group_id in (identity.groups if identity else [])
    ]

    roles = []
    for group in user.groups.filter(role_group_choices()).order_by("name"):
        sources = [group_label(row.group_id) for row in rows if row.role_id == group.pk]
        if not sources:
            sources = [
                _("everyone signed in") if group.name == STAFF else _("given in Taimi by an administrator")
            ]
        roles.append(Line(group.name, sources))
    if user.is_superuser:
        roles.append(Line(_("Superuser"), [_("given in Taimi by an administrator")]))

    person = Person.objects.filter(user=user).select_related("agency", "unit", "home_location").first()
    organisation, news, supplements = [], [_("News for everyone")], []
    if person is not None:

        def from_groups(attribute: str, value_id) -> list[str]:
            found = [group_label(row.group_id) for row in rows if getattr(row, f"{attribute}_id") == value_id]
            return found or [_("recorded in Taimi")]

        organisation.append(
            Line(_("Agency: %(name)s") % {"name": person.agency}, from_groups("agency", person.agency_id))
        )
        if person.unit_id:
            organisation.append(
                Line(_("Unit: %(name)s") % {"name": person.unit}, from_groups("unit", person.unit_id))
            )
        reader = reader_for(user=user)
        for team in Team.objects.filter(pk__in=reader.team_ids).order_by("name"):
            organisation.append(Line(_("Team: %(name)s") % {"name": team}, from_groups("team", team.pk)))
        news += _news_lines(reader)
        supplements.append(
            _("Regional supplements of %(agency)s under national news") % {"agency": person.agency}
        )
    kinds = dict(Agency.Kind.choices)
    instructions = [_("Instructions for everyone")] + [
        _("Instructions offered to: %(kind)s") % {"kind": kinds.get(kind, kind)}
        for kind in audience_kinds_for(user)
    ]
    return Explanation(identity, groups, roles, organisation, news, supplements, instructions)


def _news_lines(reader) -> list[str]:
    lines = []
    if reader.agency_id:
        lines.append(_("News targeted to %(name)s") % {"name": Agency.objects.get(pk=reader.agency_id)})
    if reader.unit_id:
        lines.append(_("News targeted to %(name)s") % {"name": Unit.objects.get(pk=reader.unit_id)})
    if reader.location_id:
        lines.append(
            _("News targeted to the location %(name)s")
            % {"name": Location.objects.get(pk=reader.location_id)}
        )
    for team in Team.objects.filter(pk__in=reader.team_ids).order_by("name"):
        lines.append(_("News targeted to the team %(name)s") % {"name": team})
    return lines
