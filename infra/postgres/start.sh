#!/usr/bin/env bash
# Makes a PostgreSQL server with the Flowlens test role and database reachable on 127.0.0.1.
# Uses one that already answers; otherwise installs Debian's server if absent and starts its cluster.
# Safe to re-run.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

PORT="${PGPORT:-5432}"
DB_USER="${FLOWLENS_PG_USER:-flowlens}"
DB_PASS="${FLOWLENS_PG_PASSWORD:-flowlens}"
DB_NAME="${FLOWLENS_PG_DB:-flowlens_test}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }

can_login() {
  PGPASSWORD="$DB_PASS" psql -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" -Atqc 'select 1' >/dev/null 2>&1
}

if can_login; then
  exit 0
fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian packages"
  as_root apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || die "apt-get install postgresql failed"
fi

if ! port_open 127.0.0.1 "$PORT"; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    as_root pg_createcluster -p "$PORT" "$version" main >/dev/null
  fi
  log "starting PostgreSQL $version cluster"
  as_root pg_ctlcluster "$version" main start || die "pg_ctlcluster $version main start failed"
  wait_for_port 127.0.0.1 "$PORT" 30 || die "PostgreSQL did not open port $PORT"
fi

# Role and database, created once; the password is for local tests only.
as_postgres psql -p "$PORT" -Atqc "select 1 from pg_roles where rolname='$DB_USER'" | grep -q 1 \
  || as_postgres psql -p "$PORT" -qc "create role $DB_USER login password '$DB_PASS' createdb" >/dev/null
as_postgres psql -p "$PORT" -Atqc "select 1 from pg_database where datname='$DB_NAME'" | grep -q 1 \
  || as_postgres psql -p "$PORT" -qc "create database $DB_NAME owner $DB_USER" >/dev/null

can_login || die "cannot log in to PostgreSQL as $DB_USER on 127.0.0.1:$PORT"
log "PostgreSQL ready: postgres://$DB_USER:***@127.0.0.1:$PORT/$DB_NAME"
