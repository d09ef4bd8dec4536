"""The crawl behind tests/intranet/test_crawl*.py (and the 360 px walk of tests/browser/test_accessibility.py):
signed in, follow every same-site link from the home page, breadth-first, GET only.

Nothing may answer 5xx, and every page of ours (outside ``/admin/``) must have a sound heading outline
and unique ids (tests/html_checks.py), a strict Content-Security-Policy header and no inline script,
style or event handler it would block. The crawl visits at most MAX_PAGES pages per role, at most
PER_ROUTE different paths of one URL pattern or PER_SECTION Wagtail pages with the same parent, and at
most QUERY_VARIANTS query strings per URL pattern and set of parameter names. See docs/testing.md.
"""

import json
import os
import posixpath
import re
import time
import traceback
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from unittest import mock
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template import Template
from django.test import utils as test_utils
from django.urls import Resolver404, resolve, reverse

from tests import html_checks

# username → what the role is (README); every demo login is crawled.
ROLES = {
    "henkilo": "staff",
    "viestinta": "communication unit",
    "toimittaja": "regional editor",
    "ohjeet": "instruction owner",
    "paakayttaja": "administrator",
    "kuntakokeilu": "municipal-pilot reader",
}
EDITORS = {"viestinta", "toimittaja", "ohjeet", "paakayttaja"}

MAX_PAGES = 300  # per role
PER_ROUTE = 4  # different paths per URL pattern (people, teams, admin edit views, ...)
PER_SECTION = 10  # Wagtail pages with the same parent (top-level sections, news articles, ...)
QUERY_VARIANTS = 2  # per URL pattern and set of query parameter names (?page=2, ?page=3: two of them)
QUERIES_PER_ROUTE = 8  # query strings per URL pattern in all
# Not pages: downloads and files, and the admin listings' spreadsheet exports.
FILE_PATH = re.compile(
    r"\.(css|js|mjs|map|png|jpe?g|gif|webp|avif|svg|ico|pdf|csv|xlsx?|docx?|odt|pptx|rtf|txt|zip"
    r"|woff2?|ttf)$",
    re.IGNORECASE,
)
FILE_PREFIXES = (settings.STATIC_URL, settings.MEDIA_URL, "/documents/")
FILE_QUERY_PARAMETERS = {"export"}
# Where to go afterwards: the same page either way, so dropped before comparing URLs.
IGNORED_QUERY_PARAMETERS = {"next"}


@pytest.fixture(scope="module")
def demo_site(demo_loaded):
    """The demo data for this module (a copy of the session's, see ``demo_loaded`` in tests/conftest.py).

    Each test still runs in its own savepoint (the ``db`` fixture), so nothing a
    crawl does reaches the next role, and no other module ever sees the demo data.
    """
    return demo_loaded


@dataclass
class Problem:
    url: str
    referrer: str
    status: int | str
    detail: str = ""

    def __str__(self):
        detail = f"\n      {self.detail}" if self.detail else ""
        return f"  {self.status} {self.url}  (linked from {self.referrer}){detail}"


@dataclass
class Crawl:
    visited: dict[str, int] = field(default_factory=dict)  # url → status
    server_errors: list[Problem] = field(default_factory=list)
    markup: list[Problem] = field(default_factory=list)
    dates: list[Problem] = field(default_factory=list)  # dates in another format than 6.12.2026
    skipped_by_limits: int = 0
    not_reached: int = 0  # still queued when MAX_PAGES was reached

    def admin_pages(self) -> int:
        return sum(1 for url in self.visited if url.startswith("/admin/"))

    def client_errors(self) -> int:
        """Pages that answered 4xx: not a failure (a link may lead to a page this role may not open)."""
        return sum(1 for status in self.visited.values() if 400 <= status < 500)


PAGES_UNDER = "pages under "


def _route_key(path: str) -> str:
    """Which URL pattern serves ``path``: paths of one pattern share the PER_ROUTE budget.

    A pattern that captures the whole path is a tree of pages (Wagtail serves
    every page through one); there the parent path is the key, so the pages of
    one section share a budget (a few news articles, but every section).
    """
    try:
        match = resolve(path)
    except Resolver404:
        return "unresolved"
    captured = [str(value).strip("/") for value in [*match.args, *match.kwargs.values()]]
    if path.strip("/") in captured:
        return PAGES_UNDER + posixpath.dirname(path.rstrip("/"))
    return f"{match.view_name}:{match.route}"


