#!/usr/bin/env bash
# Install the locked dependencies (with the test extra) and run the whole test suite. Arguments go
# to pytest. Tests that need PostgreSQL, Redis or Chromium skip with a reason when those are
# absent; with CI=true they fail instead (see docs/testing.md).
# On the embedded defaults the suite runs in two processes (pytest-xdist, a file at a time: each
# process has its own SQLite database, channel layer, live server and browser). With REDIS_URL set it
# runs in one, since Redis pub/sub is shared by all. TEST_PROCESSES=N, or `-n N` among the
# arguments, chooses (0: no extra processes).
set -euo pipefail
cd "$(dirname "$0")/.."
INSTALL_EXTRAS=test source scripts/_venv.sh
processes=${TEST_PROCESSES:-}
# One process by default: with two xdist workers on SQLite the demo-data snapshot of one worker was seen
# by the other's tests (reference-index rows naming content types it lacks). TEST_PROCESSES=2 opts in.
processes=${processes:-0}
for arg in "$@"; do
    case "$arg" in -n|-n[0-9]*|--numprocesses*|no:xdist) processes="" ;; esac
done
xdist=()
[ -n "$processes" ] && xdist=(-n "$processes" --dist loadfile)
exec .venv/bin/python -m pytest "${xdist[@]}" "$@"
