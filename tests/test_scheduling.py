"""The xdist scheduler (tests/scheduling.py) keeps the files that share the fault tests' costly session
fixture in one process, and hands out the costliest scope first."""

from pathlib import Path

from tests.scheduling import COST, cost, scope_of

ROOT = Path(__file__).resolve().parent.parent


def test_files_using_the_fault_topology_share_one_scope():
    users = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests").rglob("test_*.py")
        if path != Path(__file__).resolve() and "tests.faults.conftest import topology" in path.read_text()
    )
    assert users, "no file outside tests/faults/ imports the topology fixture"
    for path in users + ["tests/faults/test_faults.py"]:
        assert scope_of(f"{path}::test_x") == "tests/faults/", path


def test_every_costed_file_exists_and_costs_more_than_its_share():
    for scope, seconds in COST.items():
        assert (ROOT / scope).exists(), scope
        assert cost(scope, 1) == seconds
    assert cost("tests/news/test_small.py", 10) < cost("tests/intranet/test_crawl.py", 10)
