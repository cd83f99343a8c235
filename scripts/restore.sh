#!/usr/bin/env bash
# `make restore FILE=backups/...`: the reverse of `make backup`.
# - *.dump → pg_restore --clean --if-exists into DATABASE_URL (the API should be stopped).
# - embedded-*.tar.gz → DATA_DIR is moved aside to DATA_DIR.before-restore-<time>, then the
#   tarball is unpacked in its place (the server must be stopped). Nothing is deleted.
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-${FILE:-}}"
[ -n "$file" ] && [ -f "$file" ] || { echo "usage: make restore FILE=backups/<file>" >&2; exit 1; }
# shellcheck disable=SC1091
[ -z "${DATABASE_URL:-}" ] && [ -f .env ] && set -a && . ./.env && set +a
case "$file" in
  *.dump)
    [ -n "${DATABASE_URL:-}" ] || { echo "restore: set DATABASE_URL (the target database)" >&2; exit 1; }
    pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL" "$file"
    ;;
  *.tar.gz)
    data="${DATA_DIR:-.data}"
    if curl -fsS -o /dev/null "http://${HOST:-127.0.0.1}:${PORT:-8080}/health" 2>/dev/null; then
      echo "restore: the server is running; stop it first" >&2
      exit 1
    fi
    if [ -d "$data" ]; then
      aside="$data.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
      mv "$data" "$aside"
      echo "restore: previous data kept in $aside"
    fi
    mkdir -p "$data" && tar -C "$data" -xzf "$file"
    ;;
  *) echo "restore: unknown backup type: $file" >&2; exit 1 ;;
esac
echo "restore: $file restored; start the server and check /health"
