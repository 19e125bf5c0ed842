#!/usr/bin/env bash
# Creates .venv in the project folder and installs Yichuang into it (editable), with extras.
# Usage: scripts/venv.sh [EXTRAS]   e.g. scripts/venv.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ -n "$extras" ]; then
  .venv/bin/python -m pip install -q -e ".[$extras]"
else
  .venv/bin/python -m pip install -q -e .
fi
