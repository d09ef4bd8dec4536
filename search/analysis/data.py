"""Loaders for the analysis data files (format: docs/search.md, "Analysis data").

Shared by both engines. Files are UTF-8, ``#`` starts a comment, blank lines
are ignored. Loaders are cached: the files change only with a deploy (and a
reindex, since the index-time chain changes with them).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from search.analysis import LANGUAGES

DATA_DIR = Path(__file__).resolve().parent / "data"
WORD = re.compile(r"\w+(?:-\w+)*")


class AnalysisDataError(ValueError):
    """A data file has a line the engines would reject; the message names the file and line."""


def _lines(name: str):
    if name.split("_", 1)[0] not in LANGUAGES:
        raise ValueError(f"unknown language in {name}")
    path = DATA_DIR / name
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield number, line.lower()


@functools.cache
def load_compound_parts(lang: str) -> tuple[str, ...]:
    """Word parts for the dictionary decompounder, in file order, without duplicates."""
    parts: dict[str, None] = {}
    for number, line in _lines(f"{lang}_compound_parts.txt"):
        if not WORD.fullmatch(line):
            raise AnalysisDataError(f"{lang}_compound_parts.txt:{number}: one word per line, got {line!r}")
        parts[line] = None
    return tuple(parts)


@functools.cache
def load_stem_overrides(lang: str) -> dict[str, str]:
    """Inflected form -> base form; the base form maps to itself (so the whole family is one token)."""
    overrides: dict[str, str] = {}
    for number, line in _lines(f"{lang}_stem_overrides.txt"):
        left, arrow, right = line.partition("=>")
        right = right.strip()
        forms = [form.strip() for form in left.split(",") if form.strip()]
        if not arrow or not WORD.fullmatch(right) or not forms or not all(WORD.fullmatch(f) for f in forms):
            raise AnalysisDataError(
                f"{lang}_stem_overrides.txt:{number}: expected 'form, form => base' with single words, got {line!r}"
            )
        for form in [*forms, right]:
            overrides[form] = right
    return overrides


@functools.cache
def load_synonyms(lang: str) -> list[tuple[str, ...]]:
    """One-word equivalence sets."""
    sets = []
    for number, line in _lines(f"{lang}_synonyms.txt"):
        words = tuple(word.strip() for word in line.split(",") if word.strip())
        if len(words) < 2 or not all(WORD.fullmatch(w) for w in words):
            raise AnalysisDataError(
                f"{lang}_synonyms.txt:{number}: expected two or more single words separated by commas, got {line!r}"
            )
        sets.append(words)
    return sets


@functools.cache
def load_phrases(lang: str) -> dict[str, str]:
    """Multi-word phrase (words joined by one space) -> what the query adds."""
    phrases = {}
    for number, line in _lines(f"{lang}_phrases.txt"):
        left, arrow, right = line.partition("=>")
        left = " ".join(WORD.findall(left))
        right = right.strip()
        if not arrow or len(left.split()) < 2 or not right:
            raise AnalysisDataError(
                f"{lang}_phrases.txt:{number}: expected 'several words => replacement', got {line!r}"
            )
        phrases[left] = right
    return phrases


def rewrite_phrases(text: str, lang: str) -> str:
    """Add the one-word equivalent of every multi-word synonym found in ``text``.

    The original words stay (they still match pages that use them); the
    replacement is appended, so "matkustus lasku" searches "matkustus lasku
    matkalasku". Matching is on whole words, case-insensitive.
    """
    words = [word.lower() for word in WORD.findall(text)]
    if len(words) < 2:
        return text
    joined = f" {' '.join(words)} "
    additions = []
    for phrase, replacement in load_phrases(lang if lang in LANGUAGES else "fi").items():
        if f" {phrase} " in joined and replacement not in words and replacement not in additions:
            additions.append(replacement)
    return " ".join([text, *additions]) if additions else text
