#!/usr/bin/env bash
# Nightly backup loop for the single-VPS profile (runs in the postgres image, so pg_dump matches
# the server's major version). One backup at start (proves the setup works), then every day at
# BACKUP_AT (UTC). Each run writes a custom-format dump and a tarball of the uploaded documents,
# then deletes backups older than BACKUP_KEEP_DAYS. `koprogo-backup once` runs one backup and
# exits (docker compose exec backup bash /usr/local/bin/koprogo-backup once). Restore: docs/deploy-vps.md.
set -euo pipefail
: "${PGHOST:?}" "${PGUSER:?}" "${PGDATABASE:?}"
dir="${BACKUP_DIR:-/backups}"
keep="${BACKUP_KEEP_DAYS:-14}"
at="${BACKUP_AT:-02:30}"
mkdir -p "$dir"

backup() {
  local stamp tmp
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  tmp="$dir/.koprogo-$stamp.dump.part"
  # Custom format: compressed, restorable table by table with pg_restore; written to a temporary
  # name first so a failed run never leaves a truncated file that looks like a backup.
  pg_dump --format=custom --no-owner --file="$tmp" && mv "$tmp" "$dir/koprogo-$stamp.dump"
  if [ -d /files ]; then tar -C /files -czf "$dir/files-$stamp.tar.gz.part" . && mv "$dir/files-$stamp.tar.gz.part" "$dir/files-$stamp.tar.gz"; fi
  find "$dir" -maxdepth 1 -type f \( -name 'koprogo-*.dump' -o -name 'files-*.tar.gz' \) -mtime "+$keep" -delete
  touch "$dir/.last-success"
  echo "{\"time\":\"$(date -u +%FT%TZ)\",\"level\":\"info\",\"msg\":\"backup done\",\"file\":\"koprogo-$stamp.dump\",\"keep_days\":$keep}"
}

seconds_until() {
  local now target
  now="$(date -u +%s)"
  target="$(date -u -d "today $1" +%s)"
  [ "$target" -le "$now" ] && target="$(date -u -d "tomorrow $1" +%s)"
  echo $((target - now))
}

until pg_isready -q; do sleep 2; done
if [ "${1:-}" = once ]; then backup; exit; fi
backup || echo '{"level":"error","msg":"backup failed"}'
while true; do
  sleep "$(seconds_until "$at")"
  backup || echo '{"level":"error","msg":"backup failed"}'
done
