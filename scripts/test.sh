#!/usr/bin/env bash
# Sets up and runs the whole test suite: system packages, .venv with test extras, a running
# PostgreSQL server with database "test" on 127.0.0.1:5432, then lint, types and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

with_pg=""
command -v pg_ctlcluster >/dev/null 2>&1 || with_pg="--with-postgres"
scripts/system-packages.sh $with_pg
scripts/start-postgres.sh
scripts/venv.sh test

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
