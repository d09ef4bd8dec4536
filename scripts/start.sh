#!/usr/bin/env bash
# Install, migrate, load the demo organisation and serve the intranet with Daphne,
# with the background worker (scheduled publishing, notifications) beside it.
# Usage: bash scripts/start.sh        (HOST and PORT override 127.0.0.1:8000)
#        SSO_DEMO=1 bash scripts/start.sh   also starts the local identity provider (SSO_DEMO_PORT, 8001)
#                                           and signs in with work accounts (docs/sso.md, "Trying it")
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
IDP_PID=""
if [ "${SSO_DEMO:-}" = 1 ]; then
    SSO_DEMO_PORT="${SSO_DEMO_PORT:-8001}"
    eval "$(.venv/bin/python -m sso.local_provider --port "$SSO_DEMO_PORT" --print-env)"
    export SSO_MAPPING_FILE="${SSO_MAPPING_FILE:-sso/demo_mapping.json}"
    export SSO_PASSWORD_LOGIN="${SSO_PASSWORD_LOGIN:-everyone}"  # the demo keeps the password form for everyone
fi
# Read by the settings for the links in e-mails when TAIMI_BASE_URL is not set (docs/architecture.md).
export HOST PORT

echo "Migrating the database…"
.venv/bin/python manage.py migrate --noinput -v0
echo "Collecting static files…"
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py demo_data
# First run with a search engine: build its index (with a progress bar); the
# worker keeps it up to date from then on (search outbox, docs/search.md).
.venv/bin/python manage.py search_reindex --if-empty
if [ "${SSO_DEMO:-}" = 1 ]; then
    .venv/bin/python manage.py sso_mapping import
    echo "Starting the local identity provider at $SSO_AUTHORITY (the demo logins and password work there)…"
    .venv/bin/python -m sso.local_provider --port "$SSO_DEMO_PORT" \
        --redirect-prefix "http://${HOST}:${PORT}/" --redirect-prefix "http://localhost:${PORT}/" &
    IDP_PID=$!
fi
echo
echo "Starting the background worker…"
.venv/bin/python manage.py run_worker &
WORKER_PID=$!
DAPHNE_PID=""
# Ctrl+C, SIGTERM or the end of Daphne for any reason stops both. Each gets SIGTERM and STOP_GRACE
# seconds to finish (the worker its job, Daphne its open connections), then SIGKILL: a process stuck
# in a blocking call never keeps the terminal. An interrupted job is picked up again by the next
# worker (docs/news.md, "Background worker").
STOP_GRACE="${STOP_GRACE:-10}"
stop_all() {
    local pids=()
    for pid in "$DAPHNE_PID" "$WORKER_PID" "$IDP_PID"; do
        [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
    done
    for _ in $(seq $((STOP_GRACE * 10))); do
        local alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM
echo "Taimi is starting at http://${HOST}:${PORT}/  (Ctrl+C stops it and the worker)"
# Daphne, with the lean per-connection state of realtime/daphne_server.py (docs/realtime.md). It runs in
# the background so that this script's trap, not Daphne's own signal handling, decides how it stops.
.venv/bin/python -m realtime.daphne_server -b "$HOST" -p "$PORT" intranet.asgi:application &
DAPHNE_PID=$!
wait "$DAPHNE_PID"
