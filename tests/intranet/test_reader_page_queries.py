"""Each reader page's queries on the demo data, as the demo staff member on a repeat visit (bench/reader_pages.py).

The counts are exact: a new query on a page that every reader opens many times a day is a
decision to take knowingly (docs/benchmarks.md, "Reader pages"). The first visit after a change
renders cached parts afresh and may make a few more.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.reader_pages import READER, reader_urls

# Page -> queries on a repeat visit. Session and user (2) and the site shell (the person with their presence
# settings, unread notifications, the reader's teams, must-read banner, today's work location: 5) are in
# every count.
EXPECTED = {
    # Home: the "Upcoming events" block is cached per audience and language (events.fragments): no query on a repeat visit.
    "home": 14,
    "news list": 13,  # the filter fields are cached (news.page_context.filter_fields_html)
    "article": 13,
    "instruction library": 10,  # no groups query for a reader (instructions.permissions._group_names)
    "instruction": 18,
    "directory": 11,
    "profile": 15,
    "chat": 9,
    # The test settings have no search engine: /haku/ answers from the database, each document type's
    # adapter with its own query, the default locale from core.locales (10 with the embedded engine). On
    # PostgreSQL the full-text search finds candidates, and each type's access filter is one query more (4).
    "search": 18,
}
POSTGRESQL_SEARCH = 22


@pytest.mark.django_db
def test_reader_pages_make_the_expected_queries(client, demo_loaded):
    client.force_login(get_user_model().objects.get(username=READER))
    counts = {}
    for name, url in reader_urls(READER).items():
        for _ in range(2):  # the first visit records visits and fills the caches
            assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts[name] = len(queries)
    expected = dict(EXPECTED)
    if connection.vendor == "postgresql":
        expected["search"] = POSTGRESQL_SEARCH
    assert counts == expected
