"""The durable outbox between the database and the search engine.

``record(refs=...)`` adds outbox rows inside the caller's transaction (a
publish that rolls back leaves no row; one that commits always leaves one),
and asks the worker to drain once the transaction commits. ``drain()`` runs in
the worker: it takes due rows in batches, coalesces them by object, asks the
adapters for each object's current documents, writes them with one bulk call
and deletes exactly the rows it read. When the engine fails, the rows stay,
with a growing delay before the next attempt; nothing is lost and a change is
written once when the engine is back.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import logging
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, transaction
from django.utils import timezone

from search.adapters import registry, split_ref
from search.models import IndexOutbox

logger = logging.getLogger(__name__)

# Rows per drain round. A round's rows are deleted together once all of its
# requests succeeded (a failure keeps them all), and a round ends with one
# part-filled request, so larger rounds mean fewer, fuller requests; 2,000
# ids keep the DELETE and the documents in memory (a few MB) small.
BATCH = 2000
# Backoff after a failed attempt: 5 s, 10 s, 20 s ... capped at 10 minutes, so
# a restarted cluster is caught up within minutes without hammering a dead one.
BACKOFF_BASE = datetime.timedelta(seconds=5)
BACKOFF_MAX = datetime.timedelta(minutes=10)
# A round that failed while the engine did not answer at all is kept with this prefix on its error. Such
# rows do not wait out their backoff once the engine answers a ping again: the next drain (on a commit, or
# the periodic one within a minute) writes them, so an index is whole about a minute after its cluster is
# back instead of up to BACKOFF_MAX. Rows that failed on an answering engine (a document it refuses) keep
# their backoff, so one bad row never makes every drain hammer the engine.
UNREACHABLE = "unreachable: "


# Chat messages arrive many per second and each must stay cheap to store
# (docs/chat.md): their outbox rows ask for a drain at most this often per
# process. A message is searchable within about this long, at worst at the
# next periodic drain (a minute); pages and people ask on every commit.
CHAT_DRAIN_EVERY = 2.0
_last_asked = 0.0


_INSERT_SQL = f"INSERT INTO {IndexOutbox._meta.db_table} (ref, created_at, attempts, last_error) VALUES "
_INSERT_ROWS = 400  # rows per statement: 800 parameters, under SQLite's old limit of 999


def record(*, refs, throttle: float = 0.0) -> None:
    """Add outbox rows in the caller's transaction; on commit ask the worker to drain (``throttle``: at most
    once per that many seconds in this process; the periodic drain catches up with the rest)."""
    global _last_asked
    refs = [ref for ref in dict.fromkeys(refs) if ref]
    if not refs:
        return
    # Plain multi-row INSERTs (400 rows each): bulk_create's per-value field preparation cost as much as the adapters'
    # reading for a big batch (a reindex of changes, an import); the columns are few and fixed.
    stamp = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        for start in range(0, len(refs), _INSERT_ROWS):
            chunk = refs[start : start + _INSERT_ROWS]
            cursor.execute(
                _INSERT_SQL + ", ".join(["(%s, %s, 0, '')"] * len(chunk)),
                [value for ref in chunk for value in (ref, stamp)],
            )
    if throttle:
        now = time.monotonic()
        if now - _last_asked < throttle:
            return
        _last_asked = now
    transaction.on_commit(schedule_drain)


def schedule_drain() -> None:
    """Queue one drain job unless one is already waiting (a bulk import queues one, not thousands)."""
    from search import tasks

    try:
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(
            status=TaskResultStatus.READY, task_path="search.tasks.drain_index"
        ).exists()
    except Exception:  # noqa: BLE001 - another task backend: just enqueue
        waiting = False
    if not waiting:
        try:
            tasks.drain_index.enqueue()
        except Exception:  # noqa: BLE001 - the periodic drain catches up
            logger.warning(
                "Could not queue the search drain job; the periodic drain will catch up", exc_info=True
            )


@contextlib.contextmanager
def gc_paused():
    """Python's cyclic garbage collector off while a batch of documents is built.

    Loading thousands of model instances triggers collection after collection
    that find nothing to free (a third of the drain's CPU, measured with the
    demo data). Memory is bounded by one round (BATCH rows); the collector runs
    again, once, when the round is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _backoff(attempts: int) -> datetime.timedelta:
    return min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


def drain(*, engine=None, now=None, max_rounds: int = 1000) -> dict:
    """Write every due outbox row to the engine. Returns counts: written, deleted, failed, left."""
    from search.engines import get_engine

    engine = engine or get_engine()
    stats = {"written": 0, "deleted": 0, "failed": 0, "rounds": 0}
    if engine is None:
        # No engine configured: nothing to keep in step (a reindex builds the
        # index when one is configured); do not let the table grow.
        _delete_rows(IndexOutbox.objects.all())
        return stats
    adapters = registry()
    probed = False
    for _ in range(max_rounds):
        now_ = now or timezone.now()
        rows = list(
            IndexOutbox.objects.filter(next_attempt_at__isnull=True).values_list("id", "ref")[:BATCH]
        ) or list(IndexOutbox.objects.filter(next_attempt_at__lte=now_).values_list("id", "ref")[:BATCH])
        if not rows and not probed:
            probed = True
            if _engine_back(engine, now_):
                continue
        if not rows:
            break
        stats["rounds"] += 1
        ids = [row_id for row_id, _ in rows]
        by_type: dict[str, set[int]] = defaultdict(set)
        for _, ref in rows:
            kind, pk = split_ref(ref)
            by_type[kind].add(pk)
        try:
            with gc_paused():
                written, removed = _write(
                    engine, _batches(adapters, by_type, getattr(engine, "pipeline_chunk", None))
                )
        except Exception as error:  # noqa: BLE001 - any engine failure: keep the rows, try later
            stats["failed"] += len(ids)
            ping = getattr(engine, "ping", None)
            _postpone(ids, f"{UNREACHABLE}{error}" if ping is not None and not ping() else error, now_)
            logger.warning("Search index not updated (%s); %d change(s) kept for later", error, len(ids))
            break
        _delete_rows(IndexOutbox.objects.filter(id__in=ids))
        stats["written"] += written
        stats["deleted"] += removed
    stats["left"] = IndexOutbox.objects.count()
    return stats


