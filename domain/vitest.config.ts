import { defineConfig } from 'vitest/config'

// Generous ceilings, not timing goals: CI runs every project at once on 2 cores (property tests
// and the dependency-rule scan took 1.3 s under a parallel run; the default 5 s is too close).
export default defineConfig({
  test: {
    name: 'domain',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