def _links(html: str, outline: html_checks.Outline) -> list[str]:
    """Links of a page: <a href> and the Wagtail admin's menus (JSON props the sidebar is drawn from)."""
    links = list(outline.links)
    for blob in re.findall(r'<script[^>]+type="application/json"[^>]*>(.*?)</script>', html, re.DOTALL):
        try:
            links.extend(_json_urls(json.loads(blob)))
        except ValueError:
            continue
    return links


def _json_urls(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("url", "href") and isinstance(item, str) and item.startswith("/"):
                yield item
            else:
                yield from _json_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_urls(item)


def _normalise(href: str, base: str) -> str | None:
    """The same-site path and query a link points to, or None when it is not a page to crawl."""
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(urljoin("http://testserver" + base, href))
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    path = parts.path or "/"
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if name not in IGNORED_QUERY_PARAMETERS
    ]
    if path.startswith(FILE_PREFIXES) or FILE_PATH.search(path):
        return None
    if FILE_QUERY_PARAMETERS & {name for name, _value in query}:
        return None
    if path in _logout_paths():
        return None
    return path + ("?" + urlencode(sorted(query)) if query else "")


def _logout_paths() -> set[str]:
    return {reverse("logout"), reverse("wagtailadmin_logout")}


class Limits:
    """The breadth-first budget of URLs a crawl may queue, by the URL pattern that serves them.

    PER_ROUTE paths per pattern (PER_SECTION for Wagtail pages with one parent);
    QUERY_VARIANTS query strings per pattern and set of parameter names, and
    QUERIES_PER_ROUTE query strings per pattern in all.
    """

    def __init__(self, per_route: int = PER_ROUTE, per_section: int = PER_SECTION):
        self.per_route, self.per_section = per_route, per_section
        self.paths: dict[str, set[str]] = {}
        self.variants: dict[tuple[str, tuple[str, ...]], int] = {}
        self.queries: dict[str, int] = {}

    def admit(self, url: str) -> bool:
        path, _, query = url.partition("?")
        key = _route_key(path)
        paths = self.paths.setdefault(key, set())
        if path not in paths and len(paths) >= (
            self.per_section if key.startswith(PAGES_UNDER) else self.per_route
        ):
            return False
        if query:
            names = (key, tuple(sorted({name for name, _value in parse_qsl(query, keep_blank_values=True)})))
            if self.variants.get(names, 0) >= QUERY_VARIANTS or self.queries.get(key, 0) >= QUERIES_PER_ROUTE:
                return False
            self.variants[names] = self.variants.get(names, 0) + 1
            self.queries[key] = self.queries.get(key, 0) + 1
        paths.add(path)
        return True


@contextmanager
def _uninstrumented_templates():
    """Render templates without the test framework's instrumentation while crawling.

    Under test, every template render sends a signal with which the client
    copies the context for ``response.context``. The crawl never reads it, and
    on admin pages of hundreds of templates the copying costs a third of the
    run time. Falls back to the instrumented render if Django's test state
    looks different.
    """
    original = getattr(getattr(test_utils._TestState, "saved_data", None), "template_render", None)
    if original is None:
        yield
        return
    with mock.patch.object(Template, "_render", original):
        yield


def crawl(
    client, start: str = "/", max_pages: int = MAX_PAGES, *, per_route=PER_ROUTE, per_section=PER_SECTION
) -> Crawl:
    """``per_route`` and ``per_section`` narrow the crawl for checks that depend on the template, not on
    the object a page shows (the dates in other languages, the 360 px widths in Chromium)."""
    with _uninstrumented_templates():
        return _crawl(client, start, max_pages, Limits(per_route, per_section))


