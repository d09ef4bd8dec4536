"""Shared fixtures: service markers, the demo data once per session, databases for server processes and a
browser (the small organisation and one user per role: tests/organisation.py).

See docs/testing.md for how to use them.
"""

import os
import shutil

import pytest

# The hang watchdog (tests/watchdog.py); the small organisation and one user per role (tests/organisation.py).
pytest_plugins = ["tests.watchdog", "tests.organisation"]

_PRISTINE_SAVED = False  # set by django_db_setup once the "pristine" snapshot exists
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = "/usr/bin/chromium"


def _redis_available() -> str | None:
    url = os.environ.get("REDIS_URL")
    if not url:
        return "REDIS_URL is not set"
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as error:  # noqa: BLE001
        return f"Redis at REDIS_URL does not answer: {error}"
    return None


def _service_missing(marker: str) -> str | None:
    """Why the service a marker names is unavailable, or None when it is there."""
    if marker == "postgresql":
        url = os.environ.get("DATABASE_URL", "")
        return (
            None
            if url.startswith(("postgres://", "postgresql://"))
            else "DATABASE_URL is not a PostgreSQL URL"
        )
    if marker == "redis":
        return _redis_available()
    if marker == "search_server":
        from tests.search.server import server_missing

        return server_missing()
    if marker == "browser":
        return None if shutil.which(CHROMIUM) else f"{CHROMIUM} is not installed (apt-get install chromium)"
    return None


# Tests whose behaviour depends on the database, channel-layer or cache engine (SQL functions and
# locking, query counts, websockets through the layer, processes sharing a database, the settings
# of the embedded defaults). CI runs the whole suite on PostgreSQL + Redis and then only these
# again on the embedded defaults (`-m engine`, .ci/run). A new module belongs here when SQLite or
# the in-memory layer could make it pass or fail differently; a single test can also be marked
# with @pytest.mark.engine.
ENGINE_DEPENDENT = (
    "tests/chat/",
    "tests/realtime/",
    "tests/events/test_queries.py",
    "tests/instructions/test_demo.py",
    "tests/instructions/test_queries.py",
    "tests/intranet/test_crawl",  # test_crawl.py and the test_crawl_*.py beside it
    "tests/intranet/test_demo_data.py",
    "tests/intranet/test_home_cache.py",
    "tests/intranet/test_live_server_db.py",
    "tests/intranet/test_settings.py",
    "tests/intranet/test_worker.py",
    "tests/news/test_demo.py",
    "tests/news/test_discussion_cache.py",
    "tests/news/test_feed_sql.py",
    "tests/news/test_live.py",
    "tests/news/test_mentions.py",  # names folded by the database (translate() on PostgreSQL)
    "tests/news/test_queries.py",
    "tests/search/test_drain_pipeline.py",
    "tests/search/test_embedded_commands.py",
    "tests/search/test_embedded_outbox.py",
    "tests/search/test_embedded_processes.py",
    "tests/search/test_embedded_worker.py",
    "tests/teams/test_directory.py",
    "tests/teams/test_worklocation.py",
)


# Test bodies that are slow by design get a longer per-test timeout than pyproject.toml's 45 s
# (seconds; a test's own @pytest.mark.timeout wins): a crawl visits hundreds of pages per role, the
# demo checks run demo_data a second time, the process tests wait for real servers to start and stop,
# the settings tests start Python with other environments.
SLOW_BY_DESIGN = {
    "tests/intranet/test_crawl": 240,
    "tests/intranet/test_settings.py": 120,  # each test starts Python (and Django) once or twice
    "tests/intranet/test_demo_data.py": 120,
    "tests/instructions/test_demo.py": 120,
    "tests/news/test_demo.py": 120,
    "tests/events/test_registration_race.py": 120,  # 100 registrations from 25 threads queue on one row lock
    "tests/events/test_queries.py": 120,  # publishes events between two rounds of measured pages
    "tests/browser/": 120,
    "tests/chat/test_kill_server.py": 120,
    "tests/chat/test_slow_client.py": 120,
    "tests/chat/test_two_processes.py": 120,
    "tests/realtime/test_scale_out.py": 120,
    "tests/search/test_embedded_processes.py": 120,
    "tests/search/test_embedded_worker.py": 120,
    "tests/realtime/test_request_limits_server.py": 120,
    "tests/realtime/test_socket_lifetime_servers.py": 120,
    "tests/realtime/test_sso_sockets.py": 120,
    "tests/sso/": 120,  # each module starts the local identity provider
    "tests/intranet/test_http_fuzz.py": 120,
    "tests/intranet/test_media_paths.py": 120,  # hypothesis over path spellings
    "tests/intranet/test_admin_walk": 600,  # every admin URL pattern (~500 URLs), GET and POST, per role
}


