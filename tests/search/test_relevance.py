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
    assert {"inflected", "compound", "gradation", "synonym", "typo", "swedish"} <= {c for c, *_ in JUDGMENTS}


@pytest.fixture(scope="module")
def measured(search_server_url):
    return Command.measure(search_server_url)


def report(results, **options) -> str:
    out = io.StringIO()
    Command(stdout=out).report(results, verbose_queries=False, **options)
    return out.getvalue()


def test_relevance_meets_the_goal_and_beats_the_builtin_analyzer(measured):
    table = report(measured, threshold=0.90)
    assert "| all       |" in table and "WORSE" not in table
    all_row = next(line for line in table.splitlines() if line.startswith("| all"))
    ours_recall = int(all_row.split("|")[5].strip().rstrip("%"))
    builtin_recall = int(all_row.split("|")[3].strip().rstrip("%"))
    assert ours_recall >= 90 and ours_recall > builtin_recall
    embedded_recall = int(all_row.split("|")[8].strip().rstrip("%"))  # column (c): the embedded engine
    assert embedded_recall >= 90 and embedded_recall > builtin_recall


def test_relevance_command_fails_below_its_threshold(measured):
    with pytest.raises(CommandError, match="below"):
        report(measured, threshold=0.999)


def test_relevance_command_needs_a_search_server(settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="--url"):
        call_command("search_relevance", stdout=io.StringIO())
