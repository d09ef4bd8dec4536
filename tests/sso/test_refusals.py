"""Every refused sign-in ends with a clear Finnish message and no session."""

import pytest
from django.contrib.auth import SESSION_KEY

from sso.models import Identity
from tests.sso.fixtures import sign_in

pytestmark = pytest.mark.django_db

FINNISH = {
    "issuer": "tunnus ei tullut viraston tunnistuspalvelusta",
    "audience": "tunnusta ei ole myönnetty Taimelle",
    "expired": "tunnus on vanhentunut",
    "signature": "tunnuksen allekirjoitus ei ole kelvollinen",
    "nonce": "tunnus kuuluu toiseen kirjautumiseen",
    "state": "Kirjautumista ei voitu vahvistaa",
    "tenant": "organisaatiosi työtilejä ei ole sallittu",
}


def assert_refused(client, response, reason):
    assert response.status_code == 302
    assert response["Location"] == f"/sso/virhe/?syy={reason}"
    page = client.get(response["Location"])
    assert page.status_code == 403
    assert FINNISH[reason] in page.content.decode()
    assert SESSION_KEY not in client.session
    assert client.get("/ihmiset/").status_code == 302  # back to the login page


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("issuer", "issuer"),
        ("audience", "audience"),
        ("expired", "expired"),
        ("signature", "signature"),
        ("replay_nonce", "nonce"),
        ("state", "state"),
        ("tenant", "tenant"),
    ],
)
def test_a_bad_token_or_answer_is_refused(client, sso_on, mapping, fault, reason):
    if fault == "replay_nonce":  # a nonce that really was used before, by an earlier sign-in
        sign_in(client, sso_on, "henkilo")
        client.logout()
    sso_on.fault(fault)
    response, _ = sign_in(client, sso_on, "henkilo")
    assert_refused(client, response, reason)


def test_a_refused_sign_in_also_ends_an_existing_session(client, sso_on, mapping):
    sign_in(client, sso_on, "henkilo")
    assert SESSION_KEY in client.session
    sso_on.fault("signature")
    response, _ = sign_in(client, sso_on, "henkilo")
    assert_refused(client, response, "signature")


def test_an_unknown_tenant_is_refused_even_with_a_valid_token(client, sso_on, settings, mapping):
    from tests.sso.fixtures import KEHA_TENANT

    settings.SSO_ALLOWED_TENANTS = [KEHA_TENANT]  # the pilot's tenant no longer allowed
    response, _ = sign_in(client, sso_on, "kuntakokeilu")
    assert_refused(client, response, "tenant")
    assert not Identity.objects.exists()


def test_a_callback_used_twice_is_refused(client, sso_on, mapping):
    """The state is spent by the first use: the same code and state again (a replay) get no session."""
    start = client.get("/sso/kirjaudu/")
    from urllib.parse import urlsplit

    import requests

    answer = requests.post(
        f"{sso_on.url}/oauth2/v2.0/authorize",
        data={"q": urlsplit(start["Location"]).query, "username": "henkilo", "password": "Taimi-demo-2026"},
        allow_redirects=False,
        timeout=10,
    )
    callback = urlsplit(answer.headers["Location"])
    first = client.get(f"{callback.path}?{callback.query}")
    assert first.status_code == 302 and SESSION_KEY in client.session
    client.logout()
    second = client.get(f"{callback.path}?{callback.query}")
    assert_refused(client, second, "state")


def test_a_callback_without_a_started_sign_in_is_refused(client, sso_on, mapping):
    response = client.get("/sso/paluu/?code=abc&state=made-up")
    assert_refused(client, response, "state")
