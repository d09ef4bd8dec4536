"""100 people register at once for 20 seats on PostgreSQL: exactly 20 confirmed, 80 waiting, promoted in order."""

import threading

import pytest
from django.db import connection

from events import registration
from events.models import EventIndexPage, Registration
from tests.events.conftest import publish_event
from tests.factories import AgencyFactory, UserFactory

# Real concurrency needs a database shared between threads (PostgreSQL; SQLite's test database is per connection).
pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PEOPLE = 100
SEATS = 20
# 25 threads (each its own connection) start together and register four people each: the server's
# connection limit is shared, and 25 writers already queue on the event's row lock.
THREADS = 25


def register_all_at_once(users, **where) -> list:
    """Register ``users`` from THREADS threads released together; returns the errors raised."""
    errors = []
    start = threading.Barrier(THREADS)

    def work(batch):
        try:
            start.wait()
            for user in batch:
                registration.register(user=user, **where)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(users[n::THREADS],)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_registrations_fill_exactly_the_seats_and_promote_in_order():
    index = EventIndexPage.objects.get(locale__language_code="fi")
    agency = AgencyFactory(slug="keha-kisa", kind="keha")
    event = publish_event(index, organiser=agency, registration_enabled=True, capacity=SEATS)
    users = [UserFactory(username=f"ilmoittautuja{n}") for n in range(PEOPLE)]
    assert register_all_at_once(users, event=event) == []
    rows = Registration.objects.filter(event=event)
    assert rows.filter(status=Registration.Status.CONFIRMED).count() == SEATS
    assert rows.filter(status=Registration.Status.WAITING).count() == PEOPLE - SEATS

    waiting_order = list(
        rows.filter(status=Registration.Status.WAITING)
        .order_by("registered_at", "pk")
        .values_list("user_id", flat=True)
    )
    confirmed = list(rows.filter(status=Registration.Status.CONFIRMED).select_related("user")[:3])
    for row in confirmed:
        registration.cancel(user=row.user, event=event)
    promoted = set(
        rows.filter(status=Registration.Status.CONFIRMED, user_id__in=waiting_order).values_list(
            "user_id", flat=True
        )
    )
    assert promoted == set(waiting_order[:3])
    assert rows.filter(status=Registration.Status.CONFIRMED).count() == SEATS


def test_concurrent_registrations_for_one_date_of_a_series_fill_its_seats_only():
    from events import recurrence

    index = EventIndexPage.objects.get(locale__language_code="fi")
    agency = AgencyFactory(slug="keha-sarja", kind="keha")
    event = publish_event(
        index, organiser=agency, registration_enabled=True, capacity=SEATS, recurrence="FREQ=WEEKLY;COUNT=3"
    )
    first, second, _third = (occurrence.key for occurrence in recurrence.occurrences(event))
    users = [UserFactory(username=f"sarja{n}") for n in range(PEOPLE)]
    early = UserFactory(username="sarja-toinen")
    registration.register(user=early, event=event, occurrence=first)  # another date's seat
    assert register_all_at_once(users, event=event, occurrence=second) == []
    rows = Registration.objects.filter(event=event, occurrence=second)
    assert rows.filter(status=Registration.Status.CONFIRMED).count() == SEATS
    assert rows.filter(status=Registration.Status.WAITING).count() == PEOPLE - SEATS
    assert Registration.objects.get(user=early).status == Registration.Status.CONFIRMED

    waiting_order = list(
        rows.filter(status=Registration.Status.WAITING)
        .order_by("registered_at", "pk")
        .values_list("user_id", flat=True)
    )
    (leaving,) = rows.filter(status=Registration.Status.CONFIRMED).select_related("user")[:1]
    registration.cancel(user=leaving.user, event=event, occurrence=second)
    assert rows.get(user_id=waiting_order[0]).status == Registration.Status.CONFIRMED
    assert rows.filter(status=Registration.Status.CONFIRMED).count() == SEATS
