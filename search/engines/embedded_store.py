"""Index directories, the ``current`` pointer, the writer lock and fresh readers.

Layout under the engine's root (``VAR_DIR/search/embedded`` by default)::

    current -> versions/20261126T044512-3f9a     (symlink, switched atomically)
    versions/<name>/                             (tantivy index directories)
    writer.lock                                  (flock: one writer at a time)

* **One writer.** Tantivy allows one ``IndexWriter`` per index directory.
  Every write (the worker's bulk, a rebuild) takes an exclusive ``flock`` on
  ``writer.lock`` first and gives the tantivy writer back before releasing it,
  so several worker processes take turns and a rebuild pauses the drain (the
  outbox keeps the rows meanwhile). Web processes never write: Daphne's entry
  point calls :func:`forbid_writes`.
* **Atomic switch.** A rebuild writes a new directory and replaces the
  ``current`` symlink with ``os.replace`` (a rename: readers see the old or the
  new index, never half of one). The previous directory is kept for readers
  that have not noticed yet; older ones are removed.
* **Fresh readers.** Before a search a reader looks at the pointer and at the
  index's ``meta.json`` (at most every ``CHECK_SECONDS``) and reloads when
  either changed, so a commit by the worker is visible within that time.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import tantivy

from search.engines.base import SearchUnavailable

# How stale a reader may be. Each check is two stat() calls; 0.25 s keeps a
# commit visible to every web process well within the promised second while
# costing nothing measurable per query.
CHECK_SECONDS = 0.25
# Commits made by this process, per index root: a store that sees the count change checks at once,
# so a write in this process is visible to every reader in it on the next search.
_local_commits: dict[Path, int] = {}
# How long a write waits for the lock (a rebuild of the demo data takes a few
# seconds; a larger index longer). After that the caller gets WriterBusy and
# the worker retries the drain later, with the outbox rows untouched.
LOCK_WAIT_SECONDS = 120.0

_writes_forbidden = False


def forbid_writes() -> None:
    """Mark this process as a web process: any write raises ReadOnlyProcess."""
    global _writes_forbidden
    _writes_forbidden = True


def writes_forbidden() -> bool:
    return _writes_forbidden


class ReadOnlyProcess(RuntimeError):
    """A web process tried to write the embedded index (only the worker writes)."""


class WriterBusy(SearchUnavailable):
    """Another process holds the writer lock (a rebuild); try again later."""


class Store:
    """The versioned index directories of one embedded engine."""

    def __init__(self, root: Path, schema_factory, register):
        self.root = Path(root)
        self.schema_factory = schema_factory
        self.register = register  # registers our tokenizers on an opened Index
        self._local = threading.local()
        self._lock = threading.Lock()
        self._index = None
        self._version = None
        self._meta_stamp = None
        self._checked_at = 0.0
        self._seen_local_commit = 0

    # --- paths -----------------------------------------------------------
    @property
    def pointer(self) -> Path:
        return self.root / "current"

    @property
    def versions(self) -> Path:
        return self.root / "versions"

    def current_version(self) -> str | None:
        try:
            return Path(os.readlink(self.pointer)).name
        except OSError:
            return None

    # --- reading ---------------------------------------------------------
    def _meta(self, version: str):
        try:
            st = os.stat(self.versions / version / "meta.json")
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def searcher(self):
        """(index, searcher) of the current version, reloaded if it changed; (None, None) when there is none."""
        now = time.monotonic()
        with self._lock:
            local_commit = _local_commits.get(self.root, 0)
            if (
                self._index is None
                or now - self._checked_at >= CHECK_SECONDS
                or local_commit != self._seen_local_commit
            ):
                self._checked_at = now
                self._seen_local_commit = local_commit
                version = self.current_version()
                if version is None:
                    self._index, self._version = None, None
                elif version != self._version:
                    index = tantivy.Index.open(str(self.versions / version))
                    self.register(index)
                    self._index, self._version = index, version
                    self._meta_stamp = self._meta(version)
                else:
                    stamp = self._meta(version)
                    if stamp != self._meta_stamp:
                        self._index.reload()
                        self._meta_stamp = stamp
            if self._index is None:
                return None, None
            return self._index, self._index.searcher()

    def refresh(self) -> None:
        """Look at the pointer and meta.json on the next search (after a write in this process): every
        store of this root in the process, not only the writer's, checks at once."""
        self._checked_at = 0.0
        _local_commits[self.root] = _local_commits.get(self.root, 0) + 1

    # --- writing ---------------------------------------------------------
    @contextmanager
    def write_lock(self, *, wait: float | None = None):
        # LOCK_WAIT_SECONDS is read at each call (a default argument would freeze it at import).
        wait = LOCK_WAIT_SECONDS if wait is None else wait
        if _writes_forbidden:
            raise ReadOnlyProcess("web processes never write the search index; the worker does")
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "writer.lock", "a+") as handle:
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as error:
                    if error.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() >= deadline:
                        raise WriterBusy("another process is writing the search index") from error
                    time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def create_version(self) -> tuple[str, tantivy.Index]:
        """A new, empty index directory (call with the write lock held)."""
        name = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:6]
        path = self.versions / name
        path.mkdir(parents=True)
        index = tantivy.Index(self.schema_factory(), path=str(path))
        self.register(index)
        return name, index

    def open_for_writing(self) -> tuple[str, tantivy.Index]:
        """The current version (created when missing), opened for a writer (lock held)."""
        version = self.current_version()
        if version is None or not (self.versions / version / "meta.json").exists():
            version, index = self.create_version()
            self.switch(version)
            return version, index
        index = tantivy.Index.open(str(self.versions / version))
        self.register(index)
        return version, index

    def switch(self, version: str) -> None:
        """Point ``current`` at ``version`` atomically, then prune old versions (lock held)."""
        previous = self.current_version()
        tmp = self.root / f".current-{uuid.uuid4().hex}"
        os.symlink(Path("versions") / version, tmp)
        os.replace(tmp, self.pointer)
        keep = {version, previous}
        for path in self.versions.iterdir():
            if path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)
        self.refresh()
