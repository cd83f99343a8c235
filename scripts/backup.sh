#!/usr/bin/env bash
# `make backup`: a restorable copy of the data into backups/ (docs/operations.md, restore drill).
# - DATABASE_URL set (env or .env): pg_dump --format=custom of that database (the client's major
#   version must be >= the server's; on the VPS prefer `docker compose exec backup ...`).
# - embedded (no DATABASE_URL): a tarball of DATA_DIR (PGlite's pgdata, uploaded files, the
#   development JWT secret). PGlite has no online backup, so the server must be stopped: a copy
#   taken while it writes could be inconsistent.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
[ -z "${DATABASE_URL:-}" ] && [ -f .env ] && set -a && . ./.env && set +a
mkdir -p backups
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
if [ -n "${DATABASE_URL:-}" ]; then
  out="backups/koprogo-$stamp.dump"
  pg_dump --format=custom --no-owner --dbname="$DATABASE_URL" --file="$out.part"
  mv "$out.part" "$out"
else
  data="${DATA_DIR:-.data}"
  [ -d "$data/pgdata" ] || { echo "backup: no embedded database in $data/pgdata" >&2; exit 1; }
  if curl -fsS -o /dev/null "http://${HOST:-127.0.0.1}:${PORT:-8080}/health" 2>/dev/null; then
    echo "backup: the server is running on port ${PORT:-8080}; stop it first (PGlite has no online backup)" >&2
    exit 1
  fi
  out="backups/embedded-$stamp.tar.gz"
  tar -C "$data" -czf "$out.part" . && mv "$out.part" "$out"
fi
echo "backup: wrote $out ($(du -h "$out" | cut -f1))"
