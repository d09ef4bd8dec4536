"""Content-Security-Policy: strict on every reader page (no inline code, nothing from other sites), looser for
the Wagtail admin, and the pages themselves carry nothing the strict policy would block."""

import pytest
from django.urls import reverse

from tests.html_checks import inline_code, strict_csp_problems

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_login_page_has_the_strict_policy_and_no_inline_code(client):
    response = client.get(reverse("login"))
    assert strict_csp_problems(response.get("Content-Security-Policy")) == []
    assert inline_code(response.content.decode()) == []


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/haku/?q=maksatus",
        "/chat/",
        "/ihmiset/oma-tila/",
        "/ihmiset/",
        "/ilmoitukset/",
        "/uutiset/syote/",
        "/salasana/vaihda/",
    ],
)
def test_reader_pages_have_the_strict_policy_and_no_inline_code(staff_client, org, path):
    response = staff_client.get(path)
    assert response.status_code == 200
    header = response.get("Content-Security-Policy")
    assert strict_csp_problems(header) == []
    policy = directives(header)
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]  # fetch and the same-origin websocket (/ws/), nothing else
    assert inline_code(response.content.decode()) == []


def test_the_admin_gets_its_own_looser_policy(client, administrator_user):
    client.force_login(administrator_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]


def test_the_checks_find_what_they_look_for():
    assert inline_code('<p style="color:red" onclick="x()">') == [
        "a style attribute on <p>: 'color:red'",
        "an event handler attribute onclick on <p>",
    ]
    assert inline_code("<script>x()</script>") and not inline_code(
        '<script type="application/json">{}</script>'
    )
    assert strict_csp_problems(None) == ["no Content-Security-Policy header"]
    assert strict_csp_problems("default-src 'self'; script-src 'self' 'unsafe-inline'")


def test_with_single_sign_on_forms_may_lead_to_the_identity_provider(client, settings):
    """Logout posts here and is redirected to the provider's end-session address: browsers apply form-action
    to that redirect, so the provider's origin (and no other) is allowed there when SSO is on."""

    def form_action():
        header = client.get(reverse("login"))["Content-Security-Policy"]
        return next(part.split()[1:] for part in header.split(";") if part.split()[0] == "form-action")

    settings.SSO_ENABLED = False
    assert form_action() == ["'self'"]
    settings.SSO_ENABLED = True
    settings.SSO_AUTHORITY = "https://login.microsoftonline.com/0d5f3c6a-1e2b-4c3d-8e4f-5a6b7c8d9e01/v2.0"
    assert form_action() == ["'self'", "https://login.microsoftonline.com"]
