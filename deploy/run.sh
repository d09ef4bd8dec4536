#!/usr/bin/env bash
# The production topology on one machine, for local use, CI and bench/production.py (docs/deployment.md):
# nginx (as this user, on PORT) in front of HTTP workers (gunicorn, or Daphne with HTTP_SERVER=daphne),
# Daphne processes for /ws/, and the job worker(s). PostgreSQL, Redis and the search engine are the
# environment's (DATABASE_URL, REDIS_URL, ELASTICSEARCH_URL).
#
#   deploy/run.sh start     prepare (migrate, collectstatic), start everything, wait until /healthz answers
#   deploy/run.sh stop      SIGTERM to every process, SIGKILL after STOP_GRACE seconds
#   deploy/run.sh status    the processes and their pids
#
# Environment (defaults in brackets): VAR_DIR [/tmp/taimi-topology], PORT [8140] for nginx, backends on the
# ports after it; HTTP_SERVER [gunicorn] | daphne; HTTP_PROCESSES [2] and HTTP_THREADS [4] (gunicorn);
# DAPHNE_PROCESSES [2]; DAPHNE_DB_POOL [8]; JOB_WORKERS [1]; PREPARE [1]; STOP_GRACE [10];
# DB_MAX_CONNECTIONS [100] and DB_RESERVED [13] for the connection budget check.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
export VAR_DIR="${VAR_DIR:-/tmp/taimi-topology}"
PORT="${PORT:-8140}"
HTTP_SERVER="${HTTP_SERVER:-gunicorn}"
HTTP_PROCESSES="${HTTP_PROCESSES:-2}"
HTTP_THREADS="${HTTP_THREADS:-4}"
DAPHNE_PROCESSES="${DAPHNE_PROCESSES:-2}"
DAPHNE_DB_POOL="${DAPHNE_DB_POOL:-8}"
JOB_WORKERS="${JOB_WORKERS:-1}"
WORKER_DB_POOL=2  # the job loop and the scheduler thread
STOP_GRACE="${STOP_GRACE:-10}"
RUN="$VAR_DIR/run"
LOG="$VAR_DIR/log"

# Every process of the topology: production settings apart from TLS (CI has none).
export LOG_FORMAT="${LOG_FORMAT:-json}" LOG_ACCESS="${LOG_ACCESS:-1}" DEBUG=0
export PROMETHEUS_MULTIPROC_DIR="$VAR_DIR/metrics"
export SECURE_PROXY_SSL_HEADER=1
export TAIMI_BASE_URL="${TAIMI_BASE_URL:-http://127.0.0.1:$PORT}"
export CSRF_TRUSTED_ORIGINS="${CSRF_TRUSTED_ORIGINS:-http://127.0.0.1:$PORT,http://localhost:$PORT}"

# The connection budget (docs/deployment.md, "Database connections").
budget() {
    local http_pool=$HTTP_THREADS http_total
    if [ "$HTTP_SERVER" = daphne ]; then http_total=0; else http_total=$((HTTP_PROCESSES * http_pool)); fi
    echo $((http_total + DAPHNE_PROCESSES * DAPHNE_DB_POOL + JOB_WORKERS * WORKER_DB_POOL))
}

start_one() {  # start_one NAME command...: in its own session, pid in $RUN/NAME.pid, output in $LOG/NAME.log
    local name=$1
    shift
    setsid "$@" >>"$LOG/$name.log" 2>&1 </dev/null &
    echo $! >"$RUN/$name.pid"
}

