#!/usr/bin/env bash
# Set up (see setup.sh) and run the whole test suite, slow tests with real models included.
# Tests that need ../shared/data skip with a reason when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The page's end-to-end test drives Debian's chromium (Playwright's own browser download
# cannot work offline); install it when missing and we are allowed to.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; the browser test will skip" >&2
fi
.venv/bin/ruff check corroborate research tests bench scripts app.py
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
