"""People, teams and locations (teams app). Everyone may find them: audience "everyone"."""

from __future__ import annotations

from collections import defaultdict

from search.adapters import Adapter
from search.adapters.urls import reverse_template
from search.engines.base import EVERYONE, SearchDocument


class PersonAdapter(Adapter):
    type = "person"

    def fallback_people(self, *, text: str):
        from teams.services import search_people

        return search_people(query=text)

    def queryset(self):
        from teams.models import Person

        return Person.objects.filter(user__is_active=True).select_related(
            "user", "agency", "unit", "home_location"
        )

    def prepare(self, people: list) -> None:
        """Expertise, team names and profile URLs of the whole batch: two queries, one URL reversal.

        (taggit's prefetch builds a queryset per person; a membership prefetch builds a model per row:
        values are all a document needs.)"""
        from teams.models import TaggedExpertise, TeamMembership

        ids = [person.pk for person in people]
        self._expertise: dict[int, list[str]] = defaultdict(list)
        for person_id, name in (
            TaggedExpertise.objects.filter(content_object_id__in=ids)
            .order_by("pk")
            .values_list("content_object_id", "tag__name")
        ):
            self._expertise[person_id].append(name)
        self._teams: dict[int, list[str]] = defaultdict(list)
        for person_id, name in TeamMembership.objects.filter(person_id__in=ids).values_list(
            "person_id", "team__name"
        ):
            self._teams[person_id].append(name)
        self._url = reverse_template("teams:person", "username")

    def to_documents(self, person) -> list[SearchDocument]:
        if not hasattr(self, "_url"):
            self.prepare([person])
        where = [
            x
            for x in [
                person.unit.name_fi if person.unit else "",
                person.agency.name_fi,
                person.home_location.name_fi if person.home_location else "",
            ]
            if x
        ]
        expertise = self._expertise.get(person.pk, [])
        teams = self._teams.get(person.pk, [])
        return [
            SearchDocument(
                key=f"person:{person.pk}",
                type="person",
                language="fi",
                title=person.full_name,
                url=self._url(person.user.get_username()),
                headings=person.title,
                lead=", ".join([person.title, *where]) if person.title else ", ".join(where),
                body="\n".join([", ".join(expertise), ", ".join(teams), person.user.username]),
                audience=(EVERYONE,),
                facets={"owner_unit": (person.unit.name_fi,) if person.unit else ()},
                extra={
                    "job_title": person.title,
                    "agency": person.agency.name_fi,
                    "photo": person.photo_thumbnail.url if person.photo_thumbnail else "",
                },
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
                key=f"team:{team.pk}",
                type="team",
                language="fi",
                title=team.name,
                url=team.get_absolute_url(),
                lead=team.unit.name_fi if team.unit else "",
                body=team.description,
                audience=(EVERYONE,),
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
                key=f"location:{location.pk}",
                type="location",
                language="fi",
                title=location.name_fi,
                url=location.get_absolute_url(),
                lead=" ".join(filter(None, [location.office_name, location.address])),
                body=location.name_sv,
                audience=(EVERYONE,),
            )
        ]
