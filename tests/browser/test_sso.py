"""Signing in with a work account in Chromium against the local identity provider (a real process)."""

import pytest
from django.contrib.sessions.backends.db import SessionStore

from core import roles
from sso.models import Identity
from teams.models import Person
from tests.sso.fixtures import GROUP_IDS, PASSWORD, idp, liisa, mapping, sso_on  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in_at_provider(page, username="henkilo"):
    page.get_by_label("Työtili").fill(username)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()


def expire_refresh(page):
    """Move the session past its refresh interval (as 15 minutes passing would)."""
    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=key)
    session["oidc_id_token_expiration"] = 0
    session.save()


def test_work_account_sign_in_roles_refresh_and_logout(page, live_server, sso_on, liisa, mapping):  # noqa: F811 - fixtures
    base = live_server.url
    # First sign-in: the login page offers the work account first; the provider asks for the password.
    page.goto(f"{base}/ihmiset/")
    page.get_by_role("link", name="Kirjaudu työtilillä").first.click()
    assert page.url.startswith(f"{sso_on.url}/oauth2/v2.0/authorize")
    sign_in_at_provider(page)
    page.wait_for_url(f"{base}/ihmiset/")
    identity = Identity.objects.get()
    assert identity.user == liisa  # linked to the existing person by e-mail
    assert Person.objects.get(user=liisa).unit == mapping.payments
    assert not liisa.groups.filter(name=roles.COMMUNICATION).exists()

    # Sign out of both: the provider's session ends too, so the next sign-in asks for the password again.
    page.locator("header details:has(button.link-button) > summary").click()
    page.locator("header").get_by_role("button", name="Kirjaudu ulos").click()
    page.wait_for_url(f"{base}/kirjaudu/")
    assert sso_on.signed_in() == []

    # Second sign-in: new claims and a group that gives a role.
    sso_on.set_user(
        "henkilo",
        jobTitle="Maksatuspäällikkö",
        groups=[GROUP_IDS["KEHA-henkilosto"], GROUP_IDS["Taimi-Viestinta"]],
    )
    page.get_by_role("link", name="Kirjaudu työtilillä").first.click()
    sign_in_at_provider(page)
    page.wait_for_url(f"{base}/")
    assert Identity.objects.count() == 1
    assert Person.objects.get(user=liisa).title == "Maksatuspäällikkö"
    assert liisa.groups.filter(name=roles.COMMUNICATION).exists()
    page.goto(f"{base}/ihmiset/oma-profiili/miksi/")
    assert f"{roles.COMMUNICATION} – lähde: Taimi-Viestinta" in page.locator("main").inner_text()

    # The group goes at the IdP: the role goes at the next refresh, without signing in again.
    sso_on.set_user("henkilo", groups=[GROUP_IDS["KEHA-henkilosto"]])
    expire_refresh(page)
    page.goto(f"{base}/ihmiset/")
    page.wait_for_url(f"{base}/ihmiset/")
    assert not liisa.groups.filter(name=roles.COMMUNICATION).exists()

    # Disabled at the IdP: the next refresh ends the session with a Finnish explanation.
    sso_on.set_user("henkilo", enabled=False)
    expire_refresh(page)
    page.goto(f"{base}/ihmiset/")
    page.wait_for_url(f"{base}/sso/virhe/?syy=refresh")
    assert "Istuntosi päättyi" in page.get_by_role("alert").inner_text()
    page.goto(f"{base}/ihmiset/")
    page.wait_for_url(f"{base}/kirjaudu/?next=/ihmiset/")
