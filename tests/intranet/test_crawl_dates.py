"""The crawl (tests/intranet/test_crawl.py) in Swedish and English: dates as 6.12.2026 in every language."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from tests.intranet.crawl import crawl, date_report, demo_site  # noqa: F401 - demo_site is a fixture


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("username", ["henkilo", "viestinta"])
def test_one_date_format_in_every_language(client, demo_site, username, language):  # noqa: F811
    """The Finnish crawl above checks the dates of every role; here the Swedish and English interface."""
    client.force_login(get_user_model().objects.get(username=username))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    # Dates are written by the templates: two paths of each URL pattern and three pages of a section
    # reach every template the full crawl does (tests/intranet/test_crawl.py), in a third of the requests.
    result = crawl(client, max_pages=150, per_route=2, per_section=3)
    assert len(result.visited) >= 40
    assert 'lang="%s"' % language in client.get("/").content.decode()
    if report := date_report(result, username, language):
        pytest.fail("\n".join(report), pytrace=False)