start() {
    if [ -n "$(ls "$RUN"/*.pid 2>/dev/null)" ]; then
        echo "A topology is already running in $VAR_DIR (deploy/run.sh stop)." >&2
        exit 1
    fi
    local needed limit=$((${DB_MAX_CONNECTIONS:-100} - ${DB_RESERVED:-13}))
    needed=$(budget)
    if [ "$needed" -gt "$limit" ]; then
        echo "The pools need $needed database connections; the budget is $limit (docs/deployment.md)." >&2
        exit 1
    fi
    mkdir -p "$RUN" "$LOG"
    rm -rf "$PROMETHEUS_MULTIPROC_DIR" && mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
    if [ "${PREPARE:-1}" = 1 ]; then
        "$PYTHON" manage.py migrate --noinput -v0
        "$PYTHON" manage.py collectstatic --noinput -v0
    fi
    local port=$((PORT + 1)) http=() ws=() i
    for i in $(seq "$DAPHNE_PROCESSES"); do
        DB_POOL_MAX_SIZE=$DAPHNE_DB_POOL start_one "daphne-$i" \
            "$PYTHON" -m realtime.daphne_server -b 127.0.0.1 -p "$port" --proxy-headers intranet.asgi:application
        ws+=(--ws "127.0.0.1:$port")
        [ "$HTTP_SERVER" = daphne ] && http+=(--http "127.0.0.1:$port")
        port=$((port + 1))
    done
    if [ "$HTTP_SERVER" != daphne ]; then
        HTTP_BIND="127.0.0.1:$port" DB_POOL_MAX_SIZE=$HTTP_THREADS HTTP_PROCESSES=$HTTP_PROCESSES \
            HTTP_THREADS=$HTTP_THREADS start_one http \
            "$(dirname "$PYTHON")/gunicorn" -c deploy/gunicorn.conf.py intranet.wsgi:application
        http+=(--http "127.0.0.1:$port")
    fi
    for i in $(seq "$JOB_WORKERS"); do
        DB_POOL_MAX_SIZE=$WORKER_DB_POOL start_one "worker-$i" "$PYTHON" manage.py run_worker
    done
    "$PYTHON" manage.py nginx_config "${http[@]}" "${ws[@]}" --listen "127.0.0.1:$PORT" \
        --local-prefix "$VAR_DIR/nginx" >/dev/null
    local nginx_bin
    nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)  # Debian puts it in /usr/sbin, not on a user's PATH
    start_one nginx "$nginx_bin" -q -p "$VAR_DIR/nginx" -c "$VAR_DIR/nginx/nginx.conf" -g "daemon off;"
    for _ in $(seq 600); do
        if curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && all_up; then
            echo "Taimi is served at http://127.0.0.1:$PORT/ ($HTTP_SERVER for HTTP; $(budget) database connections at most)"
            return 0
        fi
        sleep 0.2
    done
    echo "The topology did not become healthy; logs in $LOG" >&2
    tail -n 20 "$LOG"/*.log >&2 || true
    stop
    exit 1
}

all_up() {  # every backend answers /healthz directly (nginx alone would hide a dead one)
    local port=$((PORT + 1)) n=$DAPHNE_PROCESSES
    [ "$HTTP_SERVER" != daphne ] && n=$((n + 1))
    for _ in $(seq "$n"); do
        curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" || return 1
        port=$((port + 1))
    done
}

stop() {
    local pids=() pidfile pid
    for pidfile in "$RUN"/*.pid; do
        [ -e "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        # setsid made each process a group leader: the group holds gunicorn's workers too.
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        pids+=("$pid")
        rm -f "$pidfile"
    done
    for _ in $(seq $((STOP_GRACE * 10))); do
        local alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; done
    echo "Stopped ${#pids[@]} process(es)."
}

status() {
    local pidfile
    for pidfile in "$RUN"/*.pid; do
        [ -e "$pidfile" ] || { echo "Nothing running in $VAR_DIR."; return; }
        local pid
        pid=$(cat "$pidfile")
        if kill -0 "$pid" 2>/dev/null; then echo "$(basename "$pidfile" .pid) $pid running"; else echo "$(basename "$pidfile" .pid) $pid gone"; fi
    done
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    budget) budget ;;
    *) echo "usage: deploy/run.sh start|stop|status|budget" >&2; exit 2 ;;
esac
