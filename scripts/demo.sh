#!/usr/bin/env bash
# Sets up and starts the demo hall on this PC: SQLite in the user's data folder, demo catalog,
# kiosk + call display + clerk console in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-packages.sh
scripts/venv.sh
exec .venv/bin/yichuang demo "$@"
