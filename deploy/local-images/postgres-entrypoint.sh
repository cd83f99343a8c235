#!/usr/bin/env bash
# The subset of the official postgres image's entrypoint that docker-compose.yml relies on:
# first start creates the cluster with POSTGRES_USER/POSTGRES_PASSWORD and POSTGRES_DB, then
# the server runs as `postgres`, listening everywhere with password (SCRAM) authentication.
set -euo pipefail
if [ "${1:-postgres}" = postgres ]; then shift || true; fi
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups bash "$0" postgres "$@"
fi
: "${POSTGRES_PASSWORD:?}"
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile="$(mktemp)"
  printf '%s' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 -D "$PGDATA" > /dev/null
  rm -f "$pwfile"
  echo 'host all all all scram-sha-256' >> "$PGDATA/pg_hba.conf"
  if [ "$db" != postgres ]; then echo "CREATE DATABASE \"$db\"" | postgres --single -D "$PGDATA" postgres > /dev/null; fi
  echo "postgres-entrypoint: initialised $PGDATA (database $db)"
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
