"""The home page's cached "Upcoming events" block (events/fragments.py) is never stale nor another audience's:
a new or renamed event shows at the next request, also when another process made the change (the generation
token), a targeted event reaches its audience only, and an occurrence that ends leaves the block."""

import datetime
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

from events import fragments
from tests.events.conftest import HELSINKI, publish_event

pytestmark = pytest.mark.django_db


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_or_renamed_event_shows_at_once(client, org, events_index):
    aino = org.people["aino"].user
    publish_event(events_index, organiser=org.keha, title="Henkilöstöinfo syksy")
    assert "Henkilöstöinfo syksy" in _home(client, aino)  # now cached
    second = publish_event(events_index, organiser=org.keha, title="Kehityskeskustelupäivä")
    assert "Kehityskeskustelupäivä" in _home(client, aino)
    second.title = "Kehityskeskustelupäivä (siirretty)"
    second.save_revision().publish()
    assert "Kehityskeskustelupäivä (siirretty)" in _home(client, aino)
    second.unpublish()
    assert "Kehityskeskustelupäivä" not in _home(client, aino)


def test_a_targeted_event_reaches_its_audience_only(client, org, events_index):
    aino, liisa = org.people["aino"].user, org.people["liisa"].user  # KEHA, the ELY centre
    publish_event(events_index, organiser=org.keha, title="Kaikille avoin info")
    assert "Kaikille avoin info" in _home(client, aino)
    assert "Kaikille avoin info" in _home(client, liisa)  # both blocks cached now
    publish_event(events_index, organiser=org.ely, title="Pohjanmaan aamukahvit", agencies=[org.ely])
    assert "Pohjanmaan aamukahvit" in _home(client, liisa)
    assert "Pohjanmaan aamukahvit" not in _home(client, aino)
    # A team's event: aino is in the payroll team, liisa is not; her cached block must not be aino's.
    publish_event(events_index, organiser=org.keha, title="Palkkatiimin palaveri", teams=[org.payroll_team])
    assert "Palkkatiimin palaveri" in _home(client, aino)
    assert "Palkkatiimin palaveri" not in _home(client, liisa)


def test_an_occurrence_that_ends_leaves_the_block(client, org, events_index, rf):
    now = datetime.datetime.now(HELSINKI)
    soon = publish_event(
        events_index,
        organiser=org.keha,
        title="Lyhyt aamuinfo",
        start=now - datetime.timedelta(minutes=30),
        duration=datetime.timedelta(hours=1),
    )
    request = rf.get("/")
    request.user = org.people["aino"].user
    assert "Lyhyt aamuinfo" in fragments.home_block(request=request, now=now)
    later = soon.end + datetime.timedelta(minutes=1)  # same token, same day: only the time has passed
    assert "Lyhyt aamuinfo" not in fragments.home_block(request=request, now=later)


RENEW_IN_ANOTHER_PROCESS = """
import django
django.setup()
from events import fragments
fragments.renew()
"""


def test_the_token_renewed_by_another_process_is_seen_here(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "intranet.settings", "VAR_DIR": str(tmp_path)}
    env.pop("REDIS_URL", None)
    shared = {
        **settings.CACHES,
        "generations": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache" / "generations"),
        },
    }
    from core import generations

    with override_settings(CACHES=shared):
        before = generations.current(fragments.GENERATION_KEY)
        subprocess.run(
            [sys.executable, "-c", RENEW_IN_ANOTHER_PROCESS], env=env, check=True, cwd=settings.BASE_DIR
        )
        assert generations.current(fragments.GENERATION_KEY) != before
