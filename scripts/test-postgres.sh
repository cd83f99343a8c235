#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the test suites: system binaries, a temp folder, a free port,
# run as the `postgres` user when we are root (initdb refuses root). Sets TEST_DATABASE_URL.
# Usage: source scripts/test-postgres.sh; start_test_postgres; …; stop_test_postgres
# Outage tests also take the running server down and up again: pause_test_postgres (fast
# shutdown, as an operator's restart would) and resume_test_postgres (same folder and port).
#
# The one implementation of "a throw-away Postgres": TypeScript callers (the bench, the smoke
# test, the outage tests) go through scripts/lib/throwaway-postgres.ts, which sources this file,
# so shell users and CI (.ci/run, before Node is installed) get the same server. Optional knobs:
#   PG_PORT      the port (default: a free one)
#   PG_DATABASE  the database created (default koprogo_test)
#   PG_SETTINGS  server settings (default "-c fsync=off -c max_connections=200")
#   PG_CTL_WRAP  a prefix for pg_ctl, e.g. "taskset -c 1" (the server inherits it)
PG_TMP=""
start_test_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$bin" ] && command -v initdb >/dev/null; then
    bin="$(dirname "$(command -v initdb)")"
  fi
  if [ -z "$bin" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "test-postgres: installing PostgreSQL from the system packages" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    else
      echo "test-postgres: no PostgreSQL binaries; the route suites will run on PGlite only" >&2
      return 0
    fi
  fi
  export PATH="$bin:$PATH"
  PG_TMP="$(mktemp -d /tmp/koprogo-pg.XXXXXX)"
  local port="${PG_PORT:-}"
  [ -n "$port" ] || port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  local db="${PG_DATABASE:-koprogo_test}"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PG_TMP"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" initdb -D "$PG_TMP/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; _pg_discard; return 1; }
  echo "$port" >"$PG_TMP/port"
  echo "$bin" >"$PG_TMP/bin"
  echo "${PG_SETTINGS:--c fsync=off -c max_connections=200}" >"$PG_TMP/settings"
  echo "${PG_CTL_WRAP:-}" >"$PG_TMP/wrap"
  _pg_ctl_start "$port" || { _pg_discard; return 1; }
  "${run[@]}" createdb -h 127.0.0.1 -p "$port" -U postgres "$db" || { stop_test_postgres; return 1; }
  TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/$db"
  export TEST_DATABASE_URL
  echo "test-postgres: PostgreSQL $("${run[@]}" postgres --version | awk '{print $3}') on port $port" >&2
}
# A start that failed leaves no folder behind.
_pg_discard() {
  rm -rf "$PG_TMP"
  PG_TMP=""
}
_pg_ctl_start() {
  local run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  local wrap=()
  read -r -a wrap <"$PG_TMP/wrap" || true
  "${wrap[@]}" "${run[@]}" pg_ctl -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-p $1 -k $PG_TMP -c listen_addresses=127.0.0.1 $(cat "$PG_TMP/settings")" start >/dev/null \
    || { cat "$PG_TMP/server.log" >&2; return 1; }
}
_pg_bin_path() {
  local bin
  bin="$(cat "$PG_TMP/bin" 2>/dev/null || true)"
  [ -n "$bin" ] && export PATH="$bin:$PATH"
  return 0
}
pause_test_postgres() {
  [ -n "$PG_TMP" ] && [ -d "$PG_TMP/data" ] || return 1
  _pg_bin_path
  local run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" pg_ctl -D "$PG_TMP/data" -m fast -w stop >/dev/null
}
resume_test_postgres() {
  [ -n "$PG_TMP" ] && [ -f "$PG_TMP/port" ] || return 1
  _pg_bin_path
  _pg_ctl_start "$(cat "$PG_TMP/port")"
}
stop_test_postgres() {
  [ -n "$PG_TMP" ] && [ -d "$PG_TMP/data" ] || return 0
  _pg_bin_path
  local run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" pg_ctl -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
}
