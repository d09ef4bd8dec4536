"""The search server is down while editors publish: publishing stays fast (the outbox is written in the
publishing transaction; the worker indexes), and once the server is back the index is complete."""

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import pytest

from tests.chat.servers import manage
from tests.faults.conftest import run_sql
from tests.search.server import binary

# The port of the search server of this test (its own: CI's shared one on 59200 must stay up).
PORT = int(os.environ.get("FAULTS_SEARCH_PORT") or 59220)

PUBLISH = """
import json, time
from news.models import NewsArticlePage, NewsIndexPage
from teams.models import Agency
index = NewsIndexPage.objects.get(locale__language_code="fi")
agency = Agency.objects.get(slug="keha-e2e")
took = []
for number in range(3):
    started = time.monotonic()
    article = NewsArticlePage(title=f"Vikasietotesti {number}", slug=f"vikasietotesti-{number}",
                              lead="Hakupalvelin on poissa.", publisher=agency)
    index.add_child(instance=article)
    article.save_revision().publish()
    took.append(time.monotonic() - started)
print(json.dumps(took))
"""


class SearchServer:
    def __init__(self):
        self.data_dir = tempfile.mkdtemp(prefix="taimi-faults-search-")
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{PORT}"

    def start(self):
        self.process = subprocess.Popen(
            [
                str(binary()),
                "start",
                "--only",
                "elasticsearch",
                "--data-dir",
                self.data_dir,
                "--elasticsearch-port",
                str(PORT),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url, timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("noida-db did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def count(self) -> int:
        with urllib.request.urlopen(f"{self.url}/taimi-search/_count", timeout=5) as response:
            return json.loads(response.read())["count"]


@pytest.mark.timeout(100)
def test_publishing_while_the_search_server_is_down_is_fast_and_indexed_after(topology):
    if binary() is None:
        pytest.fail("noida-db is not installed (the test extra)") if os.environ.get("CI") else pytest.skip(
            "noida-db"
        )
    search = SearchServer().start()
    env = {"ELASTICSEARCH_URL": search.url, "SEARCH_TIMEOUT": "1"}
    worker = topology.worker(**env)
    try:
        manage(topology.var, "search_reindex", env_extra={**topology.env, **env})
        before = search.count()
        worker.start()
        search.stop()
        output = manage(topology.var, "shell", "-c", PUBLISH, env_extra={**topology.env, **env})
        took = json.loads(output.strip().splitlines()[-1])
        assert max(took) < 3, took  # publishing does not wait for the search server
        search.start()
        # The changes failed while the server did not answer, so the worker drains them at its first tick
        # after the server answers (core.jobs, the search drain's ``sooner``: search.indexing.engine_back),
        # not at the next periodic drain a minute later.
        deadline = time.monotonic() + 30
        while True:
            try:
                found = search.count() - before
            except OSError:
                found = -1
            if found >= 3:
                break
            assert worker.alive(), worker.output()[-3000:]
            assert time.monotonic() < deadline, (found, worker.output()[-3000:])
            time.sleep(1)
        assert (
            run_sql(topology, "from search.models import IndexOutbox; print(IndexOutbox.objects.count())")
            == "0"
        )
    finally:
        worker.stop()
        search.stop()
        shutil.rmtree(search.data_dir, ignore_errors=True)
