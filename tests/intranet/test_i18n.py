"""The Finnish and Swedish catalogs are complete and compiled."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


def _unescape(text: str) -> str:
    """A .po string's C escapes (\\", \\n, \\\\) as the characters they stand for."""
    return re.sub(r"\\(.)", lambda match: {"n": "\n", "t": "\t"}.get(match.group(1), match.group(1)), text)


def entries(po_text: str):
    """(context, msgid, [msgstr...], flags) for each entry of a .po file (single-line strings only)."""
    for block in po_text.split("\n\n"):
        lines = block.strip().splitlines()
        msgid = next((_unescape(line[7:-1]) for line in lines if line.startswith('msgid "')), None)
        if not msgid:
            continue  # the header
        context = next((line[9:-1] for line in lines if line.startswith('msgctxt "')), None)
        strings = [
            _unescape(re.sub(r'^msgstr(\[\d\])? "', "", line)[:-1])
            for line in lines
            if line.startswith("msgstr")
        ]
        continued = [line for line in lines if line.startswith('"')]
        flags = " ".join(line for line in lines if line.startswith("#,"))
        yield context, msgid, strings, flags, continued


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_entry_is_translated(language):
    po = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text()
    problems = []
    for _context, msgid, strings, flags, continued in entries(po):
        if "fuzzy" in flags:
            problems.append(f"fuzzy: {msgid}")
        if not continued and any(s == "" for s in strings):
            problems.append(f"untranslated: {msgid}")
    assert problems == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_compiled_catalog_matches_the_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    po = (folder / "django.po").read_text()
    with open(folder / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    missing = [
        msgid
        for context, msgid, strings, _flags, continued in entries(po)
        if context is None and len(strings) == 1 and not continued and compiled.gettext(msgid) != strings[0]
    ]
    assert missing == [], "run: python manage.py compilemessages --ignore=.venv"
