"""A guard against server errors: every demo role follows every same-site link from the home page.

Signed in as each demo login on the demo data (``manage.py demo_data``), the
crawl starts at ``/`` and follows links breadth-first (GET only) through the
reader pages and, for editors, the Wagtail admin. Nothing may answer 5xx, and
every page of ours (outside ``/admin/``) must have a sound heading outline and
unique ids (tests/html_checks.py), a strict Content-Security-Policy header and
no inline script, style or event handler it would block. New pages are covered as soon as something
links to them; this file does not need to change.

To keep the run short and broad rather than deep, the crawl visits at most
MAX_PAGES pages per role, at most PER_ROUTE different paths of one URL pattern
(a few of the 550 profiles, not all of them) or PER_SECTION Wagtail pages with
the same parent, and at most QUERY_VARIANTS query strings per URL pattern and
set of parameter names (two ``?page=``, not fifty).
See docs/testing.md.
"""

import pytest
from django.urls import reverse

from tests.intranet import test_crawl_administrators, test_crawl_editors
from tests.intranet.crawl import ROLES, check_role, crawl, demo_site  # noqa: F401 - demo_site is a fixture
from tests.sso.fixtures import idp, sso_on  # noqa: F401 - the local identity provider, for the SSO crawl

CRAWLED = ["henkilo", "kuntakokeilu"]


@pytest.mark.django_db
@pytest.mark.parametrize("username", CRAWLED)
def test_no_page_answers_a_server_error(client, demo_site, username):  # noqa: F811
    check_role(client, username)


def test_every_demo_login_is_crawled_by_one_of_the_files():
    """One file per pair of roles (each crawl takes half a minute), so that the xdist processes share them."""
    crawled = CRAWLED + test_crawl_editors.CRAWLED + test_crawl_administrators.CRAWLED
    assert sorted(crawled) == sorted(ROLES)


@pytest.mark.django_db
def test_no_page_answers_a_server_error_for_a_work_account(client, demo_site, sso_on):  # noqa: F811
    """The crawl as a person signed in with a work account at the local provider, with the demo group
    mapping (sso/demo_mapping.json): roles and organisation from groups, the session-refresh
    middleware on every page, "Why do I see this?" among the pages."""
    from core import roles as platform_roles
    from sso.mapping_file import import_mapping, read_file
    from sso.models import Identity
    from tests.sso.fixtures import sign_in

    import_mapping(data=read_file("sso/demo_mapping.json"))
    answer, _browser = sign_in(client, sso_on, "viestinta")
    assert answer.status_code == 302 and answer["Location"] == "/"
    user = Identity.objects.get().user
    assert user.username == "viestinta"  # the demo person, linked by e-mail
    assert {platform_roles.COMMUNICATION, platform_roles.COMMUNICATION_APPROVERS} <= set(
        user.groups.values_list("name", flat=True)
    )
    # What is particular to a work account is the session and its roles, not the pages: one path of each
    # URL pattern and three pages of a section (the full crawl of every role is above).
    result = crawl(client, max_pages=150, per_route=1, per_section=3)
    problems = [str(problem) for problem in result.server_errors + result.markup]
    assert not problems, "\n".join(problems)
    assert client.session.get("_auth_user_id") == str(user.pk), "the crawl signed the user out"
    assert reverse("sso_why") in result.visited
    assert len(result.visited) >= 20 and result.admin_pages() >= 10
