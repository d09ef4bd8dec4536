"""Settings follow the environment: embedded defaults, or the production engines."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROBE = """
import json, intranet.settings as s
print(json.dumps({
    "engine": s.DATABASES["default"]["ENGINE"],
    "name": str(s.DATABASES["default"]["NAME"]),
    "host": s.DATABASES["default"].get("HOST", ""),
    "layer": s.CHANNEL_LAYERS["default"]["BACKEND"],
    "layer_hosts": s.CHANNEL_LAYERS["default"].get("CONFIG", {}).get("hosts"),
    "cache": s.CACHES["default"]["BACKEND"],
    "debug": s.DEBUG,
    "secret": s.SECRET_KEY,
    "hosts": s.ALLOWED_HOSTS,
    "elasticsearch": s.ELASTICSEARCH_URL,
    "base_url": s.WAGTAILADMIN_BASE_URL,
}))
"""

SERVICE_VARIABLES = [
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "TAIMI_BASE_URL",
    "BASE_URL",
    "HOST",
    "PORT",
]


def load_settings(tmp_path: Path, **env) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    clean.update(VAR_DIR=str(tmp_path), **env)
    output = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=clean,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def test_embedded_defaults(tmp_path):
    loaded = load_settings(tmp_path)
    assert loaded["engine"] == "django.db.backends.sqlite3"
    assert loaded["name"] == str(tmp_path / "db.sqlite3")
    assert loaded["layer"] == "channels.layers.InMemoryChannelLayer"
    assert loaded["cache"].endswith("LocMemCache")
    assert loaded["debug"] is False
    assert loaded["elasticsearch"] == ""


def test_secret_key_is_generated_once_and_kept(tmp_path):
    first = load_settings(tmp_path)["secret"]
    assert len(first) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0  # readable by the owner only
    assert load_settings(tmp_path)["secret"] == first


def test_production_engines_from_the_environment(tmp_path):
    loaded = load_settings(
        tmp_path,
        DATABASE_URL="postgres://intranet:pw@db.internal:5432/intranet",
        REDIS_URL="redis://redis.internal:6379/0",
        ELASTICSEARCH_URL="http://search.internal:9200",
        SECRET_KEY="from-the-environment",
        ALLOWED_HOSTS="taimi.keha.example, localhost",
        DEBUG="1",
    )
    assert loaded["engine"] == "django.db.backends.postgresql"
    assert loaded["host"] == "db.internal"
    assert loaded["layer"] == "channels_redis.core.RedisChannelLayer"
    assert loaded["layer_hosts"] == ["redis://redis.internal:6379/0"]
    assert loaded["cache"].endswith("RedisCache")
    assert loaded["elasticsearch"] == "http://search.internal:9200"
    assert loaded["secret"] == "from-the-environment"
    assert loaded["hosts"] == ["taimi.keha.example", "localhost"]
    assert loaded["debug"] is True
    assert not (tmp_path / "secret_key").exists()


def test_links_in_e_mails_use_the_configured_site_address(tmp_path):
    """Wagtail's workflow e-mails and our reminders link to WAGTAILADMIN_BASE_URL (docs/architecture.md)."""
    assert (
        load_settings(tmp_path, TAIMI_BASE_URL="https://taimi.keha.example/")["base_url"]
        == "https://taimi.keha.example"
    )
    # Without it, the address scripts/start.sh serves on, not a fixed port 8000.
    assert load_settings(tmp_path, HOST="10.0.0.5", PORT="8123")["base_url"] == "http://10.0.0.5:8123"


PRODUCTION = dict(
    SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
    ALLOWED_HOSTS="taimi.keha.example",
    SECURE_COOKIES="1",
    SECURE_SSL_REDIRECT="1",
    SECURE_HSTS_SECONDS="31536000",
    SECURE_HSTS_INCLUDE_SUBDOMAINS="1",
    SECURE_PROXY_SSL_HEADER="1",
)


def check_deploy(tmp_path: Path, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES + list(PRODUCTION)}
    clean.update(VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="intranet.settings", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_production_settings_pass_the_deployment_check(tmp_path):
    """What docs/testing.md lists for production passes `check --deploy` (CI runs it too); without it, it fails."""
    passed = check_deploy(tmp_path, **PRODUCTION)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    failed = check_deploy(tmp_path)
    assert failed.returncode != 0
    assert "security.W008" in failed.stderr + failed.stdout  # no redirect to HTTPS
    assert "security.W012" in failed.stderr + failed.stdout  # session cookie over plain HTTP
