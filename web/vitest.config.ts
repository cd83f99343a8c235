import { defineConfig } from 'vitest/config'

// Unit tests of src/lib only: plain TypeScript, no DOM rendering, IndexedDB from fake-indexeddb.
export default defineConfig({
  test: {
    name: 'web',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Ceilings, not timing goals: scripts/ tests start the API and tsc, slow on a loaded CI runner.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
