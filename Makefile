# KoproGo — every target installs what it needs first (Node 24 + pnpm into .tools/, dependencies).
# `make help` lists the targets.
SHELL := /usr/bin/env bash
.DEFAULT_GOAL := help
TOOLS := $(CURDIR)/.tools/bin
export PATH := $(TOOLS):$(PATH)
export WRANGLER_SEND_METRICS := false
export WRANGLER_SEND_ERROR_REPORTS := false
export WRANGLER_HIDE_BANNER := true
export CLOUDFLARE_CF_FETCH_ENABLED := false
NODE := $(TOOLS)/node
PNPM := $(TOOLS)/pnpm

.PHONY: help setup start dev test lint format typecheck migrate db-generate backup restore clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[1m%-14s\033[0m %s\n", $$1, $$2}'

setup: ## Install Node 24, pnpm and the dependencies (idempotent; every target runs it)
	@bash scripts/bootstrap.sh

start: setup ## Serve the API (and the built web app) on :8080 with the embedded database in .data/
	@$(NODE) functions/node.ts

dev: setup ## API with reload on file changes
	@$(NODE) --watch-path=functions --watch-path=domain functions/node.ts

test: setup ## Typecheck, lint and every test suite; ends with "N passed, M failed"
	@$(NODE) scripts/run-tests.ts

typecheck: setup ## TypeScript strict checks of every package
	@TEST_STEPS=typecheck $(NODE) scripts/run-tests.ts

lint: setup ## Biome lint and format check
	@$(NODE) node_modules/@biomejs/biome/bin/biome ci .

format: setup ## Format and fix what Biome can
	@$(NODE) node_modules/@biomejs/biome/bin/biome check --write .

migrate: setup ## Apply migrations/ to DATABASE_URL (or the embedded database)
	@$(NODE) scripts/migrate.ts

backup: setup ## Backup to BACKUP_DIR (backups/): pg_dump -Fc of DATABASE_URL, or a tarball of the stopped embedded DATA_DIR
	@$(NODE) scripts/backup.ts

restore: setup ## Restore FILE=backups/… into an empty DATABASE_URL, or into DATA_DIR (the old one is kept aside)
	@$(NODE) scripts/restore.ts "$(FILE)"

db-generate: setup ## Turn Drizzle schema changes into a new SQL migration
	@cd functions && $(NODE) node_modules/drizzle-kit/bin.cjs generate

clean: ## Remove build output, test results and installed tools (keeps .data/)
	@rm -rf .tools node_modules */node_modules web/dist .test-results test-results dist
