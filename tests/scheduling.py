"""Which xdist process runs which test files: the costliest first, so that both finish near each other.

pytest-xdist's ``--dist loadfile`` sends whole files (module fixtures are built once) in the order of
their number of tests. A file of five slow tests then comes last and one process works alone at the end.
``CostliestFirst`` (installed by tests/conftest.py for ``--dist loadfile``) hands each free process the
file that costs the most of those left; small files fill the end. Files under one prefix of
``SAME_PROCESS`` go to one process together, because they share a session fixture that is costly to
build (the fault tests' PostgreSQL cluster).

``COST`` holds the seconds a file costs in CI's PostgreSQL phase (setup and calls, from
``--durations``) when that is far from what its number of tests says; every other file counts
``PER_TEST`` seconds a test (``PER_BROWSER_TEST`` in tests/browser/). The numbers only order the
files: a stale one costs balance, never a test.
"""

from __future__ import annotations

from xdist.scheduler import LoadFileScheduling

# Files that share a session fixture too costly to build twice (the fault tests' own PostgreSQL cluster,
# Redis and processes) run in one process: path prefix -> the scope they join.
SAME_PROCESS = {
    "tests/faults/": "tests/faults/",
    "tests/browser/test_chat_drain.py": "tests/faults/",
}

PER_TEST = 0.3
PER_BROWSER_TEST = 6.0

COST = {
    "tests/faults/": 230,  # with tests/browser/test_chat_drain.py
    "tests/deploy/test_topology.py": 120,
    "tests/browser/test_accessibility.py": 100,
    "tests/intranet/test_admin_walk.py": 60,
    "tests/intranet/test_admin_walk_editors.py": 60,
    "tests/intranet/test_admin_walk_owners.py": 60,
    "tests/intranet/test_admin_walk_work_account.py": 60,
    "tests/intranet/test_crawl.py": 60,
    "tests/intranet/test_crawl_editors.py": 55,
    "tests/intranet/test_crawl_administrators.py": 55,
    "tests/intranet/test_crawl_dates.py": 50,
    "tests/browser/test_chat.py": 60,
    "tests/intranet/test_demo_data.py": 60,
    "tests/browser/test_daphne.py": 50,
    "tests/chat/test_two_processes.py": 40,
    "tests/chat/test_kill_server.py": 40,
    "tests/chat/test_slow_client.py": 35,
    "tests/realtime/test_socket_lifetime_servers.py": 35,
    "tests/search/test_embedded_worker.py": 35,
    "tests/search/test_embedded_processes.py": 30,
    "tests/news/test_demo.py": 40,
    "tests/instructions/test_demo.py": 40,
    "tests/chat/test_fuzz.py": 30,
    "tests/browser/test_must_read.py": 30,
    "tests/intranet/test_backup.py": 30,
    "tests/intranet/test_settings.py": 30,
    "tests/realtime/test_scale_out.py": 25,
}


def scope_of(nodeid: str) -> str:
    path = nodeid.split("::", 1)[0]
    return next((scope for prefix, scope in SAME_PROCESS.items() if path.startswith(prefix)), path)


def cost(scope: str, tests: int) -> float:
    if COST.get(scope):
        return COST[scope]
    return tests * (PER_BROWSER_TEST if scope.startswith("tests/browser/") else PER_TEST)


class CostliestFirst(LoadFileScheduling):
    def _split_scope(self, nodeid: str) -> str:
        return scope_of(nodeid)

    def _assign_work_unit(self, node) -> None:
        costliest = max(self.workqueue, key=lambda scope: cost(scope, len(self.workqueue[scope])))
        self.workqueue.move_to_end(costliest, last=False)
        super()._assign_work_unit(node)
