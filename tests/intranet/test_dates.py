"""One date format per language: 6.12.2026 in Finnish, Swedish and English (intranet/formats)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from tests.html_checks import date_problems

DAY = datetime.date(2026, 12, 6)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_language_writes_dates_as_day_month_year_without_leading_zeros(language):
    moment = timezone.make_aware(datetime.datetime(2027, 1, 5, 9, 7))
    with override(language):
        assert date_format(DAY) == date_format(DAY, "SHORT_DATE_FORMAT") == "6.12.2026"
        assert (
            date_format(moment, "SHORT_DATETIME_FORMAT")
            == date_format(moment, "DATETIME_FORMAT")
            == "5.1.2027 09:07"
        )
        # Templates that print a date as it is, or with |date (Wagtail's admin does both).
        assert Template("{{ day }} {{ day|date }}").render(Context({"day": DAY})) == "6.12.2026 6.12.2026"


def test_the_check_finds_the_formats_seen_before():
    """The three formats the pages showed: only the Kielitoimisto one passes."""
    text = "Seuraava tarkistus 06.12.2027. Voimassa 16.9.2026 alkaen. Päivitetty 2026-11-06. Dec. 6, 2026"
    assert date_problems(f"<p>{text}</p>") == [
        "a date not written as 6.12.2026: '06.12.2027'",
        "a date not written as 6.12.2026: '2026-11-06'",
        "a date not written as 6.12.2026: 'Dec. 6, 2026'",
    ]
    assert date_problems('<p>6.12.2026 <time datetime="2026-12-06">6.12.2026</time></p>') == []
