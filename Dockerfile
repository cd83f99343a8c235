# KoproGo API (single-VPS profile): the Node entry serving /api/v1 and the built web app on :8080.
# Node runs the TypeScript sources directly (type stripping), so there is no compile step for the
# API; the web app is built when web/ has a build script. See docs/deploy-vps.md.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim
ARG PNPM_VERSION=12.21.0

FROM ${NODE_IMAGE} AS base
ARG PNPM_VERSION
RUN npm install --global --no-audit --no-fund "pnpm@${PNPM_VERSION}"
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY domain/package.json domain/
COPY functions/package.json functions/
COPY web/package.json web/

# All dependencies (dev included) to build the web app.
FROM base AS build
RUN pnpm install --frozen-lockfile
COPY . .
RUN if grep -q '"build"' web/package.json; then pnpm --filter @koprogo/web build; fi && mkdir -p web/dist

# Production dependencies only: no wrangler, vitest, drizzle-kit in the image.
FROM base AS prod-deps
RUN pnpm install --frozen-lockfile --prod && mkdir -p domain/node_modules functions/node_modules

FROM ${NODE_IMAGE} AS runtime
# Two malloc arenas, an 8 MiB young generation and a 192 MiB old generation keep the API's peak
# RSS under the bench mix at ~170 MB however long it runs (~410 MB with V8's defaults on a big
# machine), leaving the 2 GB VPS to Postgres and Caddy (docs/performance.md, ADR 0011). The
# largest things the API holds are a 100-row page and a seed of ~5,000 rows; uploads live in
# buffers outside the V8 heap.
ENV NODE_ENV=production APP_ENV=production HOST=0.0.0.0 PORT=8080 \
    WEB_DIST_DIR=/app/web/dist STORAGE_DIR=/data/files DATA_DIR=/data \
    MALLOC_ARENA_MAX=2 \
    NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=8"
WORKDIR /app
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=prod-deps /app/domain/node_modules domain/node_modules
COPY --from=prod-deps /app/functions/node_modules functions/node_modules
COPY package.json pnpm-workspace.yaml ./
COPY domain domain
COPY functions functions
COPY migrations migrations
COPY --from=build /app/web/dist web/dist
# The API writes only to /data (uploaded documents); everything else is read-only for it.
RUN mkdir -p /data/files && chown -R node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "functions/node.ts"]
