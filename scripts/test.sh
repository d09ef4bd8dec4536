#!/usr/bin/env bash
# Install (with the test extra) and run the whole test suite. Arguments go to pytest.
# Tests that need PostgreSQL, Redis or Chromium skip with a reason when those are
# absent; with CI=true they fail instead (see docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
INSTALL_EXTRAS=test source scripts/_venv.sh
exec .venv/bin/python -m pytest "$@"
