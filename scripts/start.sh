#!/usr/bin/env bash
# Install, migrate, load the demo organisation and serve the intranet with Daphne,
# with the background worker (scheduled publishing, notifications) beside it.
# Usage: bash scripts/start.sh        (HOST and PORT override 127.0.0.1:8000)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

echo "Migrating the database…"
.venv/bin/python manage.py migrate --noinput -v0
echo "Collecting static files…"
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py demo_data
# First run with a search engine: build its index (with a progress bar); the
# worker keeps it up to date from then on (search outbox, docs/search.md).
.venv/bin/python manage.py search_reindex --if-empty
echo
echo "Starting the background worker…"
.venv/bin/python manage.py run_worker &
WORKER_PID=$!
# Ctrl+C (or the end of Daphne for any reason) stops the worker too.
# The worker finishes the job it is running; past WORKER_STOP_GRACE seconds it is stopped
# (a job left "running" is picked up again by the next worker: docs/news.md, "Background worker").
WORKER_STOP_GRACE="${WORKER_STOP_GRACE:-10}"
stop_worker() {
    kill "$WORKER_PID" 2>/dev/null || true
    for _ in $(seq $((WORKER_STOP_GRACE * 10))); do
        kill -0 "$WORKER_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "$WORKER_PID" 2>/dev/null || true
    wait "$WORKER_PID" 2>/dev/null || true
}
trap stop_worker EXIT
trap 'exit 130' INT TERM
echo "Taimi is starting at http://${HOST}:${PORT}/  (Ctrl+C stops it and the worker)"
# Daphne, with the lean per-connection state of realtime/daphne_server.py (docs/realtime.md).
.venv/bin/python -m realtime.daphne_server -b "$HOST" -p "$PORT" intranet.asgi:application
