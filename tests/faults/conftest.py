"""One topology for every fault test (tests/faults/topology.py): a PostgreSQL cluster and a Redis server of
the tests' own, migrated once with two people and a chat room (tests/chat/servers.py SETUP)."""

import json

import pytest

from tests.chat.servers import SETUP, manage
from tests.faults.topology import Topology, fault_tools_missing

# Every test here runs in the PostgreSQL + Redis phase of .ci/run (and is skipped, or fails in CI, without them).
pytestmark = [pytest.mark.postgresql, pytest.mark.redis]


@pytest.fixture(scope="session")
def topology(tmp_path_factory):
    missing = fault_tools_missing()
    if missing:
        pytest.fail(missing) if __import__("os").environ.get("CI") else pytest.skip(missing)
    topology = Topology(tmp_path_factory.mktemp("faults"))
    try:
        topology.postgres.init()
        topology.redis.start()
        manage(topology.var, "migrate", "--noinput", "-v0", env_extra=topology.env)
        manage(topology.var, "collectstatic", "--noinput", "-v0", env_extra=topology.env)
        output = manage(topology.var, "shell", "-c", SETUP, env_extra=topology.env)
        topology.setup = json.loads(output.split("SETUP", 1)[1])
        yield topology
    finally:
        topology.close()


def run_sql(topology, code: str) -> str:
    """Run Python in a Django shell against the topology's database; returns the last line printed."""
    return manage(topology.var, "shell", "-c", code, env_extra=topology.env).strip().splitlines()[-1]
