"""Benchmark: the instruction library with 5,000 instructions, as a municipal-pilot and a KEHA reader.

Loads the demo data (about 490 instructions, demo/instructions.py),
adds instructions in bulk (instructions.bulk) until there are 5,000
Finnish ones with mixed audiences, and times the server side of the library
(unfiltered, by topic, third page), an instruction page (contents list, change
log, related instructions) and the recent-changes list with Django's test
client, against a bare Wagtail page of the same site measured in the same run,
the pages in turn, round after round.

Run: bash scripts/bench.sh   (DATABASE_URL=postgres://... to measure PostgreSQL)
"""

import datetime
import os
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
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from bench.common import machine_line, measure_pages  # noqa: E402
from instructions import access  # noqa: E402
from instructions.bulk import bulk_add_children  # noqa: E402
from instructions.models import InstructionLibraryPage, InstructionPage, ProcessArea, Topic  # noqa: E402
from intranet.models import StandardPage  # noqa: E402
from teams.models import Unit  # noqa: E402

INSTRUCTIONS = 5_000
CHUNK = 500
WARM_UP = 3
ROUNDS = 20
READERS = ["kuntakokeilu", "henkilo"]


def add_instructions(total: int) -> int:
    library = InstructionLibraryPage.objects.get(locale__language_code="fi")
    existing = InstructionPage.objects.filter(locale=library.locale).count()
    topics, areas, units = (
        list(Topic.objects.all()),
        list(ProcessArea.objects.all()),
        list(Unit.objects.all()),
    )
    template = InstructionPage.objects.filter(locale=library.locale).first()
    now = timezone.now()
    added = 0
    for start in range(existing, total, CHUNK):
        pages = []
        for number in range(start, min(start + CHUNK, total)):
            kinds = [("keha",), ("te", "municipal_pilot"), (), ("keha", "ely", "te")][number % 4]
            pages.append(
                InstructionPage(
                    title=f"Lisäohje {number}: {topics[number % len(topics)].name_fi}",
                    slug=f"lisaohje-{number}",
                    lead=template.lead,
                    body=template.body.get_prep_value(),
                    kind=template.kind,
                    topic=topics[number % len(topics)],
                    process_area=areas[number % len(areas)],
                    owner_unit=units[number % len(units)],
                    for_everyone=not kinds,
                    next_review_date=timezone.localdate() + datetime.timedelta(days=number % 400 - 30),
                    first_published_at=now,
                    last_published_at=now,
                    **{f"audience_{kind}": True for kind in kinds},
                )
            )
        bulk_add_children(library, pages)
        added += len(pages)
    return added


def bare_page() -> StandardPage:
    page = StandardPage.objects.filter(slug="perussivu").first()
    if page is None:
        home = Page.objects.get(depth=2, locale__language_code="fi").specific
        page = StandardPage(title="Perussivu", slug="perussivu")
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def main() -> None:
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    print(f"Database: {connection.vendor}. Loading the demo data…", flush=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("demo_data", "--no-logins", verbosity=0, stdout=open(os.devnull, "w"))
    print(f"  demo data: {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    added = add_instructions(INSTRUCTIONS)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"  bulk instructions: {added} pages in {time.perf_counter() - started:.1f} s", flush=True)
    User = get_user_model()
    page = (
        access.originals().filter(for_everyone=True, valid_until__isnull=True, related__isnull=False).first()
    )
    urls = {
        "bare Wagtail page (StandardPage)": bare_page().url,
        "/ohjeet/ (30 of all)": "/ohjeet/",
        "/ohjeet/?topic=palkkatuki": "/ohjeet/?topic=palkkatuki",
        "/ohjeet/?page=3": "/ohjeet/?page=3",
        "instruction page": page.url,
        "/ohjeet/muutokset/": "/ohjeet/muutokset/",
    }
    total = InstructionPage.objects.filter(locale__language_code="fi").count()
    for username in READERS:
        reader = User.objects.get(username=username)
        client = Client()
        client.force_login(reader)
        visible = access.visible_instructions(user=reader).count()
        results = measure_pages(client, urls, rounds=ROUNDS, warm_up=WARM_UP)
        bare = results["bare Wagtail page (StandardPage)"]
        print(
            f"\n{total} instructions; reader {username} ({reader.person.agency.kind}) sees {visible}; "
            f"{ROUNDS} rounds after {WARM_UP} warm-up rounds.\n"
        )
        print("| page | p50 ms | p95 ms | CPU p50 ms | queries | ratio to bare p50 | CPU ratio |")
        print("|------|-------:|-------:|-----------:|--------:|------------------:|----------:|")
        for name, timing in results.items():
            print(
                f"| {name} | {timing.p50:.1f} | {timing.p95:.1f} | {timing.cpu_p50:.1f} | {timing.queries} "
                f"| {timing.p50 / bare.p50:.2f}× | {timing.cpu_p50 / bare.cpu_p50:.2f}× |"
            )
    print(f"\n{machine_line()}")


if __name__ == "__main__":
    main()
