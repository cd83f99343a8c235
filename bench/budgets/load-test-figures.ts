/**
 * The heavy-operation budgets run a flag-gated load test (functions/test/load/*.load.test.ts,
 * in-process, PGlite: the embedded profile) with LOAD=1 and read the one JSON line it prints with
 * its figures. `prefix` is how that line starts (e.g. `{"movements"`).
 */
import { spawnSync } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'

export function loadTestFigures<T>(
  root: string,
  testFile: string,
  prefix: string,
  extraEnv: Record<string, string> = {},
): T {
  const run = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--project', 'functions:pglite', testFile],
    {
      cwd: root,
      env: { ...process.env, ...extraEnv, LOAD: '1', TEST_DB: 'pglite' },
      encoding: 'utf8',
      timeout: 900_000,
    },
  )
  // vitest may colour its output even into a pipe: the line starts after the escape codes.
  const line = stripVTControlCharacters(`${run.stdout}`)
    .split('\n')
    .find((l) => l.startsWith(prefix))
  if (!line) throw new Error(`${testFile} printed no figures: ${run.stderr.slice(-500)}`)
  return JSON.parse(line) as T
}
