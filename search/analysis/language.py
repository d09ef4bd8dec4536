"""Which language a query is written in, to rank the reader's language first unless the query is in the other.

A product or system name is the same in Finnish and Swedish: the reader's
language decides. A query wins the other language only on evidence: the
letter å (not in Finnish words), common function words, or words the other
language's analysis data knows (compound parts, gradation forms, synonyms)
and the reader's does not.
"""

from __future__ import annotations

import functools
import re

from search.analysis.data import load_compound_parts, load_phrases, load_stem_overrides, load_synonyms

FUNCTION_WORDS = {
    "sv": frozenset(
        "och att det är för på med som inte jag vi har av till om kan ska den vad hur var när ny nya".split()
    ),
    "fi": frozenset(
        "ja on ei että se ole kun mutta myös voi olen oli tämä minä me te nyt vai miten mikä uusi".split()
    ),
}
WORD = re.compile(r"\w+")


@functools.cache
def vocabulary(lang: str) -> frozenset[str]:
    words = set(load_compound_parts(lang)) | set(load_stem_overrides(lang))
    for group in load_synonyms(lang):
        words.update(group)
    for phrase, target in load_phrases(lang).items():
        words.update(phrase.split())
        words.update(WORD.findall(target))
    return frozenset(words)


def query_language(text: str, reader: str) -> str:
    """``"fi"`` or ``"sv"``: the reader's language unless the query shows it is in the other one."""
    reader = reader if reader in ("fi", "sv") else "fi"
    other = "sv" if reader == "fi" else "fi"
    words = WORD.findall((text or "").lower())
    if not words:
        return reader
    score = {"fi": 0, "sv": 0}
    if "å" in text.lower():
        score["sv"] += 2
    for word in words:
        for lang in ("fi", "sv"):
            if word in FUNCTION_WORDS[lang]:
                score[lang] += 2
        in_fi, in_sv = word in vocabulary("fi"), word in vocabulary("sv")
        if in_fi != in_sv:
            score["fi" if in_fi else "sv"] += 1
    return other if score[other] > score[reader] else reader
