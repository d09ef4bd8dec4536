"""Demo weekly plans and today's work locations for the demo people (idempotent; called by demo_data).

Each person gets a Monday–Friday plan (mostly their home office, a remote day
or two, now and then travelling), and about a fifth of them have set something
else for today, some with a note, so that location pages show "here today" and
the directory's "in the office today" filter has something to find.
"""

import random

from presence.models import WorkLocationDay, WorkLocationPlan, WorkPlace
from presence.worklocation import today
from teams.models import Location, Person

NOTES = ["", "", "", "iltapäivällä", "aamupäivän", "koulutuksessa", "asiakastapaaminen"]


def load_work_locations() -> int:
    """Create the plans and today's values that are missing; returns how many rows were created."""
    people = list(Person.objects.active().only("pk", "home_location_id").order_by("pk"))
    locations = list(Location.objects.values_list("pk", flat=True))
    planned = set(WorkLocationPlan.objects.values_list("person_id", flat=True).distinct())
    on = today()
    set_today = set(WorkLocationDay.objects.filter(date=on).values_list("person_id", flat=True))
    plans, days = [], []
    for person in people:
        rng = random.Random(person.pk)
        home = person.home_location_id
        if person.pk not in planned:
            remote_days = set(rng.sample(range(5), rng.choice([0, 1, 2, 2, 3])))
            for weekday in range(5):
                if weekday in remote_days or not home:
                    plans.append(WorkLocationPlan(person=person, weekday=weekday, kind=WorkPlace.REMOTE))
                elif rng.random() < 0.05:
                    plans.append(WorkLocationPlan(person=person, weekday=weekday, kind=WorkPlace.TRAVELLING))
                else:
                    plans.append(
                        WorkLocationPlan(
                            person=person, weekday=weekday, kind=WorkPlace.OFFICE, location_id=home
                        )
                    )
        day_rng = random.Random(f"{person.pk}:{on.isoformat()}")
        if person.pk not in set_today and day_rng.random() < 0.2 and locations:
            kind = day_rng.choice(
                [WorkPlace.OFFICE, WorkPlace.OFFICE, WorkPlace.REMOTE, WorkPlace.TRAVELLING, WorkPlace.ABSENT]
            )
            location = day_rng.choice(locations) if kind == WorkPlace.OFFICE else None
            days.append(
                WorkLocationDay(
                    person=person, date=on, kind=kind, location_id=location, note=day_rng.choice(NOTES)
                )
            )
    WorkLocationPlan.objects.bulk_create(plans, batch_size=1000, ignore_conflicts=True)
    WorkLocationDay.objects.bulk_create(days, batch_size=1000, ignore_conflicts=True)
    return len(plans) + len(days)
