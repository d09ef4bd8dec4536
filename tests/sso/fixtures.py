"""The local identity provider (a real process) and SSO settings pointing at it.

Test modules import these fixtures by name (``from tests.sso.fixtures import idp, sso_on``), so the
browser and websocket tests in other packages can use them too.
"""

import json
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from django.contrib.auth.models import Group

from core import roles
from sso.env import sso_settings
from sso.models import GroupMapping
from tests.factories import AgencyFactory, PersonFactory, UserFactory

USERS = json.loads((Path(__file__).resolve().parents[2] / "sso/local_provider/users.json").read_text())
KEHA_TENANT = USERS["tenant"]
PILOT_TENANT = next(user["tid"] for user in USERS["users"] if user["username"] == "kuntakokeilu")
GROUP_IDS = {name: group_id for group_id, name in USERS["groups"].items()}
CLIENT_ID, CLIENT_SECRET = "taimi-test", "test-secret-not-for-production"
PASSWORD = "Taimi-demo-2026"


def _free_port() -> int:
    for port in range(8130, 8140):  # this project's ports for the provider on a shared machine
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LocalIdP:
    url: str

    def reset(self) -> None:
        requests.post(f"{self.url}/admin/reset", timeout=5).raise_for_status()

    def set_user(self, username: str, **fields) -> None:
        requests.post(f"{self.url}/admin/users/{username}", json=fields, timeout=5).raise_for_status()

    def fault(self, name: str | None) -> None:
        requests.post(f"{self.url}/admin/fault", json={"fault": name}, timeout=5).raise_for_status()

    def signed_in(self) -> list[str]:
        return requests.get(f"{self.url}/admin/state", timeout=5).json()["sessions"]

    def environment(self) -> dict:
        return {
            "SSO_AUTHORITY": self.url,
            "SSO_CLIENT_ID": CLIENT_ID,
            "SSO_CLIENT_SECRET": CLIENT_SECRET,
            "SSO_ISSUER": f"{self.url}/{{tenantid}}/v2.0",
            "SSO_ALLOWED_TENANTS": f"{KEHA_TENANT},{PILOT_TENANT}",
            "SSO_GRAPH_URL": f"{self.url}/v1.0",
            "SSO_REFRESH_SECONDS": "900",
        }


@pytest.fixture(scope="session")
def idp():
    """The local provider (python -m sso.local_provider) on a free port, for the whole session."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sso.local_provider",
            "--port",
            str(port),
            "--client-id",
            CLIENT_ID,
            "--client-secret",
            CLIENT_SECRET,
            "--redirect-prefix",
            "http://testserver/",
            "--redirect-prefix",
            "http://localhost:",
            "--redirect-prefix",
            "http://127.0.0.1:",
        ],
        stdout=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            requests.get(f"{url}/healthz", timeout=1).raise_for_status()
            break
        except requests.RequestException:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the local identity provider did not start") from None
            time.sleep(0.1)
    yield LocalIdP(url)
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def sso_on(settings, idp):
    """SSO settings as the environment would give them, pointing at the local provider; a fresh provider."""
    idp.reset()
    for name, value in sso_settings(idp.environment()).items():
        setattr(settings, name, value)
    return idp


@pytest.fixture
def mapping(org):
    """The provider's groups mapped onto the small organisation of tests/organisation.py."""
    pilot = AgencyFactory(
        slug="kuntakokeilu-vaasa",
        name_fi="Vaasan seudun työllisyyden kuntakokeilu",
        kind="municipal_pilot",
        region="pohjanmaa",
    )
    rows = [
        dict(group_id=GROUP_IDS["KEHA-henkilosto"], description="KEHA-henkilosto", agency=org.keha),
        dict(
            group_id=GROUP_IDS["KEHA-Maksatusyksikko"], description="KEHA-Maksatusyksikko", unit=org.payments
        ),
        dict(group_id=GROUP_IDS["KEHA-Tietohallinto-ja-viestinta"], description="KEHA-Tivi", unit=org.ict),
        dict(
            group_id=GROUP_IDS["Tiimi-Maksatus-palkkatuki"],
            description="Tiimi-Maksatus-palkkatuki",
            team=org.payroll_team,
        ),
        dict(
            group_id=GROUP_IDS["Taimi-Viestinta"],
            description="Taimi-Viestinta",
            role=Group.objects.get(name=roles.COMMUNICATION),
        ),
        dict(
            group_id=GROUP_IDS["Taimi-Paakayttajat"],
            description="Taimi-Paakayttajat",
            role=Group.objects.get(name=roles.ADMINISTRATORS),
        ),
        dict(
            group_id=GROUP_IDS["Kuntakokeilu-Vaasa-henkilosto"],
            description="Kuntakokeilu Vaasa",
            tenant_id=PILOT_TENANT,
            agency=pilot,
        ),
    ]
    for row in rows:
        GroupMapping.objects.create(**row)
    org.pilot = pilot
    return org


@pytest.fixture
def liisa(mapping):
    """An existing person (from before SSO) whose e-mail is the provider's `henkilo`'s."""
    user = UserFactory(username="l.makela", email="Henkilo@keha.example", first_name="Liisa", last_name="M")
    PersonFactory(user=user, agency=mapping.ely, title="Vanha nimike")
    return user


def sign_in(client, idp, username: str, password: str = PASSWORD, next_url: str = "/"):
    """The redirect flow with Django's test client for Taimi and a requests session as the browser at the
    provider. Returns (Taimi's answer to the callback, the provider-side browser session)."""
    start = client.get(f"/sso/kirjaudu/?next={next_url}")
    assert start.status_code == 302, start
    authorize = start["Location"]
    assert authorize.startswith(f"{idp.url}/oauth2/v2.0/authorize?")
    browser = requests.Session()
    answer = browser.post(
        f"{idp.url}/oauth2/v2.0/authorize",
        data={"q": urlsplit(authorize).query, "username": username, "password": password},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text
    return follow_to_taimi(client, answer.headers["Location"]), browser


def follow_to_taimi(client, url: str):
    parts = urlsplit(url)
    assert parts.netloc == "testserver", url
    return client.get(f"{parts.path}?{parts.query}")
