import { defineConfig } from 'vitest/config'

// One runner for every TypeScript suite; `make test` adds Playwright and prints the total.
export default defineConfig({
  test: { projects: ['domain/vitest.config.ts', 'functions/vitest.config.ts', 'web/vitest.config.ts'] },
})
