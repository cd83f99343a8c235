import type { TestProjectInlineConfiguration } from 'vitest/config'

/**
 * The route suites run against PGlite (a migrated template copied per file) and, when
 * TEST_DATABASE_URL is set (CI), once more against real Postgres — same files, same assertions;
 * there, each vitest worker has its own copy of the migrated database (ADR 0056).
 */
export function functionsProjects(root: string): TestProjectInlineConfiguration[] {
  const shared = {
    root,
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'smoke/**'],
    environment: 'node' as const,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/global-setup.ts'],
  }
  const projects: TestProjectInlineConfiguration[] = [
    { test: { ...shared, name: 'functions:pglite', env: { TEST_DB: 'pglite' } } },
  ]
  if (process.env.TEST_DATABASE_URL) {
    projects.push({
      test: {
        ...shared,
        name: 'functions:postgres',
        env: { TEST_DB: 'postgres' },
        // Each worker on its own copy of the migrated database (ADR 0056).
        setupFiles: ['test/postgres-per-worker.ts'],
      },
    })
  }
  return projects
}
