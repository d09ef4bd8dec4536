"""Benchmark: the people pages with the demo organisation (550 people).

For each page it renders the same template twice in the same run: once with the
query the app uses (select_related/prefetch, teams.services) and once with a
naive baseline query (plain ORM access, one query per related object), so the
table shows what the optimisation buys on this machine today.

Run: bash scripts/bench.sh   (DATABASE_URL=postgres://... to measure PostgreSQL)
"""

import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="intranet-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.test_settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.paginator import Paginator  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.common import machine_line, percentile, timed  # noqa: E402
from teams import services  # noqa: E402
from teams.forms import DirectoryFilterForm  # noqa: E402
from teams.models import Location, Person, Team  # noqa: E402

# Enough repetitions for a stable median on a 2-core machine in under a minute.
ROUNDS = 15


def naive_people():
    return Person.objects.filter(user__is_active=True).order_by("user__last_name", "user__first_name", "pk")


def directory(people_queryset):
    def render(request):
        page = Paginator(people_queryset(), services.DIRECTORY_PAGE_SIZE).get_page(1)
        return render_to_string(
            "teams/directory.html", {"form": DirectoryFilterForm(), "page": page, "query_string": ""}, request
        )

    return render


def team_page(loader):
    def render(request):
        return render_to_string("teams/team_detail.html", {"team": loader()}, request)

    return render


def location_page(people_queryset):
    def render(request):
        location = Location.objects.get(slug="helsinki")
        page = Paginator(people_queryset(location), services.DIRECTORY_PAGE_SIZE).get_page(1)
        return render_to_string("teams/location_detail.html", {"location": location, "page": page}, request)

    return render


def largest_team_slug() -> str:
    return max(Team.objects.all(), key=lambda team: team.memberships.count()).slug


def measure(render, request) -> tuple[float, float, int]:
    render(request)  # warm caches and templates
    timings = []
    for _ in range(ROUNDS):
        reset_queries()
        timings.append(timed(lambda: render(request))[0])
    with CaptureQueriesContext(connection) as queries:
        render(request)
    return statistics.median(timings), percentile(timings, 0.9), len(queries)


def main() -> None:
    print(f"Database: {connection.vendor}. Loading the demo organisation…", flush=True)
    call_command("migrate", verbosity=0)
    call_command("demo_data", "--no-logins", verbosity=0, stdout=open(os.devnull, "w"))
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username="henkilo")
    slug = largest_team_slug()
    scenarios = [
        ("directory, first page (48 cards)", directory(naive_people), directory(services.search_people)),
        (
            "directory, search 'palkkatuki'",
            directory(lambda: naive_people().filter(expertise__name__icontains="palkkatuki").distinct()),
            directory(lambda: services.search_people(query="palkkatuki")),
        ),
        (
            f"team page ({slug})",
            team_page(lambda: Team.objects.get(slug=slug)),
            team_page(lambda: services.team_detail(slug=slug)),
        ),
        (
            "location page (Helsinki)",
            location_page(lambda location: naive_people().filter(home_location=location)),
            location_page(lambda location: services.search_people(location=location)),
        ),
    ]
    header = f"{'page':<44} {'baseline ms':>12} {'queries':>8} {'app ms':>9} {'p90':>7} {'queries':>8} {'speed-up':>9}"
    print(header)
    print("-" * len(header))
    for name, baseline, optimised in scenarios:
        base_median, _base_p90, base_queries = measure(baseline, request)
        median, p90, queries = measure(optimised, request)
        print(
            f"{name:<44} {base_median:>12.1f} {base_queries:>8} {median:>9.1f} {p90:>7.1f} {queries:>8} "
            f"{base_median / median:>8.1f}x"
        )
    print(
        f"\n{ROUNDS} rounds each; median and 90th percentile in milliseconds; baseline = naive queries. "
        f"{machine_line()}"
    )


if __name__ == "__main__":
    main()
