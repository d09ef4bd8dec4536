#!/usr/bin/env bash
# Install and run the benchmarks; each prints a table against a baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
# The chat benchmark needs websockets (test extra) and uvicorn (bench extra).
INSTALL_EXTRAS=test,bench source scripts/_venv.sh
for bench in bench/*.py; do
    echo "== $bench"
    .venv/bin/python "$bench"
done
