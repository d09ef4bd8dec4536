"""Finnish and Swedish analysis for the embedded engine, from the same data files as Elasticsearch.

Tantivy's tokenizer pipeline has Snowball stemmers and stop words but no
``stemmer_override``, no synonym filter, and its compound splitter
(``Filter.split_compound``) only splits a word that is *entirely* made of
lexicon parts, dropping the whole word (``tietoturvaohjeet`` stays whole
because ``ohjeet`` is inflected). Elasticsearch's ``dictionary_decompounder``
keeps the word and adds every lexicon part found inside it. To give the same
answers, the embedded engine analyses text here, in Python, with tantivy's own
stemmer and stop-word list (``TextAnalyzer.analyze``) per distinct word
(cached), and indexes the resulting terms pre-analysed (whitespace tokenizer):

* ``stem``: the word's stem, after the gradation override (``palkkatuen`` ->
  ``palkkatuki`` -> stem ``palkkatuk``, the same stem as ``palkkatuki``).
* ``parts``: stems of every lexicon part inside the word (``tietoturvaohjeet`` ->
  ``tieto``, ``turva``, ``ohje`` -> ``tieto``, ``turv``, ``ohj``), indexed in
  separate fields so that positions of the main field stay phrase-friendly.
* ``exact``: the lowercased word, for the exact-match boost, typo tolerance and
  "did you mean".

Synonyms are expanded on the query side (:meth:`Analysis.alternatives`), as the
Elasticsearch chain does at search time; multi-word synonyms are rewritten by
:func:`rewrite_phrases` before analysis.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import tantivy

LANGUAGES = {"fi": "finnish", "sv": "swedish"}
DATA_DIR = Path(__file__).resolve().parent.parent / "analysis" / "data"
# A word is a run of letters and digits (tantivy's simple tokenizer splits the same way).
WORD = re.compile(r"[^\W_]+")
# Lexicon parts shorter than this would match inside almost any word ("ty", "la").
MIN_PART = 3
# Words longer than this are not language (hashes, base64, URLs glued together):
# they are kept for exact matching only, never stemmed or decompounded.
MAX_WORD = 40
# Distinct words remembered per language; a 100,000-document index has a
# vocabulary of a few hundred thousand words, a query touches a handful.
WORD_CACHE = 400_000


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def load_data(lang: str) -> dict:
    """Lexicon, gradation overrides, synonyms and phrases for ``lang``.

    Uses the loaders of :mod:`search.analysis.data` (shared with the
    Elasticsearch chain) when they exist; reads the same files otherwise.
    """
    try:
        from search.analysis import data as shared  # owned by the Elasticsearch half
    except ImportError:
        shared = None
    if shared is not None:
        return {
            "parts": list(shared.load_compound_parts(lang)),
            "overrides": dict(shared.load_stem_overrides(lang)),
            "synonyms": [tuple(s) for s in shared.load_synonyms(lang)],
            "phrases": dict(shared.load_phrases(lang)),
        }
    overrides = {}
    for rule in _lines(DATA_DIR / f"{lang}_stem_overrides.txt"):
        left, _, right = rule.partition("=>")
        for word in left.split(","):
            if word.strip() and right.strip():
                overrides[word.strip().lower()] = right.strip().lower()
    phrases = {}
    for rule in _lines(DATA_DIR / f"{lang}_phrases.txt"):
        left, _, right = rule.partition("=>")
        if left.strip() and right.strip():
            phrases[" ".join(left.lower().split())] = right.strip().lower()
    return {
        "parts": [w.lower() for w in _lines(DATA_DIR / f"{lang}_compound_parts.txt")],
        "overrides": overrides,
        "synonyms": [
            tuple(w.strip().lower() for w in s.split(",") if w.strip())
            for s in _lines(DATA_DIR / f"{lang}_synonyms.txt")
        ],
        "phrases": phrases,
    }


# Control and invisible format characters (categories Cc and the usual Cf):
# replaced by a space. A regex rather than a per-character category test,
# which cost most of the indexing time.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufff9-\ufffb]")


def clean_text(text: str) -> str:
    """Text safe for the engine: no control characters, no lone surrogates, NFC."""
    if not text:
        return ""
    text = text.encode("utf-8", "ignore").decode("utf-8")  # drops lone surrogates
    return unicodedata.normalize("NFC", CONTROL.sub(" ", text))


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@dataclass
class Chain:
    """One language's analysis: tantivy's stemmer and stop words plus our data."""

    lang: str
    parts: frozenset[str] = frozenset()
    overrides: dict[str, str] = field(default_factory=dict)
    synonyms: list[tuple[str, ...]] = field(default_factory=list)
    phrases: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        language = LANGUAGES[self.lang]
        self._stop = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())
            .filter(tantivy.Filter.stopword(language))
            .build()
        )
        self._stemmer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())
            .filter(tantivy.Filter.stemmer(language))
            .build()
        )
        usable = sorted((p for p in self.parts if len(p) >= MIN_PART), key=len, reverse=True)
        # Every lexicon part starting at each position of a word, longest first:
        # a lookahead makes the matches overlap (tietoturva -> tieto, turva).
        self._part_pattern = re.compile("(?=(" + "|".join(map(re.escape, usable)) + "))") if usable else None
        self._part_stems = {p: self.stem(p) for p in usable}
        self._synonyms_by_stem: dict[str, set[str]] = {}
        for group in self.synonyms:
            for word in group:
                self._synonyms_by_stem.setdefault(self.stem(word), set()).update(group)
        self._cache: dict[str, tuple[str | None, tuple[str, ...]]] = {}
        self._forms_by_stem: dict[str, set[str]] | None = None  # built on first use (snippets)
        self._parts_by_stem: dict[str, set[str]] | None = None

    def stem(self, word: str) -> str:
        """The indexed stem of one lowercased word (gradation override first)."""
        target = self.overrides.get(word, word)
        out = self._stemmer.analyze(target)
        return out[0] if out else target

    def word(self, word: str) -> tuple[str | None, tuple[str, ...]]:
        """(stem or None for a stop word, stems of the lexicon parts inside it), cached."""
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) >= WORD_CACHE:
                self._cache.clear()
            found = self._cache[word] = self._word(word)
        return found

    def _word(self, word: str) -> tuple[str | None, tuple[str, ...]]:
        if len(word) > MAX_WORD or not self._stop.analyze(word):
            return None, ()
        stem = self.stem(word)
        found = []
        if self._part_pattern is not None and len(word) > MIN_PART:
            for match in self._part_pattern.finditer(word):
                piece = match.group(1)
                if piece != word:
                    part_stem = self._part_stems[piece]
                    if part_stem != stem and part_stem not in found:
                        found.append(part_stem)
        return stem, tuple(found)

    def field_terms(self, text: str) -> tuple[str, str, list[str]]:
        """(stems in order, parts, lowercased words) of a text; strings are whitespace-joined for the index."""
        stems, parts = [], []
        all_words = words(text)
        cache = self._cache
        for w in all_words:
            found = cache.get(w) or self.word(w)
            if found[0] is not None:
                stems.append(found[0])
                if found[1]:
                    parts.extend(found[1])
        return " ".join(stems), " ".join(parts), all_words

    def forms_of(self, stems) -> set[str]:
        """Words the gradation overrides send to one of ``stems`` (``palkkatuen`` for ``palkkatuk``)."""
        if self._forms_by_stem is None:
            by_stem: dict[str, set[str]] = {}
            for form, target in self.overrides.items():
                by_stem.setdefault(self.stem(target), set()).add(form)
            self._forms_by_stem = by_stem
        return set().union(*(self._forms_by_stem.get(s, ()) for s in stems))

    def parts_of(self, stems) -> set[str]:
        """Lexicon parts (as written) whose stem is one of ``stems``: a word holding one may match as a compound."""
        if self._parts_by_stem is None:
            by_stem: dict[str, set[str]] = {}
            for part, stem in self._part_stems.items():
                by_stem.setdefault(stem, set()).add(part)
            self._parts_by_stem = by_stem
        return set().union(*(self._parts_by_stem.get(s, ()) for s in stems))

    def synonyms_of(self, word: str) -> set[str]:
        return self._synonyms_by_stem.get(self.stem(word), set()) - {word}


class Analysis:
    """Both language chains, built once per process from the data files."""

    def __init__(self, data: dict[str, dict] | None = None):
        data = data or {lang: load_data(lang) for lang in LANGUAGES}
        self.chains = {
            lang: Chain(
                lang,
                parts=frozenset(d.get("parts", ())),
                overrides=dict(d.get("overrides", {})),
                synonyms=list(d.get("synonyms", ())),
                phrases=dict(d.get("phrases", {})),
            )
            for lang, d in data.items()
        }

    def chain(self, lang: str) -> Chain:
        return self.chains.get(lang) or self.chains["fi"]

    def rewrite_phrases(self, text: str, lang: str) -> str:
        """Append the single-word equivalents of multi-word synonyms found in ``text``."""
        try:
            from search.analysis.data import rewrite_phrases  # shared with the Elasticsearch chain

            return rewrite_phrases(text, lang)
        except ImportError:
            pass
        lowered = " ".join(words(text))
        extra = [
            target for phrase, target in self.chain(lang).phrases.items() if f" {phrase} " in f" {lowered} "
        ]
        return " ".join([text, *extra]) if extra else text


@lru_cache(maxsize=1)
def default_analysis() -> Analysis:
    return Analysis()
