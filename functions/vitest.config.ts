import { defineConfig } from 'vitest/config'

const shared = {
  include: ['**/*.test.ts'],
  exclude: ['node_modules/**', 'smoke/**'],
  environment: 'node' as const,
  testTimeout: 30_000,
  hookTimeout: 60_000,
}

/**
 * The route suites run against PGlite (a migrated template copied per file) and, when
 * TEST_DATABASE_URL is set (CI), once more against real Postgres — same files, same assertions.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'functions:pglite',
          globalSetup: ['test/global-setup.ts'],
          env: { TEST_DB: 'pglite' },
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                ...shared,
                name: 'functions:postgres',
                globalSetup: ['test/global-setup.ts'],
                env: { TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
})
