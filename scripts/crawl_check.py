"""Crawl the site in this VAR_DIR / DATABASE_URL as a few demo roles; exit 1 on any server error.

Used by scripts/upgrade_check.sh on the upgraded database. The crawl itself is the test suite's
(tests/intranet/test_crawl.py: every link of every page, bounded per URL pattern).
Usage: .venv/bin/python scripts/crawl_check.py [username ...]   (default: henkilo paakayttaja)
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
# Django's test client is "testserver".
os.environ["ALLOWED_HOSTS"] = os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1") + ",testserver"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402

from tests.intranet.crawl import crawl  # noqa: E402

MAX_PAGES = int(os.environ.get("CRAWL_MAX_PAGES", "100"))


@override_settings(
    # The crawl needs no collectstatic: static files by their plain names, as in the tests.
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
)
def main(usernames: list[str]) -> int:
    setup_test_environment()  # response.context and templates for the crawl's checks
    failed = False
    for username in usernames:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        result = crawl(client, max_pages=MAX_PAGES)
        print(f"{username}: {len(result.visited)} pages, {len(result.server_errors)} server error(s)")
        for problem in result.server_errors[:10]:
            print(f"  {problem.status} {problem.url} (from {problem.referrer}) {problem.detail}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["henkilo", "paakayttaja"]))
