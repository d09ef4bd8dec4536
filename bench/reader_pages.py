"""Benchmark: the CPU cost of each reader page on the demo data, against a bare Wagtail page.

Loads the demo data (``manage.py demo_data``) into ``VAR_DIR`` once (a second
run with the same ``VAR_DIR`` reuses it), builds the embedded search index,
and requests each reader page as the demo staff member ``henkilo`` through
Django's test client in this process: home, the news section, an article, the
instruction library, an instruction, the people directory, a profile, chat and
a search, with a bare Wagtail page of the same site (a StandardPage with a title
only, same base template) measured in the same run. The pages are requested in
turn, round after round, after warm-up rounds, so that a busy machine slows all
of them alike.

The figure of the goal is the CPU time of the process (``time.process_time``)
around each request: it leaves out the time spent waiting for a core, which a
shared machine adds to wall-clock time.

Goal (issue 20, item 10): every reader page ≤ 20 ms CPU p50 on the demo data.

Run: VAR_DIR=/tmp/var-bench .venv/bin/python bench/reader_pages.py   (BENCH_ROUNDS=… to change the rounds)
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="intranet-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.test_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from wagtail.models import Page  # noqa: E402

from bench.common import machine_line, percentile  # noqa: E402
from demo.reader_pages import READER, reader_urls  # noqa: E402
from intranet.models import StandardPage  # noqa: E402
from teams.models import Person  # noqa: E402

WARM_UP = int(os.environ.get("BENCH_WARM_UP", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
GOAL_MS = 20.0
BARE = "bare Wagtail page (StandardPage)"
VAR = Path(os.environ["VAR_DIR"])


def load_demo() -> None:
    call_command("migrate", verbosity=0)
    if Person.objects.exists():
        print("Demo data already in VAR_DIR: reused.", flush=True)
        return
    started = time.perf_counter()
    call_command("demo_data", "--no-logins", verbosity=0, stdout=open(os.devnull, "w"))
    print(f"Demo data loaded in {time.perf_counter() - started:.0f} s.", flush=True)


def bare_page() -> StandardPage:
    page = StandardPage.objects.filter(slug="bench-perussivu").first()
    if page is None:
        home = Page.objects.get(depth=2, locale__language_code="fi").specific
        page = StandardPage(title="Perussivu", slug="bench-perussivu")
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


# The bench's row names for demo.reader_pages' page names.
LABELS = {
    "home": "home /",
    "news list": "news list /uutiset/",
    "article": "article",
    "instruction library": "instruction library /ohjeet/",
    "instruction": "instruction",
    "directory": "directory /ihmiset/",
    "profile": "profile",
    "chat": "chat /chat/",
    "search": "search /haku/?q=palkkatuki",
}


def urls() -> dict[str, str]:
    pages = {BARE: bare_page().url}
    pages.update({LABELS[name]: url for name, url in reader_urls(READER).items()})
    return pages


def measure(client: Client, pages: dict[str, str]) -> dict[str, dict]:
    for _ in range(WARM_UP):
        for url in pages.values():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
    results = {name: {"cpu": [], "wall": [], "queries": 0} for name in pages}
    for _ in range(ROUNDS):
        for name, url in pages.items():
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(url)
            results[name]["cpu"].append((time.process_time() - cpu) * 1000)
            results[name]["wall"].append((time.perf_counter() - wall) * 1000)
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        results[name]["queries"] = len(queries)
    return results


def main() -> None:
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    print(f"Database: {connection.vendor}; VAR_DIR {VAR}.", flush=True)
    load_demo()
    embedded = VAR / "search" / "embedded"
    with override_settings(ELASTICSEARCH_URL="", SEARCH_EMBEDDED_DIR=str(embedded)):
        from search import engines
        from search.reindex import rebuild

        engines._embedded.cache_clear()
        rebuild(engine=engines.get_engine())
        pages = urls()
        client = Client()
        client.force_login(get_user_model().objects.get(username=READER))
        results = measure(client, pages)
    bare = statistics.median(results[BARE]["cpu"])
    print(f"\nReader {READER}; {ROUNDS} rounds after {WARM_UP} warm-up rounds; milliseconds.\n")
    print("| page | CPU p50 | CPU p95 | wall p50 | queries | CPU ratio to bare | ≤ 20 ms CPU p50? |")
    print("|------|--------:|--------:|---------:|--------:|------------------:|------------------|")
    for name, row in results.items():
        cpu50 = statistics.median(row["cpu"])
        met = "–" if name == BARE else ("yes" if cpu50 <= GOAL_MS else "NO")
        print(
            f"| {name} | {cpu50:.1f} | {percentile(row['cpu'], 0.95):.1f} | {statistics.median(row['wall']):.1f} "
            f"| {row['queries']} | {cpu50 / bare:.2f}× | {met} |"
        )
    print(f"\n{machine_line()}")


if __name__ == "__main__":
    main()
