"""People, teams and locations (teams app). Everyone may find them: audience "everyone"."""

from __future__ import annotations

from django.db.models import Prefetch

from search.adapters import Adapter
from search.engines.base import EVERYONE, SearchDocument


class PersonAdapter(Adapter):
    type = "person"

    def queryset(self):
        from teams.models import Person, TeamMembership

        return (
            Person.objects.filter(user__is_active=True)
            .select_related("user", "agency", "unit", "home_location")
            .prefetch_related("expertise", Prefetch("memberships", TeamMembership.objects.select_related("team")))
        )

    def to_documents(self, person) -> list[SearchDocument]:
        where = [x for x in [person.unit.name_fi if person.unit else "", person.agency.name_fi,
                             person.home_location.name_fi if person.home_location else ""] if x]
        expertise = [tag.name for tag in person.expertise.all()]
        teams = [m.team.name for m in person.memberships.all()]
        return [
            SearchDocument(
                key=f"person:{person.pk}",
                type="person",
                language="fi",
                title=person.full_name,
                url=person.get_absolute_url(),
                headings=person.title,
                lead=", ".join([person.title, *where]) if person.title else ", ".join(where),
                body="\n".join([", ".join(expertise), ", ".join(teams), person.user.username]),
                audience=(EVERYONE,),
                facets={"owner_unit": (person.unit.name_fi,) if person.unit else ()},
                extra={"job_title": person.title, "agency": person.agency.name_fi,
                       "photo": person.photo_thumbnail.url if person.photo_thumbnail else ""},
            )
        ]


class TeamAdapter(Adapter):
    type = "team"

    def queryset(self):
        from teams.models import Team

        return Team.objects.select_related("unit", "parent")

    def to_documents(self, team) -> list[SearchDocument]:
        return [
            SearchDocument(
                key=f"team:{team.pk}", type="team", language="fi", title=team.name, url=team.get_absolute_url(),
                lead=team.unit.name_fi if team.unit else "", body=team.description, audience=(EVERYONE,),
                facets={"owner_unit": (team.unit.name_fi,) if team.unit else ()},
            )
        ]


class LocationAdapter(Adapter):
    type = "location"

    def queryset(self):
        from teams.models import Location

        return Location.objects.all()

    def to_documents(self, location) -> list[SearchDocument]:
        return [
            SearchDocument(
                key=f"location:{location.pk}", type="location", language="fi", title=location.name_fi,
                url=location.get_absolute_url(), lead=" ".join(filter(None, [location.office_name, location.address])),
                body=location.name_sv, audience=(EVERYONE,),
            )
        ]
