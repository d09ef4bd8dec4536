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


def registry() -> dict[str, Adapter]:
    """Adapters by type, in the order a full reindex writes them."""
    from django.apps import apps

    from news.search import NewsAdapter
    from intranet.search import ContentPageAdapter
    from teams.search import LocationAdapter, PersonAdapter, TeamAdapter

    adapters: list[Adapter] = [NewsAdapter(), ContentPageAdapter(), PersonAdapter(), TeamAdapter(), LocationAdapter()]
    if apps.is_installed("chat"):
        from chat.search import ChatMessageAdapter

        adapters.append(ChatMessageAdapter())
    try:
        from instructions.search import InstructionAdapter
    except ImportError:  # the instruction library is not installed in this build
        pass
    else:
        adapters.insert(0, InstructionAdapter())
    return {adapter.type: adapter for adapter in adapters}


def split_ref(ref: str) -> tuple[str, int]:
    kind, _, pk = ref.partition(":")
    return kind, int(pk)
