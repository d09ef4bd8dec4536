#!/usr/bin/env bash
# Install, migrate, load the demo organisation and serve the intranet with Daphne.
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
echo
echo "Taimi is starting at http://${HOST}:${PORT}/  (Ctrl+C stops it)"
exec .venv/bin/daphne -b "$HOST" -p "$PORT" intranet.asgi:application
