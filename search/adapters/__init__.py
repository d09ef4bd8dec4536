"""Adapters turn the apps' objects into :class:`SearchDocument` objects.

One small adapter per kind of thing (instructions.py, news.py, pages.py,
teams.py, chat.py). Each knows three things:

* ``type``: the prefix of its outbox refs and document keys ("news:12");
* ``queryset()``: every object that may be in the index;
* ``prepare(objects)``: what ``to_documents`` needs for a whole batch (URLs,
  related names), in a fixed number of queries per batch whatever its size
  (tests/search/test_adapter_batches.py counts them);
* ``to_documents(obj)``: the object's documents (none when it must not be
  found: unpublished, inactive, past its validity...).

The outbox (search.indexing) stores refs, never documents, and asks the
adapter for the current state when it drains, so the index always ends up
with the latest version of each object, written once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from search.engines.base import SearchDocument


class Adapter:
    type: str = ""
    # Documents per database round trip when the whole set is read (reindex, status).
    CHUNK = 200

    def queryset(self):
        raise NotImplementedError

    def to_documents(self, obj) -> list[SearchDocument]:
        raise NotImplementedError

    def prepare(self, objects: list) -> None:
        """Fetch what ``to_documents`` needs for a whole batch at once (a fixed number of queries)."""

    def keys_for(self, pk) -> list[str]:
        """Every key an object's documents can have (deleted objects: remove them all)."""
        return [f"{self.type}:{pk}"]

    def documents_for(self, pks: Iterable) -> tuple[list[SearchDocument], list[str]]:
        """(documents to write, keys to delete) for these objects, in their current state."""
        pks = list(pks)
        upserts: list[SearchDocument] = []
        deletes: list[str] = []
        found = {obj.pk: obj for obj in self.queryset().filter(pk__in=pks)}
        self.prepare(list(found.values()))
        for pk in pks:
            documents = self.to_documents(found[pk]) if pk in found else []
            upserts.extend(documents)
            keys = {d.key for d in documents}
            deletes.extend(k for k in self.keys_for(pk) if k not in keys)
        return upserts, deletes

    # Optional, for the database fallback without an engine (search.fallback): a page adapter's
    # ``fallback_pages(*, user, now)`` (the queryset a reader may find, or None) and the people adapter's
    # ``fallback_people(*, text)``. And for outbox rows on page changes, a page adapter's ``page_model``.
    page_model: str = ""

    def count(self) -> int:
        return self.queryset().count()

    def iter_documents(self) -> Iterator[SearchDocument]:
        queryset = self.queryset().order_by("pk")
        last = None
        while True:
            chunk = queryset.filter(pk__gt=last) if last is not None else queryset
            objects = list(chunk[: self.CHUNK])
            if not objects:
                return
            self.prepare(objects)
            for obj in objects:
                yield from self.to_documents(obj)
            last = objects[-1].pk


# Each app registers its adapters in its AppConfig.ready(), so that search imports no app
# (docs/architecture.md). ``order`` is the order a full reindex writes them in.
_REGISTERED: list[tuple[int, Adapter]] = []


def register(adapter: Adapter, *, order: int) -> None:
    _REGISTERED[:] = [(o, a) for o, a in _REGISTERED if a.type != adapter.type]
    _REGISTERED.append((order, adapter))
    _REGISTERED.sort(key=lambda item: item[0])


def registry() -> dict[str, Adapter]:
    """Adapters by type, in the order a full reindex writes them."""
    return {adapter.type: adapter for _order, adapter in _REGISTERED}


def split_ref(ref: str) -> tuple[str, int]:
    kind, _, pk = ref.partition(":")
    return kind, int(pk)
