"""The connect path: a burst of sockets is authenticated and profiled in one database hop with a
fixed number of queries, and the bulk path refuses exactly what django.contrib.auth.get_user refuses."""

import asyncio
import datetime

import pytest
from channels.db import database_sync_to_async
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from presence.models import PresenceSetting, WorkLocationDay, WorkPlace
from presence.worklocation import today
from realtime import auth
from realtime.consumers import CLOSE_UNAUTHENTICATED
from realtime.models import Notification
from tests.factories import LocationFactory, MembershipFactory, PersonFactory, UserFactory
from tests.realtime.test_consumer import communicator, session_cookie_of


def session_key_of(user, backend="django.contrib.auth.backends.ModelBackend", auth_hash=None):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash() if auth_hash is None else auth_hash
    session.create()
    return session.session_key


def people(count):
    location = LocationFactory()
    out = []
    for n in range(count):
        person = PersonFactory(user=UserFactory(username=f"burst{n}"), home_location=location)
        MembershipFactory(person=person)
        MembershipFactory(person=person)
        Notification.objects.create(
            recipient=person.user, key=f"k{n}", kind=Notification.Kind.NEWS, title="t"
        )
        out.append(person)
    return out


@pytest.mark.django_db
def test_a_burst_costs_the_same_queries_as_one_socket():
    crowd = people(12)
    PresenceSetting.objects.create(user=crowd[3].user, manual="dnd")
    WorkLocationDay.objects.create(
        person=crowd[5], date=today(), kind=WorkPlace.OFFICE, location=crowd[5].home_location
    )
    keys = [session_key_of(person.user) for person in crowd]
    with CaptureQueriesContext(connection) as one:
        auth.authenticate_many(keys[:1])
    with CaptureQueriesContext(connection) as many:
        found = auth.authenticate_many(keys)
    assert len(many) == len(one) <= 9
    assert set(found) == set(keys)
    user, (profile, unread) = found[keys[5]]
    assert user == crowd[5].user and unread == 1
    assert profile.person_id == crowd[5].pk and len(profile.team_ids) == 2
    assert profile.extra["loc"] == crowd[5].home_location.pk
    assert found[keys[3]][1][0].extra["presence"]["manual"] == "dnd"
    assert found[keys[4]][1][0].extra["presence"]["manual"] == ""


@pytest.mark.django_db
def test_the_bulk_path_refuses_what_get_user_refuses():
    good, inactive, changed, other = (
        UserFactory(username=name) for name in ("good", "inactive", "changed", "other")
    )
    keys = {
        "good": session_key_of(good),
        "inactive": session_key_of(inactive),
        "changed": session_key_of(changed),
        "wrong hash": session_key_of(other, auth_hash="0" * 64),
        "no hash": session_key_of(other, auth_hash=""),
        "unknown backend": session_key_of(other, backend="some.other.Backend"),
        "expired": session_key_of(other),
        "unknown key": "x" * 32,
    }
    inactive.is_active = False
    inactive.save()
    changed.set_password("a new password 123")  # other sessions of this user end
    changed.save()
    Session.objects.filter(session_key=keys["expired"]).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    found = auth.authenticate_many(list(keys.values()))
    assert {name for name, key in keys.items() if key in found} == {"good"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_sockets_arriving_together_are_all_greeted_and_strangers_are_not():
    @database_sync_to_async
    def make():
        crowd = people(8)
        cookies = [session_cookie_of(person.user)[1] for person in crowd]
        stranger = UserFactory(username="stranger")
        forged = f"{settings.SESSION_COOKIE_NAME}={session_key_of(stranger, auth_hash='0' * 64)}"
        return crowd, cookies, forged

    crowd, cookies, forged = await make()
    sockets = [communicator(cookie) for cookie in cookies] + [communicator(forged)]
    results = await asyncio.gather(*(ws.connect() for ws in sockets))
    assert all(connected for connected, _ in results)
    hellos = await asyncio.gather(*(ws.receive_json_from() for ws in sockets[:-1]))
    assert [hello["user_id"] for hello in hellos] == [person.user_id for person in crowd]
    assert all(
        hello["unread_notifications"] == 1 and hello["presence"]["status"] == "online" for hello in hellos
    )
    assert await sockets[-1].receive_output() == {"type": "websocket.close", "code": CLOSE_UNAUTHENTICATED}
    for ws in sockets[:-1]:
        await ws.disconnect()
