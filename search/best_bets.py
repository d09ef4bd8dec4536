"""Editors' best bets, looked up on every search from a cached map instead of the database.

The whole table is small (tens of phrases), read on every first page of
``/haku/`` and changed a few times a month, so the map phrase → page keys is
kept in the cache and dropped whenever a best bet is saved or deleted (also
when deleting a page cascades to its bets). The keys go to the engine as
pinned documents, under the reader's access filter as before.
"""

from __future__ import annotations

from django.core.cache import cache

CACHE_KEY = "search:best-bets:v2"
# How long a map may live in the cache. With Redis (several web processes) the
# signal clears the shared entry at once; with the per-process memory cache of a
# one-machine install, another web process sees an editor's change within this
# many seconds. Longer saves a query a minute; shorter shows changes sooner.
TTL_SECONDS = 60


def analysed(text: str, lang: str) -> str:
    """The phrase as the search analyses it: stems in order, stop words out, diacritics folded
    ("Matkalaskut" and "matkalaskun" -> "matkalask"). Empty when nothing is left."""
    from search.analysis.folding import fold
    from search.engines.tantivy_analysis import default_analysis, words

    chain = default_analysis().chain(lang)
    return " ".join(fold(stem) for stem in (chain.word(w)[0] for w in words(text)) if stem)


def _load() -> dict[str, tuple[str, ...]]:
    """phrase -> keys, and ("fi"|"sv", analysed phrase) -> keys for the analysed match."""
    from search.models import BestBet
    from search.signals import page_ref

    mapping: dict = {}
    for bet in BestBet.objects.select_related("page").order_by("phrase", "pk"):
        ref = page_ref(bet.page)
        if ref:
            mapping.setdefault(bet.phrase, []).append(ref)
            for lang in ("fi", "sv"):
                form = analysed(bet.phrase, lang)
                if form and ref not in mapping.setdefault((lang, form), []):
                    mapping[(lang, form)].append(ref)
    return {phrase: tuple(refs) for phrase, refs in mapping.items()}


def keys_for(phrase: str, *, language: str = "fi") -> tuple[str, ...]:
    """Pinned keys for an already normalised phrase (search.models.normalise_phrase): the phrase as typed,
    else the same words in another form ("matkalaskut" for a bet on "matkalasku"), in the reader's language
    first."""
    mapping = cache.get(CACHE_KEY)
    if mapping is None:
        mapping = _load()
        cache.set(CACHE_KEY, mapping, TTL_SECONDS)
    found = mapping.get(phrase)
    if found or not phrase.strip():
        return found or ()
    other = "sv" if language == "fi" else "fi"
    for lang in (language, other):
        found = mapping.get((lang, analysed(phrase, lang)))
        if found:
            return found
    return ()


def forget(**kwargs) -> None:
    """Signal receiver: a best bet changed; the next search reads the table again."""
    cache.delete(CACHE_KEY)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from search.models import BestBet

    post_save.connect(forget, sender=BestBet, dispatch_uid="search-best-bets-save")
    post_delete.connect(forget, sender=BestBet, dispatch_uid="search-best-bets-delete")
