"""The live server (browser tests) and the test body use separate database connections.

With Django's shared in-memory SQLite database a live server started after the test database was
handed the test body's connection, and every request thread used it. When two used it at once (the
directory page's search calls a Python LIKE function inside SQLite, holding the connection's mutex
and waiting for the GIL, while another request binds query parameters holding the GIL and waiting
for the mutex) the threads deadlocked, and the browser test waiting for the page hung for good.
"""

import threading
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from pytest_django.live_server_helper import LiveServer

from teams.models import Person

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def server(django_db_serialized_rollback, transactional_db):
    """A live server started now, after the test database exists (the session's ``live_server`` may
    have started before it, which hides the sharing). With serialized rollback, as the browser tests: the
    flush after a plain transactional test re-runs post_migrate (the roles' groups), and the next test that
    restores the serialized database would then meet those groups twice."""
    server = LiveServer("localhost")
    yield server
    server.stop()


def test_live_server_has_its_own_connection(server):
    assert not server.thread.connections_override
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db()


def test_directory_search_and_other_requests_run_at_once(server, org, client):
    """The directory search (a Python LIKE function inside SQLite) beside a 404 page and the test body."""
    client.force_login(org.people["aino"].user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    statuses, errors = [], []

    def browse(path):
        for _ in range(20):
            request = urllib.request.Request(f"{server.url}{path}", headers={"Cookie": cookie})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    statuses.append(response.status)
                    response.read()
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)

    readers = [
        threading.Thread(target=browse, args=("/ihmiset/?q=virtanen",)),
        threading.Thread(target=browse, args=("/ei-tallaista-sivua/",)),
    ]
    for reader in readers:
        reader.start()
    found = set()
    while any(reader.is_alive() for reader in readers):
        found.add(Person.objects.filter(user__last_name__icontains="äijälä").count())
        time.sleep(0.001)
    for reader in readers:
        reader.join()
    assert not errors
    assert sorted(statuses) == [200] * 20 + [404] * 20
    assert found == {1}
