"""Session refresh against the provider, logout of both sessions, break-glass passwords."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import SESSION_KEY

from core import roles
from tests.factories import PASSWORD
from tests.sso.fixtures import GROUP_IDS, follow_to_taimi, sign_in

pytestmark = pytest.mark.django_db


def expire_refresh(client):
    session = client.session
    session["oidc_id_token_expiration"] = 0
    session.save()


def refresh(client, browser):
    """A page load past the refresh interval: silently to the provider (prompt=none) and back."""
    response = client.get("/ihmiset/")
    assert response.status_code == 302
    authorize = response["Location"]
    assert parse_qs(urlsplit(authorize).query)["prompt"] == ["none"]
    answer = browser.get(authorize, allow_redirects=False, timeout=10)
    assert answer.status_code == 302
    return follow_to_taimi(client, answer.headers["Location"])


def test_pages_load_without_the_provider_within_the_interval(client, sso_on, mapping):
    sign_in(client, sso_on, "henkilo")
    assert client.get("/ihmiset/").status_code == 200


def test_refresh_keeps_an_enabled_account_and_applies_a_group_change(client, sso_on, liisa, mapping):
    sso_on.set_user("henkilo", groups=[GROUP_IDS["KEHA-henkilosto"], GROUP_IDS["Taimi-Viestinta"]])
    _, browser = sign_in(client, sso_on, "henkilo")
    sso_on.set_user("henkilo", groups=[GROUP_IDS["KEHA-henkilosto"]])
    expire_refresh(client)
    assert liisa.groups.filter(name=roles.COMMUNICATION).exists()
    back = refresh(client, browser)
    assert back.status_code == 302 and back["Location"] == "/ihmiset/"
    assert SESSION_KEY in client.session
    assert client.get("/ihmiset/").status_code == 200
    assert not liisa.groups.filter(name=roles.COMMUNICATION).exists()


def test_a_disabled_account_loses_its_session_at_the_next_refresh(client, sso_on, liisa, mapping):
    _, browser = sign_in(client, sso_on, "henkilo")
    sso_on.set_user("henkilo", enabled=False)
    assert client.get("/ihmiset/").status_code == 200  # until the interval passes
    expire_refresh(client)
    back = refresh(client, browser)
    assert back["Location"] == "/sso/virhe/?syy=refresh"
    page = client.get(back["Location"])
    assert "Istuntosi päättyi: tunnistuspalvelu ei enää vahvista työtiliäsi" in page.content.decode()
    assert SESSION_KEY not in client.session
    assert client.get("/ihmiset/").status_code == 302
    # Signing in again is refused by the provider itself.
    start = client.get("/sso/kirjaudu/")
    answer = browser.post(
        f"{sso_on.url}/oauth2/v2.0/authorize",
        data={"q": urlsplit(start["Location"]).query, "username": "henkilo", "password": "Taimi-demo-2026"},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 200 and "poistettu käytöstä" in answer.text


def test_logout_ends_the_taimi_and_the_provider_session(client, sso_on, mapping):
    _, browser = sign_in(client, sso_on, "henkilo")
    assert sso_on.signed_in() == ["henkilo"]
    response = client.post("/kirjaudu-ulos/")
    assert SESSION_KEY not in client.session
    end_session = urlsplit(response["Location"])
    assert (
        f"{end_session.scheme}://{end_session.netloc}{end_session.path}" == f"{sso_on.url}/oauth2/v2.0/logout"
    )
    params = parse_qs(end_session.query)
    assert params["post_logout_redirect_uri"] == ["http://testserver/kirjaudu/"]
    assert params["id_token_hint"][0].count(".") == 2
    back = browser.get(response["Location"], allow_redirects=False, timeout=10)
    assert back.headers["Location"] == "http://testserver/kirjaudu/"
    assert sso_on.signed_in() == []
    # The next sign-in asks for the password again (no silent sign-in at the provider).
    start = client.get("/sso/kirjaudu/")
    assert browser.get(start["Location"], timeout=10).text.count('name="password"') == 1


def test_password_logout_does_not_go_to_the_provider(client, sso_on, administrator_user):
    client.post("/kirjaudu/", {"username": administrator_user.username, "password": PASSWORD})
    assert SESSION_KEY in client.session
    assert client.post("/kirjaudu-ulos/")["Location"] == "/kirjaudu/"
    assert SESSION_KEY not in client.session


def test_with_sso_on_only_administrators_may_use_a_password(client, sso_on, staff_user, administrator_user):
    page = client.get("/kirjaudu/").content.decode()
    assert page.index("Kirjaudu työtilillä") < page.index("Pääkäyttäjät: kirjaudu salasanalla")
    refused = client.post("/kirjaudu/", {"username": staff_user.username, "password": PASSWORD})
    assert refused.status_code == 200
    assert (
        "Kirjaudu työtililläsi. Salasanalla voivat kirjautua vain pääkäyttäjät." in refused.content.decode()
    )
    assert SESSION_KEY not in client.session
    client.post("/kirjaudu/", {"username": administrator_user.username, "password": PASSWORD})
    assert client.session[SESSION_KEY] == str(administrator_user.pk)


def test_the_demo_setting_opens_passwords_to_everyone(client, sso_on, settings, staff_user):
    settings.SSO_PASSWORD_LOGIN = "everyone"
    client.post("/kirjaudu/", {"username": staff_user.username, "password": PASSWORD})
    assert client.session[SESSION_KEY] == str(staff_user.pk)


def test_without_sso_the_login_page_is_as_before(client, staff_user):
    page = client.get("/kirjaudu/").content.decode()
    assert "Kirjaudu työtilillä" not in page
    assert client.get("/sso/kirjaudu/").status_code == 404
    client.post("/kirjaudu/", {"username": staff_user.username, "password": PASSWORD})
    assert client.session[SESSION_KEY] == str(staff_user.pk)
