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

# Page -> queries on a repeat visit. Session and user (2) and the site shell (person, unread
# notifications, the reader's teams, must-read banner, presence setting, today's work location: 6)
# are in every count.
EXPECTED = {
    # Home: the "Upcoming events" block for the reader's audience is 3 (events, their offices, occurrences).
    "home": 19,
    "news list": 16,
    "article": 14,
    "instruction library": 12,
    "instruction": 20,
    "directory": 12,
    "profile": 16,
    "chat": 10,
    # The test settings have no search engine: /haku/ answers from the database, each document type's
    # adapter with its own query (11 with the embedded engine); on PostgreSQL the fallback makes 4 more.
    "search": 27,
}
POSTGRESQL_SEARCH = 31


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
    assert counts == expected, counts
