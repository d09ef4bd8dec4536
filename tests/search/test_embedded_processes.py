"""The embedded index across real processes: one writer, readers elsewhere, crashes.

Each helper process is a plain ``python -c`` with the engine on a shared
directory, as the worker (writer) and Daphne processes (readers) use it.
"""

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from search.engines.base import SearchDocument, SearchQuery
from search.engines.embedded import EmbeddedEngine
from search.engines.embedded_store import CHECK_SECONDS

ROOT = Path(__file__).resolve().parents[2]
# The promise in docs/search.md: a commit is visible to every web process within this.
VISIBLE_WITHIN = 2.0

PRELUDE = textwrap.dedent(
    """
    import json, sys, time
    sys.path.insert(0, %r)
    from search.engines.base import SearchDocument, SearchQuery
    from search.engines.embedded import EmbeddedEngine
    engine = EmbeddedEngine(root=sys.argv[1])
    def doc(i, title):
        return SearchDocument(key=f"instruction:{i}", type="instruction", language="fi", title=title, url=f"/o/{i}/")
    """
    % str(ROOT)
)


def spawn(code: str, root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", PRELUDE + textwrap.dedent(code), str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def doc(i, title):
    return SearchDocument(
        key=f"instruction:{i}", type="instruction", language="fi", title=title, url=f"/o/{i}/"
    )


def found(engine, text):
    return [h.key for h in engine.search(SearchQuery(text=text, audience="ely")).hits]


def test_a_commit_by_the_writer_process_reaches_reader_processes_promptly(tmp_path):
    EmbeddedEngine(root=tmp_path).bulk(upserts=[doc(1, "Vanha ohje")])
    # Two reader processes (as two Daphne processes), already serving queries.
    reader_code = """
        deadline = time.monotonic() + 20
        engine.search(SearchQuery(text="ohje", audience="ely"))  # reader open before the commit
        print("ready", flush=True)
        while time.monotonic() < deadline:
            if any(h.key == "instruction:2" for h in engine.search(SearchQuery(text="etätyö", audience="ely")).hits):
                print(json.dumps({"seen_at": time.time()}), flush=True)
                break
            time.sleep(0.02)
    """
    readers = [spawn(reader_code, tmp_path) for _ in range(2)]
    for reader in readers:
        assert reader.stdout.readline().strip() == "ready"
    writer = spawn(
        """
        engine.bulk(upserts=[doc(2, "Etätyön ohje")])
        print(json.dumps({"committed_at": time.time()}), flush=True)
        """,
        tmp_path,
    )
    out, err = writer.communicate(timeout=30)
    assert writer.returncode == 0, err
    committed_at = json.loads(out)["committed_at"]
    for reader in readers:
        out, err = reader.communicate(timeout=30)
        assert out.strip(), f"reader never saw the commit: {err}"
        delay = json.loads(out.strip())["seen_at"] - committed_at
        assert delay <= VISIBLE_WITHIN, f"seen after {delay:.2f} s"


def test_two_writer_processes_take_turns(tmp_path):
    EmbeddedEngine(root=tmp_path).ensure_index()
    code = """
        first = int(sys.argv[2])
        for i in range(first, first + 20):
            engine.bulk(upserts=[doc(i, f"Ohje numero {i}")])
    """
    writers = [spawn(code, tmp_path, str(start)) for start in (0, 100)]
    for writer in writers:
        _, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
    assert EmbeddedEngine(root=tmp_path).count() == 40


def test_a_writer_killed_mid_rebuild_loses_nothing_committed_and_frees_the_lock(tmp_path):
    engine = EmbeddedEngine(root=tmp_path)
    engine.bulk(upserts=[doc(1, "Matkalasku")])
    before = engine.store.current_version()
    writer = spawn(
        """
        def slow():
            for i in range(10_000):
                if i == 50:
                    print("writing", flush=True)
                time.sleep(0.001)
                yield doc(i + 10, f"Uusi ohje {i}")
        engine.rebuild(slow(), total=10_000)
        """,
        tmp_path,
    )
    assert writer.stdout.readline().strip() == "writing"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=10)
    # Readers still see the last committed index, unchanged.
    assert engine.store.current_version() == before
    assert found(engine, "matkalasku") == ["instruction:1"]
    # The lock died with the process: the next writer (the restarted worker) goes on.
    engine.bulk(upserts=[doc(2, "Matkalaskun liitteet")])
    assert sorted(found(engine, "matkalasku")) == ["instruction:1", "instruction:2"]
    # The half-written directory is removed at the next switch.
    engine.rebuild(iter([doc(1, "Matkalasku")]), total=1)
    assert len(list((tmp_path / "versions").iterdir())) == 2


def test_queries_keep_answering_while_the_index_is_rebuilt_and_switched(tmp_path):
    engine = EmbeddedEngine(root=tmp_path)
    engine.bulk(upserts=[doc(i, f"Palkkatuen ohje {i}") for i in range(50)])
    reader = EmbeddedEngine(root=tmp_path)  # another engine object: its own reader, as in a web process
    errors, totals, stop = [], [], threading.Event()

    def query_loop():
        while not stop.is_set():
            try:
                totals.append(reader.search(SearchQuery(text="palkkatuki", audience="ely")).total)
            except Exception as error:  # noqa: BLE001 - the assertion below reports it
                errors.append(error)

    thread = threading.Thread(target=query_loop)
    thread.start()
    try:
        for round_ in range(3):
            size = 60 + round_ * 10
            engine.rebuild((doc(i, f"Palkkatuen ohje {i}") for i in range(size)), total=size)
            time.sleep(CHECK_SECONDS * 2)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not errors
    assert totals and all(total >= 50 for total in totals)  # never an empty or half-built index
    assert reader.search(SearchQuery(text="palkkatuki", audience="ely")).total == 80


def test_daphne_entry_point_makes_the_process_read_only(tmp_path):
    """intranet.asgi (what Daphne loads) forbids index writes in that process."""
    code = (
        "import os, sys; sys.path.insert(0, %r); os.environ['DJANGO_SETTINGS_MODULE'] = 'intranet.test_settings'\n"
        "import intranet.asgi\n"
        "from search.engines.embedded_store import writes_forbidden, ReadOnlyProcess\n"
        "from search.engines.embedded import EmbeddedEngine\n"
        "try:\n"
        "    EmbeddedEngine(root=sys.argv[1]).ensure_index()\n"
        "except ReadOnlyProcess:\n"
        "    print('refused', writes_forbidden())\n"
    ) % str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "VAR_DIR": str(tmp_path / "var")},
    )
    assert done.stdout.strip() == "refused True", done.stderr[-2000:]
    assert not (tmp_path / "current").exists()
