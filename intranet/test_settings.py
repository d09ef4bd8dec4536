"""Test settings: the real settings with a few speed-ups that change no behaviour users see."""

import tempfile
from pathlib import Path

from intranet.settings import *  # noqa: F401,F403

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
# No connection pool in tests: pytest-django creates and drops the test database, which a pool holding
# connections to it would block; the pool is tested on the running topology (tests/deploy/).
DATABASES["default"].get("OPTIONS", {}).pop("pool", None)  # noqa: F405