def _crawl(client, start: str, max_pages: int, limits: Limits) -> Crawl:
    result = Crawl()
    queue = deque([(start, "(start)")])
    queued = {start}
    limits.admit(start)
    while queue and len(result.visited) < max_pages:
        url, referrer = queue.popleft()
        try:
            # A savepoint per request: a failing query must not break the rest
            # of the crawl (PostgreSQL aborts the whole transaction otherwise).
            with transaction.atomic():
                response = client.get(url)
        except Exception as error:  # noqa: BLE001 - any exception is the 500 a user would see
            frames = traceback.extract_tb(error.__traceback__)
            ours = [f for f in frames if "site-packages" not in f.filename] or frames
            where = (
                f"{os.path.relpath(ours[-1].filename, settings.BASE_DIR)}:{ours[-1].lineno}" if ours else ""
            )
            result.visited[url] = 500
            result.server_errors.append(
                Problem(url, referrer, 500, f"{type(error).__name__}: {error} ({where})")
            )
            continue
        status = response.status_code
        result.visited[url] = status
        if status >= 500:
            result.server_errors.append(Problem(url, referrer, status))
            continue
        if status in (301, 302, 303, 307, 308):
            targets = [response["Location"]]
        elif status == 200 and response.get("Content-Type", "").startswith("text/html"):
            html = response.content.decode(response.charset or "utf-8")
            outline = html_checks.outline(html)
            if not url.startswith("/admin/"):  # Wagtail's own markup is not ours to fix
                problems = html_checks.heading_problems(outline) + html_checks.duplicate_ids(outline)
                # Content-Security-Policy: strict on reader pages, and nothing on them it would block.
                problems += html_checks.strict_csp_problems(response.get("Content-Security-Policy"))
                problems += html_checks.inline_code(html)
                if problems:
                    result.markup.append(Problem(url, referrer, status, "\n      ".join(problems)))
            if dates := html_checks.date_problems(html):
                result.dates.append(Problem(url, referrer, status, "\n      ".join(dates)))
            targets = _links(html, outline)
        else:
            continue
        for href in targets:
            target = _normalise(href, url)
            if target is None or target in queued:
                continue
            queued.add(target)
            if limits.admit(target):
                queue.append((target, url))
            else:
                result.skipped_by_limits += 1
    result.not_reached = len(queue)
    return result


def date_report(result: Crawl, username: str, language: str) -> list[str]:
    if not result.dates:
        return []
    return [
        f"{len(result.dates)} pages write a date in another format than 6.12.2026 "
        f"as {username} ({language}):",
        *map(str, result.dates),
    ]


def check_role(client, username: str) -> None:
    """Crawl as ``username``: no server error, no heading, id, CSP or date problem, and the crawl got around."""
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    started, cpu = time.monotonic(), time.process_time()
    result = crawl(client)
    took, cpu = time.monotonic() - started, time.process_time() - cpu
    print(
        f"\n{username} ({ROLES[username]}): {len(result.visited)} pages ({result.admin_pages()} in the admin, "
        f"{result.client_errors()} answered 4xx) "
        f"in {took:.1f} s ({cpu:.1f} s CPU); {result.skipped_by_limits} links left out by the limits, "
        f"{result.not_reached} queued beyond MAX_PAGES"
    )

    report = []
    if result.server_errors:
        report.append(
            f"{len(result.server_errors)} of {len(result.visited)} pages answered a server error "
            f"as {username}:"
        )
        report.extend(map(str, result.server_errors))
    if result.markup:
        report.append(f"{len(result.markup)} pages have heading, id or CSP problems as {username}:")
        report.extend(map(str, result.markup))
    report.extend(date_report(result, username, "fi"))
    if report:
        pytest.fail("\n".join(report), pytrace=False)
    # The crawl means something only if it got around, still signed in.
    assert client.session.get("_auth_user_id") == str(user.pk), "the crawl signed the user out"
    assert {
        "/",
        reverse("teams:directory"),
        reverse("teams:profile_edit"),
        reverse("teams:team_list"),
        reverse("teams:location_list"),
    } <= result.visited.keys()
    assert len(result.visited) >= 20
    if username in EDITORS:
        assert result.admin_pages() >= 10, f"{username} should reach the admin through the user menu"
    else:
        assert result.admin_pages() <= 1  # the menu has no admin link; at most a redirect to log in
