"""The crawl (tests/intranet/test_crawl.py) as an instruction owner and the administrator."""

import pytest

from tests.intranet.crawl import ROLES, check_role, demo_site  # noqa: F401 - demo_site is a fixture

CRAWLED = ["ohjeet", "paakayttaja"]


@pytest.mark.django_db
@pytest.mark.parametrize("username", CRAWLED)
def test_no_page_answers_a_server_error(client, demo_site, username):  # noqa: F811
    check_role(client, username)
