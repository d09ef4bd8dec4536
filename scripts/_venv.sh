# Sourced by scripts/start.sh and scripts/test.sh: makes .venv and installs the
# project (with the test extra when INSTALL_EXTRAS=test). Re-running is quick:
# pip runs only when pyproject.toml changed since the last install.
set -euo pipefail

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
    local extras="${INSTALL_EXTRAS:-}"
    local target="."
    [ -n "$extras" ] && target=".[$extras]"
    local hash
    hash=$(sha256sum pyproject.toml | cut -c1-16)
    local stamp=".venv/.installed-$hash-${extras:-base}"
    # An install with the test extra also satisfies a plain one.
    if [ ! -f "$stamp" ] && { [ -n "$extras" ] || [ ! -f ".venv/.installed-$hash-test" ]; }; then
        echo "Installing dependencies into .venv…"
        .venv/bin/python -m pip install --quiet --upgrade pip
        .venv/bin/python -m pip install --quiet -e "$target"
        rm -f .venv/.installed-*
        touch "$stamp"
    fi
}

ensure_venv
