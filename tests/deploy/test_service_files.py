"""The service definitions an operator installs (deploy/systemd, deploy/compose.yaml) are read by the tools
that run them: systemd's own verifier accepts every unit without a warning (a key in the wrong section is
silently ignored by systemd, so a restart policy would quietly not apply), and every long-running compose
service restarts by itself."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
UNITS = ROOT / "deploy" / "systemd"
LONG_RUNNING = ("taimi-http.service", "taimi-daphne@8101.service", "taimi-worker@1.service")


def _installed_units(tmp_path: Path) -> Path:
    """The units as an operator installs them, pointed at this checkout instead of /opt/taimi."""
    target = tmp_path / "units"
    target.mkdir()
    env_file = tmp_path / "taimi.env"
    shutil.copy(UNITS / "taimi.env.example", env_file)
    for unit in UNITS.glob("taimi*.service"):
        text = (
            unit.read_text().replace("/etc/taimi/taimi.env", str(env_file)).replace("/opt/taimi", str(ROOT))
        )
        (target / unit.name).write_text(text)
    shutil.copy(UNITS / "taimi.target", target / "taimi.target")
    return target


@pytest.mark.skipif(
    not shutil.which("systemd-analyze") and not os.environ.get("CI"),
    reason="systemd-analyze is not installed",
)
def test_systemd_accepts_every_unit_without_a_warning(tmp_path):
    target = _installed_units(tmp_path)
    names = ["taimi.target", "taimi-migrate.service", *LONG_RUNNING]
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *[f"./{name}" for name in names]],
        cwd=target,
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and output == "", output


def _unit_sections(path: Path) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current = None
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
        elif current is not None and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            current[key] = value
    return sections


@pytest.mark.parametrize("unit", ["taimi-http.service", "taimi-daphne@.service", "taimi-worker@.service"])
def test_every_long_running_unit_restarts_forever(unit):
    sections = _unit_sections(UNITS / unit)
    assert sections["Service"]["Restart"] == "always"
    # In [Unit]: systemd ignores it in [Service], and five quick failures would leave the service stopped.
    assert sections["Unit"].get("StartLimitIntervalSec") == "0"


def test_every_long_running_compose_service_restarts_and_starts_after_a_healthy_database():
    services = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())["services"]

    def waits_for_healthy_postgres(name: str) -> bool:
        depends = services[name].get("depends_on", {})
        if depends.get("postgres", {}).get("condition") == "service_healthy":
            return True
        return any(waits_for_healthy_postgres(other) for other in depends if other != "postgres")

    for name in ("http", "daphne-1", "daphne-2", "worker", "nginx", "postgres", "redis", "elasticsearch"):
        assert services[name].get("restart") == "always", name
    for name in ("migrate", "http", "daphne-1", "daphne-2", "worker"):
        assert waits_for_healthy_postgres(name), name
    assert services["migrate"]["restart"] == "no"  # a one-off: it must not loop after it has migrated
