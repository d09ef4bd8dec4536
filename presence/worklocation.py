"""Today's work location and the weekly plan (keyword-only services; views stay thin).

Today's value for a person is, in order: the row they set for today's date
(Europe/Helsinki), else their weekly plan for today's weekday (Monday–Friday),
else nothing. Dates are Helsinki dates, so at midnight there the value resets
by itself (tomorrow has no row yet); nothing has to run at midnight.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from presence.models import WorkLocationDay, WorkLocationPlan, WorkPlace
from teams.models import Location, Person

HELSINKI = ZoneInfo("Europe/Helsinki")
WEEKDAYS = range(5)  # Monday–Friday: the plan has no weekend defaults


def today(now: datetime.datetime | None = None) -> datetime.date:
    """Today's date in Helsinki (the date the agency works on, whatever the server's zone)."""
    return (now or timezone.now()).astimezone(HELSINKI).date()


@dataclass(frozen=True)
class Where:
    kind: str
    location: Location | None = None
    note: str = ""
    planned: bool = False  # from the weekly plan, not set for the day

    @property
    def label(self) -> str:
        if self.kind == WorkPlace.OFFICE and self.location is not None:
            return self.location.name
        return str(WorkPlace(self.kind).label)

    def as_frame(self) -> dict:
        """The JSON form in presence frames (docs/realtime.md)."""
        return {
            "kind": self.kind,
            "location": self.location.pk if self.location else None,
            "name": self.location.name_fi if self.location else "",
            "name_sv": (self.location.name_sv or self.location.name_fi) if self.location else "",
            "slug": self.location.slug if self.location else "",
            "note": self.note,
            "planned": self.planned,
        }


def where_today(*, person_ids, on: datetime.date | None = None) -> dict[int, Where]:
    """Today's work location of each person that has one (two queries, whatever the number)."""
    on = on or today()
    person_ids = list(person_ids)
    found: dict[int, Where] = {}
    if not person_ids:
        return found
    locations: dict[int, Location] = {}
    days = WorkLocationDay.objects.filter(person_id__in=person_ids, date=on)
    for person_id, kind, location, note in _rows(days, locations):
        found[person_id] = Where(kind, location, note)
    if on.weekday() in WEEKDAYS:
        missing = [pk for pk in person_ids if pk not in found]
        if missing:
            plans = WorkLocationPlan.objects.filter(person_id__in=missing, weekday=on.weekday())
            for person_id, kind, location, note in _rows(plans, locations):
                found[person_id] = Where(kind, location, note, planned=True)
    return found


# What a Where shows of its office (label, presence frames, links); other fields load if ever read.
_LOCATION_FIELDS = ("id", "name_fi", "name_sv", "slug")


def _rows(queryset, locations: dict):
    """(person id, kind, office, note) of each row, the office joined in the same query as tuples, one
    instance per office (a page of 48 people works in a handful of offices; a model instance per row and
    per office was a third of the directory page's CPU)."""
    columns = [f"location__{name}" for name in _LOCATION_FIELDS]
    for person_id, kind, note, *office in queryset.values_list("person_id", "kind", "note", *columns):
        location = None
        if office[0] is not None:
            location = locations.get(office[0])
            if location is None:
                location = locations[office[0]] = Location.from_db(queryset.db, _LOCATION_FIELDS, office)
        yield person_id, kind, location, note


def attach_where(people, on: datetime.date | None = None) -> list:
    """Set ``person.where_today`` (a Where or None) on each person of a page; two queries."""
    people = list(people)
    where = where_today(person_ids=[p.pk for p in people], on=on)
    for person in people:
        person.where_today = where.get(person.pk)
    return people


def _clean(kind: str, location: Location | None, note: str) -> tuple[str, Location | None, str]:
    if kind not in WorkPlace.values:
        raise ValidationError(_("Choose where you work."))
    if kind == WorkPlace.OFFICE and location is None:
        raise ValidationError(_("Choose the office."))
    if kind != WorkPlace.OFFICE:
        location = None
    note = (note or "").strip()
    if len(note) > 100:
        raise ValidationError(_("The note is limited to 100 characters."))
    return kind, location, note


def people_here(*, location: Location, on: datetime.date | None = None) -> QuerySet[Person]:
    """Active people whose work location today is this office (set for the day, or planned)."""
    on = on or today()
    day_here = WorkLocationDay.objects.filter(
        person=OuterRef("pk"), date=on, kind=WorkPlace.OFFICE, location=location
    )
    any_day = WorkLocationDay.objects.filter(person=OuterRef("pk"), date=on)
    condition = Exists(day_here)
    if on.weekday() in WEEKDAYS:
        planned_here = WorkLocationPlan.objects.filter(
            person=OuterRef("pk"), weekday=on.weekday(), kind=WorkPlace.OFFICE, location=location
        )
        condition = condition | (~Exists(any_day) & Exists(planned_here))
    return Person.objects.active().filter(condition)


@transaction.atomic
def set_today(
    *,
    person: Person,
    kind: str,
    location: Location | None = None,
    note: str = "",
    on: datetime.date | None = None,
) -> Where:
    """Set where ``person`` works today (replacing the plan for today); tells watchers live."""
    from presence import actions

    on = on or today()
    kind, location, note = _clean(kind, location, note)
    before = where_today(person_ids=[person.pk], on=on).get(person.pk)
    WorkLocationDay.objects.update_or_create(
        person=person, date=on, defaults={"kind": kind, "location": location, "note": note}
    )
    after = Where(kind, location, note)
    actions.work_location_changed(person=person, before=before, after=after)
    return after


@transaction.atomic
def clear_today(*, person: Person, on: datetime.date | None = None) -> Where | None:
    """Forget today's value: the weekly plan (or nothing) applies again."""
    from presence import actions

    on = on or today()
    before = where_today(person_ids=[person.pk], on=on).get(person.pk)
    WorkLocationDay.objects.filter(person=person, date=on).delete()
    after = where_today(person_ids=[person.pk], on=on).get(person.pk)
    actions.work_location_changed(person=person, before=before, after=after)
    return after


def weekly_plan(*, person: Person) -> dict[int, WorkLocationPlan]:
    return {plan.weekday: plan for plan in person.work_plan.select_related("location")}


@transaction.atomic
def set_weekly_plan(*, person: Person, days: dict[int, tuple[str, Location | None, str] | None]) -> None:
    """Replace the plan: ``days`` maps a weekday (0–4) to (kind, location, note), or None for no default."""
    from presence import actions

    on = today()
    before = where_today(person_ids=[person.pk], on=on).get(person.pk)
    for weekday, value in days.items():
        if weekday not in WEEKDAYS:
            raise ValidationError(_("The plan covers Monday to Friday."))
        if value is None or not value[0]:
            WorkLocationPlan.objects.filter(person=person, weekday=weekday).delete()
            continue
        kind, location, note = _clean(*value)
        WorkLocationPlan.objects.update_or_create(
            person=person, weekday=weekday, defaults={"kind": kind, "location": location, "note": note}
        )
    after = where_today(person_ids=[person.pk], on=on).get(person.pk)
    if before != after:
        actions.work_location_changed(person=person, before=before, after=after)
