#!/usr/bin/env bash
# Set up (see setup.sh) and run the whole test suite, slow tests with real models included.
# Tests that need ../shared/data skip with a reason when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check corroborate tests bench app.py 2>/dev/null || .venv/bin/ruff check corroborate tests
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
