"""Fixtures for the browser tests: the demo organisation behind a live server, and logging in."""

import asyncio
import os
from contextlib import contextmanager

import pytest
from django.db import DEFAULT_DB_ALIAS, connections

from demo.teams_data import DEMO_PASSWORD
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, IN_CI, _service_missing


@pytest.fixture(scope="package")
def browser():
    """Chromium for this package only, shadowing the session-wide ``browser`` of tests/conftest.py.

    While Playwright's sync API is active it marks its event loop as running in
    the main thread, so asyncio.run() and pytest-asyncio refuse to start
    ("Runner.run() cannot be called from a running event loop") and every
    async test that runs later in the session fails (tests/realtime). Stopping
    Playwright when this package is done keeps the rest of the suite unaffected.
    """
    reason = _service_missing("browser")
    if reason:
        if IN_CI:
            pytest.fail(f"CI must provide Chromium: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # The test body's ORM calls run while Playwright's loop counts as running;
    # they are synchronous and safe. Restored afterwards for the async tests.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@contextmanager
def _outside_playwright_loop():
    """Run a block as plain synchronous code while Playwright's sync API is active.

    Between sync calls Playwright marks its event loop as running in the main
    thread, so Django (asgiref's thread-critical Local) hands out a different,
    context-local database connection object there than the one pytest-django
    set the test database up with.
    """
    loop = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        yield
    finally:
        asyncio._set_running_loop(loop)


@pytest.fixture(scope="package", autouse=True)
def _django_database_under_playwright(django_db_setup, browser):
    """Keep pytest-django's database handling intact while Chromium runs.

    pytest-django stores the migrated database's contents (Wagtail's default
    Site and root page, which demo_data builds on) on the connection object it
    created the test database with. With Playwright active the tests see another
    connection object, so the flush after each test would run post_migrate and
    the next test would start without the Site. Copying the contents over puts
    the usual serialized rollback back. Afterwards that other connection is
    closed, so that nothing holds the test database open when it is dropped.
    """
    with _outside_playwright_loop():
        original = connections[DEFAULT_DB_ALIAS]
    current = connections[DEFAULT_DB_ALIAS]
    contents = getattr(original, "_test_serialized_contents", None)
    if current is not original and contents is not None:
        current._test_serialized_contents = contents
    yield
    if current is not original:
        connections.close_all()


@pytest.fixture
def demo(demo_snapshot, django_db_serialized_rollback, transactional_db, live_server):
    """The demo organisation (550 people, 34 locations) served by ``live_server``; returns the server's URL.

    The data is the session's demo load (``demo_snapshot`` in tests/conftest.py),
    copied into the database for each test in well under a second, so a test may
    change anything. ``live_server`` needs a transactional database, which is
    emptied after each test, including the rows migrations made; serialized
    rollback puts those back.
    """
    from tests import snapshots

    snapshots.restore("demo")
    return live_server.url


def log_in(page, base_url: str, username: str, password: str = DEMO_PASSWORD) -> None:
    """Fill in the real login form and press the login button inside <main> (not a language button)."""
    page.goto(f"{base_url}/kirjaudu/")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill(password)
    page.locator("main").get_by_role("button", name="Kirjaudu sisään").click()


@pytest.fixture
def login():
    return log_in


@pytest.fixture
def page(browser):
    """A fresh browser context (no cookies) and page for each test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


# Reports every Content-Security-Policy violation of every page of a context (installed before any page script).
_CSP_WATCH = """document.addEventListener("securitypolicyviolation", (event) => {
  window.__taimiCspViolation(`${location.pathname}: ${event.effectiveDirective} blocked `
    + `${event.blockedURI || "inline"} (${event.sourceFile || ""}:${event.lineNumber || ""})`);
}, true);"""


def watch_csp(context) -> list[str]:
    """A list that fills with the CSP violations of every page opened in ``context`` from now on."""
    found: list[str] = []
    context.expose_function("__taimiCspViolation", lambda text: found.append(text))
    context.add_init_script(_CSP_WATCH)
    return found
