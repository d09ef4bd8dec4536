"""The relevance command runs in CI on the small judged corpus and fails below its threshold.

The judged queries run once for the module (``measured``); both tests read that one measurement.
"""

import io

import pytest
from django.core.management import CommandError, call_command

from search.management.commands.search_relevance import Command
from search.relevance.judgments import JUDGMENTS

pytestmark = pytest.mark.search_server


def test_judged_set_is_big_enough_and_bilingual():
    assert len(JUDGMENTS) >= 40
    assert {language for _, language, _, _ in JUDGMENTS} == {"fi", "sv"}
    assert {
        "inflected",
        "compound",
        "gradation",
        "synonym",
        "typo",
        "swedish",
        "names",
        "colloquial",
        "language",
        "precision",
    } <= {c for c, *_ in JUDGMENTS}
    assert sum(1 for category, *_ in JUDGMENTS if category == "swedish") >= 20


@pytest.fixture(scope="module")
def measured(search_server_url):
    return Command.measure(search_server_url)


def report(results, **options) -> str:
    out = io.StringIO()
    Command(stdout=out).report(results, verbose_queries=False, **options)
    return out.getvalue()


def test_relevance_meets_the_goal_and_beats_the_builtin_analyzer(measured):
    table = report(measured, threshold=0.90)
    assert "| all        |" in table and "WORSE" not in table
    all_row = next(line for line in table.splitlines() if line.startswith("| all"))
    cells = [cell.strip().rstrip("%") for cell in all_row.split("|")]
    # | all | queries | (a) R | (a) P | (a) MRR | (b) R | (b) P | (b) MRR | (b) vs (a) | (c) R | (c) P | …
    builtin_recall, builtin_precision = int(cells[3]), int(cells[4])
    for recall, precision in ((int(cells[6]), int(cells[7])), (int(cells[10]), int(cells[11]))):  # (b), (c)
        assert recall >= 90 and recall > builtin_recall
        assert precision >= 75 and precision > builtin_precision


def test_precision_is_measured_per_query():
    """A top five with one relevant key of five is 20 % precise; an irrelevant first hit is counted."""
    from search.relevance import evaluate

    category, language, text, expected = next(j for j in JUDGMENTS if j[2] == "lounas")
    scores, rows = evaluate.run(
        lambda q: ["p:launas", *expected, "p:lounela", "d:ohjelma", "d:palkka"] if q.text == text else []
    )
    row = next(r for r in rows if r["query"] == text)
    assert row["precision"] == 0.2 and row["recall"] == 1.0 and row["rr"] == 0.5
    assert scores["all"].irrelevant_top == 1.0


def test_relevance_command_fails_below_its_threshold(measured):
    with pytest.raises(CommandError, match="below"):
        report(measured, threshold=0.999)


def test_relevance_command_needs_a_search_server(settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="--url"):
        call_command("search_relevance", stdout=io.StringIO())
