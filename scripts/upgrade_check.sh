#!/usr/bin/env bash
# Upgrade check: a database created by an earlier version (<git-ref>, e.g. the previous main) with the
# demo data must migrate forward to this checkout cleanly, with its data intact and no model changes
# left unmigrated, and the site must then crawl without a server error. Uses SQLite files under a temporary
# VAR_DIR (DATABASE_URL and REDIS_URL are unset).
# Usage: bash scripts/upgrade_check.sh [<git-ref>]   (default: the commit in deploy/PREVIOUS_RELEASE, the
#        previous release; KEEP=1 keeps the temporary directory). CI runs it (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
REF="${1:-$(tr -d '[:space:]' < deploy/PREVIOUS_RELEASE)}"
PYTHON="$PWD/.venv/bin/python"
WORK=$(mktemp -d /tmp/upgrade-check.XXXXXX)
cleanup() {
    git worktree remove --force "$WORK/old" >/dev/null 2>&1 || true
    [ "${KEEP:-}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT
unset DATABASE_URL REDIS_URL ELASTICSEARCH_URL
export VAR_DIR="$WORK/var"
mkdir -p "$VAR_DIR"

echo "== $REF: migrate and load the demo data into $VAR_DIR/db.sqlite3"
git worktree add --detach -q "$WORK/old" "$REF"
(cd "$WORK/old" && "$PYTHON" manage.py migrate --noinput -v0 && "$PYTHON" manage.py demo_data --no-logins)
count() {  # rows per table, as one line each: the data that must survive the upgrade
    "$PYTHON" - "$VAR_DIR/db.sqlite3" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                          "AND name NOT IN ('django_migrations', 'django_content_type', 'auth_permission') ORDER BY name"):
    print(name, db.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
PY
}
count > "$WORK/before.txt"

echo "== this checkout: migrate forward"
"$PYTHON" manage.py migrate --noinput
"$PYTHON" manage.py makemigrations --check --dry-run
count > "$WORK/after.txt"
# Tables may be added, and the new release's post-migrate steps may add rows (its roles' groups and
# permissions, its sections' pages); no table that existed may lose a row or disappear.
lost=$(awk 'NR == FNR { after[$1] = $2; next } !($1 in after) || after[$1] < $2 { print $1, $2, "->", ($1 in after) ? after[$1] : "gone" }' \
    "$WORK/after.txt" "$WORK/before.txt")
if [ -n "$lost" ]; then
    echo "Rows or tables lost by the upgrade (table, rows before -> after):"
    echo "$lost"
    exit 1
fi
echo "== the demo data command runs again on the upgraded database (idempotent: creates nothing new)"
"$PYTHON" manage.py demo_data --no-logins >/dev/null
"$PYTHON" manage.py check
echo "== the crawl on the upgraded database (scripts/crawl_check.py)"
"$PYTHON" scripts/crawl_check.py
echo "Upgrade from $REF: OK"
