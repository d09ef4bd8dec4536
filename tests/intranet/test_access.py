"""Every page needs a login, except an explicit allow-list."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# URL names an anonymous visitor may open, and why.
ALLOWED_ANONYMOUS = {
    "login",  # the way in
    "password_reset",  # forgotten passwords
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "health",  # load balancer / uptime checks
    "readiness",  # the same, every backend (no secrets: tests/intranet/test_observability.py)
    "metrics",  # Prometheus: a token or an allowed network instead (tests/intranet/test_observability.py)
    "set_language",  # switch language on the login page
    "wagtailadmin_login",  # Wagtail's own login form for the editing interface
    "wagtailcore_login",  # Wagtail's form for password-protected pages (a login page too)
    # Personal Atom feeds (news and instruction changes): the secret token in the address is the
    # credential (tests/news/test_atom.py, tests/instructions/test_access.py).
    "atom",
    # The personal calendar subscription of events: the token is the credential (tests/events/
    # test_recurrence_and_feed.py opens it anonymously).
    "feed",
    # The accessibility statement, its feedback form and the privacy notice: the law wants them readable
    # by anyone (tests/privacy/test_pages.py opens them anonymously).
    "accessibility",
    "accessibility_feedback",
    "notice",
    # Signing in with a work account: the start, the provider's answer and the refusal page
    # (404 while SSO is off; tests/sso/test_refusals.py and test_sign_in.py open them anonymously).
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "sso_failure",
}
SSO_PAGES = {"oidc_authentication_init", "oidc_authentication_callback", "sso_failure"}
# Where an anonymous visitor may be sent: our login page or the admin's.
LOGIN_PAGES = ("/kirjaudu/", "/admin/login/")


def _walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def _example_path(pattern: str) -> str:
    """Turn a route or regex into a concrete path with sample values."""
    path = pattern.lstrip("^").rstrip("$")
    path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", "1", path)  # path converters
    path = re.sub(r"\(\?P<[^>]+>[^)]*\)", "1", path)  # named regex groups
    previous = None
    while previous != path:  # other (possibly nested) groups, innermost first
        previous, path = path, re.sub(r"\((?:\?:)?[^()]*\)[*+?]?", "", path)
    path = path.replace("\\", "").replace("^", "").replace("$", "").replace("?", "")
    return "/" + path.lstrip("/")


def resolve_or_none(path):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path)
    except Resolver404:
        return None


def entry_callback(pattern, name):
    return next(
        entry.callback for p, entry in _walk(get_resolver()) if p == pattern and (entry.name or "") == name
    )


def all_url_patterns():
    return sorted({(pattern, entry.name or "") for pattern, entry in _walk(get_resolver())})


def test_the_url_list_is_complete_enough_to_mean_something():
    names = {name for _pattern, name in all_url_patterns()}
    assert {"home", "directory", "wagtailadmin_home", "login", "health"} <= names
    assert len(all_url_patterns()) > 100  # Wagtail admin alone has hundreds


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pattern", "name"),
    [(pattern, name) for pattern, name in all_url_patterns() if name not in ALLOWED_ANONYMOUS],
)
def test_anonymous_visitor_is_sent_to_login(client, pattern, name):
    path = _example_path(pattern)
    match = resolve_or_none(path)
    if match is None or match.func is not entry_callback(pattern, name):
        # No sample path reaches this pattern; check the marker the middleware reads.
        assert getattr(entry_callback(pattern, name), "login_required", True), f"{pattern} is login-exempt"
        return
    response = client.get(path)
    if response.status_code in (301, 302):
        assert response["Location"].startswith(LOGIN_PAGES), f"{pattern} redirects to {response['Location']}"
    else:
        assert response.status_code in (401, 403, 405), (
            f"{pattern} answered {response.status_code} to anonymous"
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    sorted(
        ALLOWED_ANONYMOUS
        - {"password_reset_confirm", "atom", "feed", "accessibility", "accessibility_feedback", "notice"}
        - SSO_PAGES
    ),
)
def test_allow_listed_pages_open_without_login(client, name):
    from django.urls import reverse

    method = client.post if name == "set_language" else client.get
    response = method(reverse(name), {"language": "sv"} if name == "set_language" else None)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert not response["Location"].startswith("/kirjaudu/?next")


@pytest.mark.django_db
def test_media_files_need_login(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "people" / "photos").mkdir(parents=True)
    (tmp_path / "people" / "photos" / "photo.jpg").write_bytes(b"not really a jpeg")
    assert client.get("/media/people/photos/photo.jpg").status_code == 302


@pytest.mark.django_db
def test_media_files_are_served_to_signed_in_users(staff_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "people" / "photos").mkdir(parents=True)
    (tmp_path / "people" / "photos" / "photo.jpg").write_bytes(b"jpeg bytes")
    response = staff_client.get("/media/people/photos/photo.jpg")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"jpeg bytes"


@pytest.mark.django_db
def test_documents_are_not_served_from_media(staff_client, settings, tmp_path):
    """Documents go through Wagtail's document view, where instruction attachments are checked."""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "ohje.pdf").write_bytes(b"%PDF")
    assert staff_client.get("/media/documents/ohje.pdf").status_code == 404


@pytest.mark.django_db
def test_health_check_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