def _delete_rows(rows) -> None:
    """One DELETE statement. ``QuerySet.delete()`` cannot take its fast path here: Wagtail and others listen
    to every model's delete signals, so Django's collector would first load each outbox row as a model
    instance (a third of a demo drain's database time). Outbox rows have no relations and nobody needs
    their delete signals."""
    rows._raw_delete(rows.db)


def _batches(adapters, by_type: dict[str, set[int]], chunk: int | None):
    """(upserts, deletes) per batch of objects: each batch is read in a fixed number of queries (adapter.prepare).

    ``chunk``: objects per batch, so that the engine's request for one batch can travel while the next one
    is read (see _write); None: one batch per type (the embedded engine commits once per bulk call)."""
    for kind, pks in by_type.items():
        adapter = adapters.get(kind)
        if adapter is None:
            logger.warning("No search adapter for %r; dropping %d change(s)", kind, len(pks))
            continue
        pks = sorted(pks)
        step = chunk or len(pks)
        for start in range(0, len(pks), step):
            yield adapter.documents_for(pks[start : start + step])


def _requests(batches, size: int):
    """Re-cut the adapters' batches into requests of ``size`` changes, across types (a request has a fixed
    cost on the engine: a small one per type would waste it)."""
    upserts: list = []
    deletes: list = []
    for batch_upserts, batch_deletes in batches:
        upserts += batch_upserts
        deletes += batch_deletes
        while len(upserts) + len(deletes) >= size:
            take_deletes = deletes[:size]
            take_upserts = upserts[: size - len(take_deletes)]
            deletes, upserts = deletes[len(take_deletes) :], upserts[len(take_upserts) :]
            yield take_upserts, take_deletes
    if upserts or deletes:
        yield upserts, deletes


def _write(engine, batches) -> tuple[int, int]:
    """Send the changes with ``engine.bulk`` from one sender thread while the next batch is read.

    The database work for batch N+1 (adapters) overlaps the engine's work on request N (network, the server
    indexing); at most one request is in flight and requests are sent in order, so a later change to an
    object is never overtaken by an earlier one. The sender thread never touches the database. The first
    failure stops the round (the caller keeps every row of it: upserts are idempotent, rewriting is safe).
    Engines without ``pipeline_chunk`` get one call per type, in this thread.
    """
    written = removed = 0
    chunk = getattr(engine, "pipeline_chunk", None)
    if chunk is None:
        for upserts, deletes in batches:
            if upserts or deletes:
                engine.bulk(upserts=upserts, deletes=deletes)
            written, removed = written + len(upserts), removed + len(deletes)
        return written, removed
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-bulk") as sender:
        pending = None
        try:
            for upserts, deletes in _requests(batches, chunk):
                if pending is not None:
                    pending.result()  # the previous request's failure stops the round here
                pending = sender.submit(engine.bulk, upserts=upserts, deletes=deletes)
                written, removed = written + len(upserts), removed + len(deletes)
        finally:
            if pending is not None:
                pending.result()
    return written, removed


def engine_back(*, now=None) -> bool:
    """True when changes wait because the engine did not answer, and it answers a ping now.

    The worker asks this at every tick (core.jobs, the search drain's ``sooner``): one query on the outbox,
    and a ping only while such changes wait."""
    from search.engines import get_engine

    return _waiting_for_engine(now or timezone.now()).exists() and _answers(get_engine())


def _engine_back(engine, now) -> bool:
    """Rows that wait because the engine did not answer are due now when it answers a ping again."""
    waiting = _waiting_for_engine(now)
    if not waiting.exists() or not _answers(engine):
        return False
    return waiting.update(next_attempt_at=None) > 0


def _waiting_for_engine(now):
    """Outbox rows waiting out their backoff because the engine did not answer at all."""
    return IndexOutbox.objects.filter(next_attempt_at__gt=now, last_error__startswith=UNREACHABLE)


def _answers(engine) -> bool:
    ping = getattr(engine, "ping", None)
    return ping is not None and bool(ping())


def _postpone(ids, error, now) -> None:
    """Count the failed attempt and set the next one: one UPDATE per distinct attempt count (usually one)."""
    attempts = IndexOutbox.objects.filter(id__in=ids).order_by().values_list("attempts", flat=True).distinct()
    for count in list(attempts):
        IndexOutbox.objects.filter(id__in=ids, attempts=count).update(
            attempts=count + 1, next_attempt_at=now + _backoff(count + 1), last_error=str(error)[:1000]
        )
