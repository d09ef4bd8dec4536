"""Diacritic folding of names and query words, shared by both engines and the people lookups.

People type names without å, ä and ö on foreign keyboards and phones:
"makela" must find "Mäkelä", "sjoberg" "Sjöberg". ``fold`` lowercases and
removes combining marks (ä→a, ö→o, å→a, é→e, ü→u); letters without a
decomposition are mapped explicitly (ø→o, æ→ae, ß→ss, đ→d, ł→l), as
Elasticsearch's ``asciifolding`` does.
"""

from __future__ import annotations

import unicodedata

_EXTRA = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ð": "d"})


def fold(text: str) -> str:
    """Lowercased text without diacritics ("Mäkelä" -> "makela")."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_EXTRA)


def name_match_rank(query: str, first_name: str, last_name: str) -> int:
    """How well a typed query matches a person's name, best 0 (lower is better), 9 when it does not.

    0: the whole name as typed (either order); 1: every query word is a whole name part; 2: every word
    starts a name part; 3: every word occurs inside the name; 9: no match. Compared folded, so "makela"
    ranks Mäkelä as "mäkelä" does.
    """
    words = fold(query).split()
    if not words:
        return 9
    first, last = fold(first_name).split(), fold(last_name).split()
    parts = first + last
    joined = " ".join(words)
    if joined in (" ".join(first + last), " ".join(last + first)):
        return 0
    if all(w in parts for w in words):
        return 1
    if all(any(p.startswith(w) for p in parts) for w in words):
        return 2
    whole = " ".join(parts)
    if all(w in whole for w in words):
        return 3
    return 9
