#!/usr/bin/env bash
# Regenerate the dependency locks from pyproject.toml; commit what changes. Run it after adding,
# removing or changing a dependency (scripts/_venv.sh installs the locks, never pyproject's ranges):
#   requirements/dev.txt   base + test + bench extras (scripts/test.sh, scripts/bench.sh, CI)
#   requirements/base.txt  base only (scripts/start.sh), the same versions as dev.txt
#   requirements/uv.txt    the installer itself (scripts/_venv.sh), the uv version below
# Exact versions with sha256 hashes, for Python 3.11 on Linux. The resolver is uv, pinned here so
# that the output depends only on pyproject.toml and the package index; it is pip-installed into
# .venv on first use. UPGRADE=1 moves every package to its newest allowed version; without it,
# versions already in the locks are kept where pyproject.toml still allows them.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
VENV_ONLY=1 source scripts/_venv.sh

if ! .venv/bin/python -m uv --version 2>/dev/null | grep -q " $UV_VERSION"; then
    .venv/bin/python -m pip install --quiet "uv==$UV_VERSION"
fi
options=(--python-version 3.11 --python-platform x86_64-manylinux_2_28 --generate-hashes
         --no-emit-index-url --no-emit-find-links --custom-compile-command "bash scripts/lock.sh" --quiet)
[ "${UPGRADE:-}" = 1 ] && options+=(--upgrade)
.venv/bin/python -m uv pip compile pyproject.toml --extra test --extra bench "${options[@]}" -o requirements/dev.txt
.venv/bin/python -m uv pip compile pyproject.toml --constraint requirements/dev.txt "${options[@]}" \
    -o requirements/base.txt
echo "uv==$UV_VERSION" | .venv/bin/python -m uv pip compile - "${options[@]}" -o requirements/uv.txt
echo "requirements/dev.txt, base.txt and uv.txt are up to date with pyproject.toml."
