"""The whole embedded path in separate processes, as ``scripts/start.sh`` runs it.

A migrated SQLite site in a temporary VAR_DIR, with no ELASTICSEARCH_URL:

* the **worker** (``manage.py run_worker``) is the only process that writes the index;
* an **editor** process publishes a news article through Wagtail (the outbox row
  and the drain job are written in the publishing transaction);
* a **web** process (Django's request handling, writes forbidden as in Daphne)
  asks ``/haku/`` until the article shows up.

The article must be found within the promised time of the worker's commit.
"""

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings

BIN = Path(sys.executable).parent
# docs/search.md: a commit is visible to every web process within this.
VISIBLE_WITHIN = 2.0
# From the publish to the web process seeing it: the worker polls its queue
# every 0.2 s here, the drain and commit take tens of milliseconds.
PUBLISHED_WITHIN = 15.0

WEB = """
import json, os, sys, time
import django
django.setup()
from search.engines.embedded_store import forbid_writes
forbid_writes()  # what intranet/asgi.py does in every Daphne process
from django.contrib.auth import get_user_model
from django.test import Client
user, _ = get_user_model().objects.get_or_create(username="lukija")
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(user)
print("ready", flush=True)
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    page = client.get("/haku/", {"q": "vesijohtoremontti"})
    assert page.status_code == 200, page.status_code
    if "Vesijohtoremontti alkaa" in page.content.decode():
        print(json.dumps({"seen_at": time.time()}), flush=True)
        break
    time.sleep(0.05)
"""

EDITOR = """
import json, time
import django
django.setup()
from news.models import NewsIndexPage
from teams.models import Agency
from tests.news.conftest import publish_article
publisher = Agency.objects.create(slug="keha-testi", name_fi="KEHA-keskus", kind=Agency.Kind.KEHA, region="uusimaa")
index = NewsIndexPage.objects.get(locale__language_code="fi")
publish_article(index, title="Vesijohtoremontti alkaa Mikkelissä", publisher=publisher,
                lead="Toimitalon vesijohtoremontti alkaa maanantaina.")
print(json.dumps({"published_at": time.time()}), flush=True)
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory, migrated_site):
    var = migrated_site.copy_to(tmp_path_factory.mktemp("embedded-site"))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "ELASTICSEARCH_URL", "SEARCH_EMBEDDED_DIR", "REDIS_URL"}
    }
    # The production settings, with static files from the app folders (no collectstatic needed).
    (var / "site_settings.py").write_text(
        "from intranet.settings import *  # noqa\n"
        "STORAGES = {**STORAGES, 'staticfiles': {'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
        "WHITENOISE_USE_FINDERS = True\n"
    )
    env.update(
        VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="site_settings", PYTHONPATH=f"{settings.BASE_DIR}:{var}"
    )
    # The database is a copy of the session's migrated one (tests/server_sites.py).
    # scripts/start.sh builds the index before serving (search_reindex); an empty one is enough here.
    subprocess.run(
        [
            str(BIN / "python"),
            "-c",
            "import django; django.setup(); "
            "from search.engines import get_engine; get_engine().ensure_index()",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        timeout=60,
    )
    return var, env


def python(code, env, **kw):
    return subprocess.Popen(
        [str(BIN / "python"), "-c", textwrap.dedent(code)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def test_published_through_the_worker_found_by_a_web_process(site):
    var, env = site
    worker = subprocess.Popen(
        [str(BIN / "python"), "manage.py", "run_worker", "--interval", "0.2"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    web = python(WEB, env)
    try:
        assert web.stdout.readline().strip() == "ready", web.stderr.read()
        editor = python(EDITOR, env)
        out, err = editor.communicate(timeout=120)
        assert editor.returncode == 0, err
        published_at = json.loads(out.strip().splitlines()[-1])["published_at"]
        out, err = web.communicate(timeout=90)
        assert out.strip(), f"the web process never found the article: {err[-2000:]}"
        seen_at = json.loads(out.strip())["seen_at"]
        assert seen_at - published_at <= PUBLISHED_WITHIN
        # The commit that brought it: the index's meta.json, written by the worker.
        current = var / "search" / "embedded" / "current"
        committed_at = (current / "meta.json").stat().st_mtime
        assert seen_at - committed_at <= VISIBLE_WITHIN, (
            f"seen {seen_at - committed_at:.2f} s after the commit"
        )
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
        if web.poll() is None:
            web.kill()
    # Only the worker wrote: the outbox is empty and the web process held no writer.
    outbox = subprocess.run(
        [
            str(BIN / "python"),
            "-c",
            "import django; django.setup(); from search.models import IndexOutbox; print(IndexOutbox.objects.count())",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert outbox.stdout.strip() == "0", outbox.stderr
