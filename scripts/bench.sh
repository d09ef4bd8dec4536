#!/usr/bin/env bash
# Install and run the benchmarks; each prints a table against a baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
# The chat benchmark needs websockets (test extra) and uvicorn (bench extra).
INSTALL_EXTRAS=test,bench source scripts/_venv.sh
# bench/realtime.py holds 10,000 websockets on each side: raise the open-file limit to the hard limit.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
for bench in bench/*.py; do
    echo "== $bench"
    .venv/bin/python "$bench"
done
