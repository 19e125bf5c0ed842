#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with a database "test" that user
# "postgres" reaches without a password (the test suite's YICHUANG_TEST_PG default).
# A server that already lets us in is used as it is.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
# -w: never prompt for a password (a prompt would hang a CI run)
can_login() { psql -w -h 127.0.0.1 -U postgres -d postgres -Atc "select 1" >/dev/null 2>&1; }

cluster_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }

trust_local_tcp() {
  # Only for a cluster on a test machine: trust TCP connections from this machine.
  local hba="/etc/postgresql/$1/main/pg_hba.conf"
  if $SUDO test -w "$hba" && ! $SUDO grep -q "yichuang-tests" "$hba"; then
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust # yichuang-tests\nhost all all ::1/128 trust # yichuang-tests' "$hba"
    return 0
  fi
  return 1
}

if ! ready || ! can_login; then
  version=$(cluster_version)
  if [ -z "$version" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: run scripts/system-packages.sh --with-postgres" >&2
    exit 1
  fi
  if ! ready; then
    trust_local_tcp "$version" || true
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 1 30); do ready && break; sleep 1; done
    ready || { echo "PostgreSQL did not start" >&2; exit 1; }
  fi
  if ! can_login && trust_local_tcp "$version"; then
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main reload
    sleep 1
  fi
  can_login || { echo "Cannot log in to PostgreSQL on 127.0.0.1 as postgres" >&2; exit 1; }
fi
if [ "$(psql -w -h 127.0.0.1 -U postgres -d postgres -Atc "select 1 from pg_database where datname='test'")" != "1" ]; then
  psql -w -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE test"
fi
