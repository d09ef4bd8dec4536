# Sourced by scripts/start.sh, scripts/test.sh and scripts/bench.sh: makes .venv and installs the
# locked dependencies (requirements/base.txt, or requirements/dev.txt when INSTALL_EXTRAS names an
# extra: test, bench), then the project itself without dependencies. Re-running is quick: pip runs
# only when the lock or pyproject.toml changed since the last install. VENV_ONLY=1 makes .venv
# only (scripts/lock.sh). The installer is uv (see install_lock). Refresh the locks with `bash scripts/lock.sh`.
set -euo pipefail
# Python caches the modules it compiles (__pycache__, ignored by git) even where the environment says
# not to: with PYTHONDONTWRITEBYTECODE set, every manage.py, Daphne, worker and pytest process compiled
# Django, Wagtail and the project anew, 2.5 s of CPU more per start, and the test suite starts over a
# hundred of them (the whole run used 105 s more CPU).
unset PYTHONDONTWRITEBYTECODE

find_python() {
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "Python 3.11 or newer is needed (apt-get install python3)." >&2
    return 1
}

# The installer is uv (requirements/uv.txt, pinned and hashed like the locks): about 5 s for the
# dev lock from a warm cache where pip takes about 45 s. Where uv cannot be installed (no wheel for
# the platform), pip installs the same lock. Both check every package against the lock's hashes.
install_lock() {
    local lock=$1
    if .venv/bin/python -m pip install --quiet --require-hashes -r requirements/uv.txt 2>/dev/null; then
        .venv/bin/python -m uv pip install --quiet --python .venv/bin/python --require-hashes -r "$lock"
        .venv/bin/python -m uv pip install --quiet --python .venv/bin/python --no-deps -e .
    else
        echo "uv could not be installed; installing with pip (slower)."
        .venv/bin/python -m pip install --quiet --require-hashes -r "$lock"
        .venv/bin/python -m pip install --quiet --no-deps -e .
    fi
}

ensure_venv() {
    local python
    python=$(find_python)
    if [ ! -x .venv/bin/python ]; then
        if ! "$python" -m venv .venv 2>/dev/null; then
            rm -rf .venv
            # Debian splits venv out of python3; install it when we can.
            if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
                echo "Installing python3-venv…"
                apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
                "$python" -m venv .venv
            else
                echo "Cannot create a virtualenv: run 'sudo apt-get install python3-venv' and try again." >&2
                exit 1
            fi
        fi
    fi
    if [ -n "${VENV_ONLY:-}" ]; then return 0; fi
    local lock="requirements/base.txt" kind="base"
    if [ -n "${INSTALL_EXTRAS:-}" ]; then
        lock="requirements/dev.txt"
        kind="dev"
    fi
    local hash
    hash=$(cat "$lock" pyproject.toml | sha256sum | cut -c1-16)
    # The dev lock holds every base package at the same version, so it satisfies a plain install too.
    if [ ! -f ".venv/.installed-$hash-$kind" ] && { [ "$kind" = dev ] ||
        [ ! -f ".venv/.installed-$(cat requirements/dev.txt pyproject.toml | sha256sum | cut -c1-16)-dev" ]; }; then
        echo "Installing the locked dependencies ($lock) into .venv…"
        install_lock "$lock"
        rm -f .venv/.installed-*
        touch ".venv/.installed-$hash-$kind"
    fi
}

ensure_venv