def pytest_collection_modifyitems(config, items):
    root = config.rootpath
    for item in items:
        path = item.path.relative_to(root).as_posix() if item.path.is_relative_to(root) else ""
        if path.startswith(ENGINE_DEPENDENT):
            item.add_marker(pytest.mark.engine)
        if "demo_server_database" in item.fixturenames and item.get_closest_marker("django_db") is None:
            # The copy comes from the test database: pytest-django sets one up only for tests that say so
            # (in a transaction rolled back after the test: nothing to flush).
            item.add_marker(pytest.mark.django_db)
        if item.get_closest_marker("timeout") is None:
            for prefix, seconds in SLOW_BY_DESIGN.items():
                if path.startswith(prefix):
                    item.add_marker(pytest.mark.timeout(seconds))
                    break


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile``: the costliest files first, the fault tests in one process (tests/scheduling.py)."""
    if config.getoption("dist") != "loadfile":
        return None
    from tests.scheduling import CostliestFirst

    return CostliestFirst(config, log)


def pytest_runtest_setup(item):
    for marker in ("postgresql", "redis", "search_server", "browser"):
        if item.get_closest_marker(marker) is None:
            continue
        reason = _service_missing(marker)
        if reason is None:
            continue
        if IN_CI:
            pytest.fail(f"CI must provide every service; {marker}: {reason}", pytrace=False)
        pytest.skip(f"needs {marker}: {reason}")


# Transactional tests empty the database when they end. Django, and pytest-django in one process, run
# them after all other tests for that reason; pytest-xdist sends whole files in its own order, so a plain
# test can come next. A plain flush re-runs post_migrate (content types, groups) but not the migrations
# that made Wagtail's root page, the site and the sections, so the next test missed the instruction
# library; after a serialized-rollback test the flush skips post_migrate too, which left even the content
# types empty (reference-index rows then named content types that no longer existed).
_TRANSACTIONAL_FIXTURES = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction")
        or marker.kwargs.get("reset_sequences")
        or (marker.args and marker.args[0])
    ):
        return True
    test_case = getattr(item, "cls", None)
    if test_case is not None:
        from django.test import TestCase, TransactionTestCase

        if issubclass(test_case, TransactionTestCase) and not issubclass(test_case, TestCase):
            return True
    return bool(_TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


def database_back_to_migrations(config) -> None:
    """After a transactional test: the database as migrations left it, if the flush emptied it."""
    if not _PRISTINE_SAVED:
        return
    from django.contrib.contenttypes.models import ContentType
    from pytest_django.plugin import blocking_manager_key
    from wagtail.models import Site

    from tests import snapshots

    with config.stash[blocking_manager_key].unblock():
        if not (Site.objects.exists() and ContentType.objects.exists()):
            snapshots.restore("pristine")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # After the last test the session's fixtures are gone too, the test database with them.
    if nextitem is not None and _is_transactional(item):
        database_back_to_migrations(item.config)
    return result


@pytest.fixture(autouse=True, scope="session")
def index_writes_allowed():
    """The test process plays the worker too. Importing intranet.asgi (the websocket tests do, at
    collection) marks a process as a web process that never writes the embedded index; undo that
    before any test (a restore reindexes, the search tests build indexes), module-scoped fixtures included."""
    from search.engines import embedded_store

    embedded_store._writes_forbidden = False


@pytest.fixture(autouse=True)
def _local_cache_ends_with_the_test():
    """Counters in the local-memory cache (core.ratelimit's windows, cached fragments) never outlive a test.

    On SQLite a rolled-back test hands the next one the same primary keys, so a key such as
    ``rate:comment:7:…`` would count another test's person. With Redis the keys stay: the PostgreSQL phase
    never hands out a primary key twice, and flushing Redis would also drop what realtime tests keep there.
    """
    yield
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all(initialized_only=True):
        if isinstance(cache, LocMemCache):
            cache.clear()


# --- The demo data, once per session ------------------------------------------


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """pytest-django's test database, and a snapshot of it as migrations left it (Wagtail's root page
    and Site, the groups): ``demo_snapshot`` starts from there even after transactional tests have
    emptied the database."""
    global _PRISTINE_SAVED
    from pytest_django.fixtures import _get_databases_for_setup

    from tests import snapshots

    # pytest-django makes a test database only when a collected test uses one; without it the
    # connection still names the real database, which no snapshot may touch.
    aliases, _serialized = _get_databases_for_setup(request.session.items)
    if "default" in aliases:
        with django_db_blocker.unblock():
            snapshots.save("pristine")
        _PRISTINE_SAVED = True
    yield django_db_setup
    # The test database is dropped after this: nothing may put it back any more (the connection's name
    # is the real database's again), and no other process may copy its demo snapshot.
    if _PRISTINE_SAVED:
        from tests import shared_demo

        with shared_demo.shared(tmp_path_factory) as share:
            share.withdraw()
    _PRISTINE_SAVED = False


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """``manage.py demo_data`` once for the whole run (about a minute of CPU); returns its output.

    The first xdist process that needs it loads it; the others copy that process's snapshot into their own
    database (tests/shared_demo.py), or load it themselves when that fails.
    The demo organisation is loaded into the test database as migrations left it,
    copied into a snapshot inside it (tests/snapshots.py), and the database is
    put back as migrations left it. Tests never use this fixture directly: ``demo_loaded`` (a module in a
    transaction) and the browser tests' ``demo`` (a live server) restore the copy.
    """
    import io

    from django.core.management import call_command

    from tests import shared_demo, snapshots

    if not _PRISTINE_SAVED:
        pytest.fail(
            "The demo snapshot needs the test database: the test must use db, transactional_db or demo"
        )
    with django_db_blocker.unblock(), shared_demo.shared(tmp_path_factory) as share:
        output = share.copy()  # another xdist process of this run loaded it already
        if output is None:
            snapshots.restore("pristine")
            out = io.StringIO()
            call_command("demo_data", stdout=out)
            snapshots.save("demo")
            snapshots.restore("pristine")
            output = out.getvalue()
            share.offer(output)
    return output


@pytest.fixture(scope="module")
def demo_loaded(demo_snapshot, django_db_blocker):
    """The demo data for the whole module, copied from the session's snapshot; returns demo_data's output.

    Restored inside a transaction that is rolled back after the module; each test
    still runs in its own savepoint (request ``db`` or mark ``django_db``), so
    nothing a test does reaches the next one, and no other module sees the data.
    Not for transactional tests (browser, websocket): they use ``demo`` in tests/browser.
    """
    from django.core.cache import caches
    from django.db import transaction

    from tests import snapshots

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        snapshots.restore("demo")
    try:
        yield demo_snapshot
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
        for cache in caches.all(initialized_only=True):
            cache.clear()


# --- Databases for server processes (tests/server_sites.py) -------------------


@pytest.fixture(scope="session")
def migrated_site(request, tmp_path_factory, django_db_blocker):
    """A migrated VAR_DIR (SQLite database, secret key, collected static files) for servers that tests
    start as processes; built once per run (shared by the xdist processes). ``migrated_site.copy_to(var)``
    gives a module its own copy; ``tests.chat.servers.prepare_database`` adds two people and rooms.
    On SQLite the database is copied from the test database's ``pristine`` snapshot."""
    from django.db import connection

    from tests import snapshots
    from tests.server_sites import build_migrated_site

    pristine_copy = None
    if connection.vendor == "sqlite":
        request.getfixturevalue("django_db_setup")
        if _PRISTINE_SAVED:

            def pristine_copy(path):
                with django_db_blocker.unblock():
                    snapshots.copy_database(str(path), snapshot="pristine")

    return build_migrated_site(tmp_path_factory, pristine_copy=pristine_copy)


@pytest.fixture(scope="session")
def demo_server_database(demo_snapshot, django_db_blocker):
    """The session's demo data for servers started as processes: ``demo_server_database.use(var)`` makes a
    fresh copy (PostgreSQL: a database from a template; SQLite: ``var/db.sqlite3``) and returns the
    environment the processes need (DATABASE_URL, MEDIA_ROOT)."""
    from tests.server_sites import DemoServerDatabase

    databases = DemoServerDatabase(django_db_blocker)
    yield databases
    databases.close()


# --- Browser (the fixtures are in tests/browser/conftest.py) -----------------

CHROMIUM_ARGS = [
    "--no-sandbox",  # tests run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # No network here but loopback: stop Chromium from calling home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
