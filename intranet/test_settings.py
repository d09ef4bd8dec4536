"""Test settings: the real settings with a few speed-ups that change no behaviour users see."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def _redis_url_of_this_worker(url: str, worker: str) -> str:
    """Each pytest-xdist worker (gw0, gw1, …) gets a Redis database of its own, numbered after the one
    REDIS_URL names: cache, sessions and channel-layer keys do not meet, and the realtime hub's pub/sub
    prefix follows the database number (realtime/hub.py), so neither do its broadcasts. Set in the
    environment too, so the Daphne and worker processes a test starts use the same database."""
    if not url or not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{base + 1 + int(worker[2:])}"))


if os.environ.get("REDIS_URL"):
    os.environ["REDIS_URL"] = _redis_url_of_this_worker(
        os.environ["REDIS_URL"], os.environ.get("PYTEST_XDIST_WORKER", "")
    )

from intranet.settings import *  # noqa: E402, F401, F403

# Manifest storage needs `collectstatic` first; tests use plain storage.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# PBKDF2 with a million rounds costs ~0.3 s per login; tests log in hundreds of times.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Channels runs ORM calls in worker threads; persistent connections there would
# keep the PostgreSQL test database open when pytest-django drops it.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared in-memory database: with an in-memory database the live server
    # threads (browser tests) share the test body's SQLite connection, and a query of one thread
    # that calls a Python SQL function (LIKE, date functions) while the other binds parameters
    # deadlocks on the connection's mutex and the GIL. Each thread now has its own connection,
    # as in production: a lock held too long ends in "database is locked", never in a hang.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="intranet-test-db-")) / "test.sqlite3"),
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="intranet-test-media-"))  # noqa: F405
# Serve static files straight from the app folders (no collectstatic in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Jobs run at once, in the test's own transaction; tests of the worker itself
# switch to the database queue (tests/intranet/test_worker.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Search tests pick their own server and a fresh index (tests/search/conftest.py);
# the rest of the suite never writes to a search engine by accident.
ELASTICSEARCH_URL = ""
SEARCH_EMBEDDED_DIR = (
    ""  # no embedded index either: /haku/ answers from the database unless a test picks an engine
)
if CACHES["generations"]["BACKEND"].endswith("FileBasedCache"):  # noqa: F405
    # Each test process its own tokens: another xdist process's changes would renew them mid-test.
    CACHES["generations"]["LOCATION"] = tempfile.mkdtemp(prefix="intranet-test-generations-")  # noqa: F405
# No connection pool in tests: pytest-django creates and drops the test database, which a pool holding
# connections to it would block; the pool is tested on the running topology (tests/deploy/).
DATABASES["default"].get("OPTIONS", {}).pop("pool", None)  # noqa: F405
