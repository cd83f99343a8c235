import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import { functionsProjects } from './functions/vitest.projects.ts'

// One runner for every TypeScript suite; `make test` adds Playwright and prints the total.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: ONE on the 2-core CI machine, every file
    // in turn while the second core idles. Two at least (ADR 0056; docs/testing.md); TEST_WORKERS
    // overrides (TEST_WORKERS=1: the old serial run). Timed load tests (LOAD=1) run one file at a
    // time, so that no file's figures carry another's load.
    maxWorkers:
      Number(process.env.TEST_WORKERS) ||
      (process.env.LOAD === '1' ? 1 : Math.max(2, availableParallelism() - 1)),
    projects: [
      { extends: './domain/vitest.config.ts', test: { root: './domain' } },
      ...functionsProjects('./functions'),
      'web/vitest.config.ts',
    ],
  },
})
