#!/usr/bin/env bash
# Set up (see setup.sh), prepare the models, and run the main job offline:
# serve the bundled sample corpus on 127.0.0.1, ingest it through the real pipeline,
# build the index, and start the Streamlit page. Re-running reuses what is built.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/corroborate demo --data-dir "${CORROBORATE_DEMO_DIR:-demo-data}" "$@"
