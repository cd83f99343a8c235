# KoproGo — every target installs what it needs first (Node 24 + pnpm into .tools/, dependencies).
# `make help` lists the targets; docs/make.md explains them.
SHELL := /usr/bin/env bash
.DEFAULT_GOAL := help
TOOLS := $(CURDIR)/.tools/bin
export PATH := $(TOOLS):$(PATH)
# wrangler and miniflare phone home unless told not to (STACK.md); every call inherits these.
export WRANGLER_SEND_METRICS := false
export WRANGLER_SEND_ERROR_REPORTS := false
export WRANGLER_HIDE_BANNER := true
export CLOUDFLARE_CF_FETCH_ENABLED := false
NODE := $(TOOLS)/node
PNPM := $(TOOLS)/pnpm
WRANGLER := $(NODE) node_modules/wrangler/bin/wrangler.js

.PHONY: help setup start web screenshots dev dev-frontend dev-all test test-e2e lighthouse typecheck lint format bench audit migrate seed \
	test-vps backup restore db-generate build-edge deploy-edge edge-config edge-secrets edge-serve config-docs api-types clean

help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[1m%-14s\033[0m %s\n", $$1, $$2}'

setup: ## Install Node 24, pnpm and the dependencies (idempotent; every target runs it)
	@bash scripts/bootstrap.sh

start: setup web ## Serve the API and the web app on :8080 with the embedded database in .data/
	@$(NODE) functions/node.ts

# Rebuilds web/dist only when it is missing or older than a web source file.
# .env: a KoproGo v1 PUBLIC_API_URL there sets the API base of the build (web/scripts/api-base.ts).
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/app.config.ts web/scripts/api-base.ts web/scripts/post-build.ts web/package.json $(wildcard .env)
# Quiet on success (a progress line instead of the build's file list and timings); errors still print.
web/dist/index.html: $(WEB_SOURCES)
	@echo "  … building the web app into web/dist (first start or after a change, ~15 s)"
	@log=$$(mktemp); $(PNPM) --silent --filter @koprogo/web build >"$$log" 2>&1 || { cat "$$log"; rm -f "$$log"; exit 1; }; rm -f "$$log"
	@touch $@

web: setup web/dist/index.html ## Build the PWA into web/dist (when missing or out of date)

dev: setup ## API with reload on file changes
	@$(NODE) --watch-path=functions --watch-path=domain functions/node.ts

dev-frontend: setup ## Web dev server (SolidStart, hot reload) talking to the API on :8080
	@if grep -q '"dev"' web/package.json 2>/dev/null; then $(PNPM) --filter @koprogo/web dev; \
	else echo "web/ has no dev script yet: the API alone runs with make dev"; fi

dev-all: setup ## API and web dev servers together (Ctrl+C stops both)
	@trap 'kill 0' EXIT INT TERM; $(MAKE) --no-print-directory dev & $(MAKE) --no-print-directory dev-frontend & wait

test: setup ## Typecheck, lint, every suite, Worker bundles, workerd smoke; ends with "N passed, M failed"
	@$(NODE) scripts/run-tests.ts

test-e2e: setup ## Playwright on system Chromium against a fresh embedded server (scripts/test-e2e.ts)
	@TEST_STEPS=e2e $(NODE) scripts/run-tests.ts

test-vps: setup ## The docker-compose stack built and run for real, checks and drills (root + Docker; not in make test; docs/deploy-vps.md)
	@$(NODE) scripts/test-vps.ts

screenshots: setup ## Retake the user guide's screenshots into docs/screenshots (runs the e2e suite)
	@E2E_SCREENSHOTS=docs TEST_STEPS=e2e $(NODE) scripts/run-tests.ts

lighthouse: setup web ## Lighthouse (mobile) on login, syndic dashboard, buildings, owner portal; budget ≥ 95 (not in make test)
	@$(NODE) scripts/lighthouse.ts

typecheck: setup ## TypeScript strict checks of every package
	@TEST_STEPS=typecheck $(NODE) scripts/run-tests.ts

lint: setup ## Biome lint and format check, and the domain's dependency rules (dependency-cruiser)
	@$(NODE) node_modules/@biomejs/biome/bin/biome ci .
	@cd domain && $(NODE) ../node_modules/dependency-cruiser/bin/dependency-cruiser.mjs --config .dependency-cruiser.mjs src

format: setup ## Format and fix what Biome can
	@$(NODE) node_modules/@biomejs/biome/bin/biome check --write .

bench: setup web ## Load and cost measurements (bench/run.ts; the web budgets measure web/dist, rebuilt when stale)
	@if [ -f bench/run.ts ]; then $(NODE) bench/run.ts; else echo "bench/run.ts is not there yet: nothing to measure"; fi

audit: setup ## pnpm audit of the production dependencies (needs the npm advisory endpoint; CI runs it)
	$(PNPM) audit --prod --audit-level=moderate

migrate: setup ## Apply migrations/ to DATABASE_URL (or the embedded database); creates SUPERADMIN_* if set
	@$(NODE) scripts/migrate.ts

seed: setup ## Load demo data into a running server (SEED_KIND=demo|realistic|clear, API_URL=...)
	@$(NODE) scripts/seed.ts

backup: setup ## Copy the data into backups/ (pg_dump -Fc of DATABASE_URL, or the stopped embedded DATA_DIR, settled first)
	@$(NODE) scripts/backup.ts

restore: setup ## Restore FILE=backups/... (a .dump into an empty DATABASE_URL, or a tarball into DATA_DIR, old one kept aside)
	@$(NODE) scripts/restore.ts "$(FILE)"

.PHONY: vps-init
# No `setup`: it runs on a fresh VPS that has only sh (scripts/vps-init.sh says why).
vps-init: ## First install on a VPS: writes .env with generated secrets (DOMAIN=… ADMIN_EMAIL=…, FORCE=1 replaces .env)
	@DOMAIN="$(DOMAIN)" ADMIN_EMAIL="$(ADMIN_EMAIL)" sh scripts/vps-init.sh $(if $(FORCE),--force) $(if $(VPS_INIT_DIR),--dir "$(VPS_INIT_DIR)")

db-generate: setup ## Turn Drizzle schema changes into a new SQL migration
	@cd functions && $(NODE) node_modules/drizzle-kit/bin.cjs generate --config drizzle.config.ts

edge-config: setup ## Regenerate wrangler.toml and functions/<resource>/index.ts from functions/resources.ts
	@$(NODE) scripts/edge/generate.ts

build-edge: setup ## Bundle every Worker (wrangler deploy --dry-run) into dist/workers/<name>; print sizes
	@$(NODE) scripts/edge/generate.ts --check
	@EDGE_FORCE_BUILD=1 $(NODE) scripts/test-bundles.ts

deploy-edge: build-edge ## Deploy every Worker to Cloudflare (needs `wrangler login`; resources first, gateway last)
	@for id in $$($(NODE) scripts/edge/list.ts); do echo "▶ deploy $$id"; $(WRANGLER) deploy --env $$id || exit 1; done

edge-secrets: setup ## Upload JWT_SECRET, DATABASE_URL, SUPERADMIN_PASSWORD from the environment to every resource Worker
	@for id in $$($(NODE) scripts/edge/list.ts --resources); do for s in JWT_SECRET DATABASE_URL SUPERADMIN_PASSWORD; do \
	  [ -n "$${!s:-}" ] || { echo "set $$s"; exit 1; }; printf '%s' "$${!s}" | $(WRANGLER) secret put $$s --env $$id || exit 1; done; done

edge-serve: setup ## Run the built Workers locally in workerd on :8787 (settings from the environment)
	@$(NODE) scripts/edge/serve.ts

config-docs: setup ## Regenerate docs/configuration.md and .env.example from the settings docs
	@$(NODE) scripts/gen-config-docs.ts

api-types: setup ## Regenerate the web's API types (web/src/lib/api-schema.gen.ts) from the OpenAPI document
	@$(NODE) scripts/api-types.ts

clean: ## Remove build output, test results and installed tools (keeps .data/ and backups/)
	@rm -rf .tools node_modules */node_modules web/dist .test-results test-results dist .wrangler
