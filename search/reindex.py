"""Full rebuilds and the status report (the management commands are thin wrappers)."""

from __future__ import annotations

from collections.abc import Iterator

from search.adapters import registry
from search.engines.base import SearchDocument


def all_documents() -> tuple[Iterator[SearchDocument], int]:
    """Every document the database says should be searchable, and (about) how many."""
    adapters = list(registry().values())
    total = sum(adapter.count() for adapter in adapters)

    def documents():
        for adapter in adapters:
            yield from adapter.iter_documents()

    return documents(), total


def rebuild(*, engine, progress=None) -> str:
    documents, total = all_documents()
    return engine.rebuild(documents, total=total, progress=progress)


def expected_keys() -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for kind, adapter in registry().items():
        keys[kind] = {document.key for document in adapter.iter_documents()}
    return keys


def status(*, engine) -> dict:
    """Per type: documents in the database and in the index, and which keys are missing or extra."""
    from search.models import IndexOutbox

    expected = expected_keys()
    indexed = engine.keys()
    rows = []
    missing_all, extra_all = [], []
    known = set()
    for kind, keys in expected.items():
        in_index = {k for k in indexed if k.split(":", 1)[0] == kind}
        missing = sorted(keys - in_index)
        extra = sorted(in_index - keys)
        known |= in_index
        rows.append(
            {"type": kind, "database": len(keys), "index": len(in_index), "missing": missing, "extra": extra}
        )
        missing_all += missing
        extra_all += extra
    extra_all += sorted(indexed - known)
    oldest = IndexOutbox.objects.order_by("created_at").first()
    return {
        "rows": rows,
        "missing": missing_all,
        "extra": extra_all,
        "outbox": IndexOutbox.objects.count(),
        "outbox_oldest": oldest.created_at if oldest else None,
        "outbox_error": IndexOutbox.objects.exclude(last_error="")
        .values_list("last_error", flat=True)
        .first(),
        "in_step": not missing_all and not extra_all,
    }
