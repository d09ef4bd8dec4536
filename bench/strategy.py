"""Benchmark: the opinion map of a statement round with 550 participants and 200 statements, and the round page.

Goals (the strategy issue): the opinion map computed in ≤ 2 s by the worker's function
(strategy.opinion.refresh: reading the votes, PCA, k-means, storing); the round page ≤ 1.5× a bare
Wagtail page (a StandardPage with a title only) measured in the same run. Query counts constant in the
number of votes are asserted in tests (tests/strategy/test_pages.py), not here.

Run: bash scripts/bench.sh   (DATABASE_URL=postgres://... to measure PostgreSQL)
"""

import datetime
import os
import random
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
from intranet.models import StandardPage  # noqa: E402
from strategy import opinion  # noqa: E402
from strategy.models import Round, Statement, StatementParticipation, StatementVote  # noqa: E402

PARTICIPANTS = 550
STATEMENTS = 200
GROUPS = 3
ROUNDS = 15
WARM_UP = 3
SLUG = "bench-vaitteet"


def statement_round() -> Round:
    """A closed statement round (the map and the results are shown) with every demo person's votes."""
    found = Round.objects.filter(slug=SLUG).first()
    if found:
        return found
    now = timezone.now()
    round = Round.objects.create(
        slug=SLUG,
        title_fi="Väitekierros",
        stage=5,
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now - datetime.timedelta(minutes=1),
        anonymous=True,
        statements=True,
        comments=False,
    )
    statements = Statement.objects.bulk_create(
        [Statement(round=round, text=f"Väite {n}", state=Statement.State.APPROVED) for n in range(STATEMENTS)]
    )
    rng = random.Random(1)
    leanings = [[rng.choice([1, -1]) for _ in statements] for _ in range(GROUPS)]
    people = list(get_user_model().objects.filter(person__isnull=False).order_by("pk")[:PARTICIPANTS])
    votes, seen = [], []
    for n, user in enumerate(people):
        token = f"bench-{n}"
        for statement, lean in zip(statements, leanings[n % GROUPS]):
            if rng.random() < 0.3:
                continue
            votes.append(
                StatementVote(statement=statement, voter=token, choice=lean if rng.random() > 0.15 else 0)
            )
            seen.append(StatementParticipation(statement=statement, user=user, day=now.date()))
    StatementVote.objects.bulk_create(votes, batch_size=2000)
    StatementParticipation.objects.bulk_create(seen, batch_size=2000)
    return round


def bare_page() -> StandardPage:
    page = StandardPage.objects.filter(slug="perussivu-strategia").first()
    if page is None:
        home = Page.objects.get(depth=2, locale__language_code="fi").specific
        page = StandardPage(title="Perussivu", slug="perussivu-strategia")
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def main() -> None:
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    print(f"Database: {connection.vendor}. Loading the demo data…", flush=True)
    call_command("migrate", verbosity=0)
    call_command("demo_data", "--no-logins", verbosity=0, stdout=open(os.devnull, "w"))
    round = statement_round()
    votes = StatementVote.objects.filter(statement__round=round).count()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    times, cpu = [], []
    for _ in range(5):
        started, started_cpu = time.perf_counter(), time.process_time()
        data = opinion.refresh(round=round)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    best, worst = min(times), max(times)
    print(
        f"\nOpinion map: {data['participants']} participants, {STATEMENTS} statements, {votes} votes, "
        f"{len(data['groups'])} groups; wall best {best:.2f} s, worst {worst:.2f} s of 5 (goal ≤ 2 s: "
        f"{'met' if worst <= 2 else '**not met**'}); process CPU median {sorted(cpu)[2]:.2f} s "
        "(all threads: leaves out waiting for a core on a busy machine)."
    )
    client = Client()
    client.force_login(get_user_model().objects.get(username="viestinta"))
    bare = "bare Wagtail page (StandardPage)"
    page = "statement round page (map, 200 statements' votes)"
    results = measure_pages(
        client,
        {bare: bare_page().url, page: f"/strategia/kierros/{round.slug}/"},
        rounds=ROUNDS,
        warm_up=WARM_UP,
    )
    print("\n| page | p50 ms | p95 ms | CPU p50 ms | queries | ratio to bare p50 | goal | met? |")
    print("|------|-------:|-------:|-----------:|--------:|------------------:|------|------|")
    base = results[bare]
    for name, timing in results.items():
        ratio = timing.p50 / base.p50
        goal = "≤ 1.5× bare" if name == page else "–"
        met = ("yes" if ratio <= 1.5 else "**no**") if name == page else "–"
        print(
            f"| {name} | {timing.p50:.1f} | {timing.p95:.1f} | {timing.cpu_p50:.1f} | {timing.queries} "
            f"| {ratio:.2f}× | {goal} | {met} |"
        )
    print(f"\n{machine_line()}")


if __name__ == "__main__":
    main()
