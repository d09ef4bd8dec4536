"""Demo events: a year of staff infos, development days, webinars, supervisor forums, trainings and unit
meetings around today, with registrations, waiting lists and hybrid viewing rooms (docs/events.md).

Idempotent (nothing is created when the events section already has events) and quick: about twenty
pages, recurring ones as one page with a rule; registrations are bulk-inserted.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@dataclass
class Result:
    created: int = 0
    registrations: int = 0


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=HELSINKI)


def load_events(progress=None) -> Result:
    from events import recurrence
    from events.models import EventIndexPage, EventKind, EventPage, Registration, ViewingRoom
    from events.setup import ensure_sections
    from teams.models import Agency, Location, Person, Unit

    result = Result()
    ensure_sections()
    index = EventIndexPage.objects.filter(locale__language_code="fi").first()
    if index is None or EventPage.objects.exists():
        return result
    kinds = {kind.slug: kind for kind in EventKind.objects.all()}
    keha = Agency.objects.filter(kind=Agency.Kind.KEHA).order_by("pk").first()
    regional = list(Agency.objects.exclude(kind=Agency.Kind.KEHA).order_by("slug")[:3])
    offices = list(Location.objects.order_by("slug")[:6])
    unit = Unit.objects.order_by("slug").first()
    today = timezone.localdate()
    first_of_year = today.replace(day=1) - datetime.timedelta(days=180)
    link = "https://teams.microsoft.example/l/meetup-join/taimi-demo"

    def tuesday_after(day):
        return day + datetime.timedelta(days=(1 - day.weekday()) % 7)

    specs = [
        dict(
            title="Henkilöstöinfo",
            kind="henkilostoinfo",
            start=_at(tuesday_after(first_of_year), 9),
            hours=1,
            recurrence="FREQ=MONTHLY;BYDAY=1TU;COUNT=12",
            format="online",
            compulsory=True,
            registration_enabled=False,
            recording_url="https://video.example/henkilostoinfo",
        ),
        dict(
            title="Esihenkilöfoorumi",
            kind="esihenkilofoorumi",
            start=_at(tuesday_after(first_of_year + datetime.timedelta(days=14)), 13),
            hours=2,
            recurrence="FREQ=MONTHLY;INTERVAL=3;BYDAY=3WE;COUNT=4",
            format="hybrid",
            registration_enabled=True,
            capacity=40,
            rooms=3,
        ),
        dict(
            title="KEHA-keskuksen kehittämispäivä",
            kind="kehittamispaiva",
            start=_at(today + datetime.timedelta(days=45), 9),
            hours=7,
            format="hybrid",
            registration_enabled=True,
            capacity=12,
            rooms=4,
            questions="Ruokavalio\nSaavutettavuustarpeet",
            waiting=True,
        ),
        dict(
            title="Kevään kehittämispäivä",
            kind="kehittamispaiva",
            start=_at(today - datetime.timedelta(days=120), 9),
            hours=7,
            format="onsite",
            registration_enabled=True,
            capacity=30,
            materials="<p>Esitysmateriaalit intranetin asiakirjoissa.</p>",
        ),
    ]
    for number, topic in enumerate(
        [
            "Taimi-intranetin uudet ominaisuudet",
            "Tietoturva etätyössä",
            "Saavutettava viestintä",
            "Palkkatuen maksatus",
            "Asiakirjahallinta",
            "Hybridikokoukset sujuviksi",
        ]
    ):
        specs.append(
            dict(
                title=f"Webinaari: {topic}",
                kind="webinaari",
                start=_at(today + datetime.timedelta(days=30 * number - 75), 14),
                hours=1,
                format="online",
                registration_enabled=True,
                capacity=100,
            )
        )
    for number, topic in enumerate(
        ["Uuden työntekijän perehdytys", "Excel-koulutus", "Esihenkilön työoikeus", "Ensiapukurssi"]
    ):
        specs.append(
            dict(
                title=f"TE-akatemia: {topic}",
                kind="koulutus",
                start=_at(today + datetime.timedelta(days=40 * number - 50), 9),
                hours=3,
                format="onsite",
                registration_enabled=True,
                capacity=8,
                waiting=number % 2 == 1,
            )
        )
    specs.append(
        dict(
            title="Yksikköpalaveri",
            kind="yksikkopalaveri",
            start=_at(today - datetime.timedelta(days=today.weekday()) - datetime.timedelta(days=90), 10),
            hours=1,
            recurrence="FREQ=WEEKLY;BYDAY=MO;COUNT=52",
            format="online",
            registration_enabled=False,
            unit=True,
        )
    )
    people = list(Person.objects.filter(user__is_active=True).select_related("user").order_by("pk")[:120])
    registrations = []
    for number, spec in enumerate(specs):
        hours = spec.pop("hours")
        room_count = spec.pop("rooms", 0)
        waiting = spec.pop("waiting", False)
        organiser_unit = unit if spec.pop("unit", False) else None
        agency = regional[number % len(regional)] if number % 4 == 3 and regional else keha
        event = EventPage(
            slug=f"demo-{number + 1}",
            lead=f"{spec['title']} – tervetuloa!",
            body="<p>Ohjelma ja lisätiedot päivitetään tälle sivulle.</p>",
            kind=kinds[spec.pop("kind")],
            organiser_agency=agency,
            organiser_unit=organiser_unit,
            end=spec["start"] + datetime.timedelta(hours=hours),
            online_url=link if spec.get("format") in ("online", "hybrid") else "",
            **spec,
        )
        event.locations = offices[:1] if event.format != "online" else []
        if organiser_unit is not None:
            event.audience_units = [organiser_unit]
        index.add_child(instance=event)
        for location in offices[:room_count]:
            ViewingRoom.objects.create(event=event, location=location, capacity=6)
        event.save_revision().publish()
        result.created += 1
        if not event.registration_enabled:
            continue
        rooms = list(ViewingRoom.objects.filter(event=event))
        # A series' registrations are for one date: the next one (or the last, when the series is over).
        key = ""
        if event.recurrence:
            found = (
                recurrence.next_occurrence(event, now=timezone.now(), changes=[])
                or (recurrence.occurrences(event, changes=[])[-1])
            )
            key = found.key
        wanted = (event.capacity or 10) + (6 if waiting else -3)
        confirmed_online = 0
        for position, person in enumerate(people[: max(wanted, 0)]):
            room = rooms[position % len(rooms)] if rooms and position % 2 else None
            if room is None:
                status = "confirmed" if confirmed_online < (event.capacity or wanted) else "waiting"
                confirmed_online += status == "confirmed"
            else:
                status = "confirmed"
            registrations.append(
                Registration(
                    event=event,
                    user=person.user,
                    occurrence=key,
                    status=status,
                    room=room,
                    registered_at=event.start - datetime.timedelta(days=20, minutes=-position),
                    confirmed_at=event.start - datetime.timedelta(days=20) if status == "confirmed" else None,
                    attended=(position % 5 != 0)
                    if event.end < timezone.now() and status == "confirmed"
                    else None,
                    confirmation_sent=True,
                    answers={"Ruokavalio": "kasvis"} if event.questions and position % 4 == 0 else {},
                )
            )
        if progress:
            progress("events", number + 1, len(specs))
    # Room seats: at most the room's capacity confirmed; the rest wait.
    taken: dict = {}
    for registration in registrations:
        if registration.room is not None:
            key = registration.room.pk
            taken[key] = taken.get(key, 0) + 1
            if taken[key] > registration.room.capacity:
                registration.status = "waiting"
                registration.confirmed_at = None
                registration.attended = None
    Registration.objects.bulk_create(registrations, batch_size=500)
    result.registrations = len(registrations)
    return result
