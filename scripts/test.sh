#!/usr/bin/env bash
# Install the locked dependencies (with the test extra) and run the whole test suite. Arguments go
# to pytest. Tests that need PostgreSQL, Redis or Chromium skip with a reason when those are
# absent; with CI=true they fail instead (see docs/testing.md).
# The suite runs in two processes (pytest-xdist, a file at a time): each has its own database (a SQLite
# file or test_<name>_gw0/1 on PostgreSQL), channel layer, live server and browser, and with REDIS_URL
# its own Redis database and pub/sub prefix (intranet/test_settings.py). TEST_PROCESSES=N, or `-n N`
# among the arguments, chooses (0: one process).
set -euo pipefail
cd "$(dirname "$0")/.."
INSTALL_EXTRAS=test source scripts/_venv.sh
processes=${TEST_PROCESSES:-}
# Two by default: the machine the budgets are set for has two cores (docs/testing.md).
processes=${processes:-2}
for arg in "$@"; do
    case "$arg" in -n|-n[0-9]*|--numprocesses*|no:xdist) processes="" ;; esac
done
xdist=()
[ -n "$processes" ] && xdist=(-n "$processes" --dist loadfile)
exec .venv/bin/python -m pytest "${xdist[@]}" "$@"
