"""Generation tokens are shared by every process of one site (core.generations): the job worker publishing
a scheduled instruction must make Daphne's cached library listing stale at once, not when it expires."""

import os
import subprocess
import sys

from django.conf import settings
from django.test import override_settings

from core import generations

RENEW_IN_ANOTHER_PROCESS = """
import django
django.setup()
from core import generations
generations.renew("instructions:library:generation")
"""


def test_a_token_renewed_by_another_process_is_seen_here(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intranet.settings",
        "VAR_DIR": str(tmp_path),
    }
    env.pop("REDIS_URL", None)  # the one-machine default: no Redis, a file cache
    location = str(tmp_path / "cache" / "generations")
    shared = {
        **settings.CACHES,
        "generations": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": location,
        },
    }
    with override_settings(CACHES=shared):
        before = generations.current("instructions:library:generation")
        assert generations.current("instructions:library:generation") == before
        subprocess.run(
            [sys.executable, "-c", RENEW_IN_ANOTHER_PROCESS], env=env, check=True, cwd=settings.BASE_DIR
        )
        assert generations.current("instructions:library:generation") != before


def test_without_redis_the_tokens_are_in_a_file_cache_every_process_of_the_site_reads(tmp_path):
    env = {**os.environ, "VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "intranet.settings"}
    env.pop("REDIS_URL", None)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.CACHES['generations']['BACKEND'], settings.CACHES['generations']['LOCATION'])",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    ).stdout.split()
    assert out == [
        "django.core.cache.backends.filebased.FileBasedCache",
        str(tmp_path / "cache" / "generations"),
    ]
