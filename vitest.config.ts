import { defineConfig } from 'vitest/config'
import { functionsProjects } from './functions/vitest.projects.ts'

// One runner for every TypeScript suite; `make test` adds Playwright and prints the total.
export default defineConfig({
  test: {
    projects: [
      { extends: './domain/vitest.config.ts', test: { root: './domain' } },
      ...functionsProjects('./functions'),
      'web/vitest.config.ts',
    ],
  },
})
