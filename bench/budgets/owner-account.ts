/**
 * Budget (issue #17 item 3): GET /owners/{id}/account for an owner with 5,000 account lines (2,500
 * call lines, 2,500 payments), P95 ≤ 50 ms, like the charges page. Runs the flag-gated load test
 * functions/test/load/owner-account.load.test.ts (in-process, PGlite) and reads its JSON line.
 */
import { spawnSync } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'

export type OwnerAccountBudget = {
  lines: number
  bytes: number
  p50: number
  p95: number
  budgetMs: number
  withinBudget: boolean
}

const BUDGET_MS = 50

export function measureOwnerAccount(root: string): OwnerAccountBudget {
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'functions:pglite',
      'functions/test/load/owner-account.load.test.ts',
    ],
    { cwd: root, env: { ...process.env, LOAD: '1', TEST_DB: 'pglite' }, encoding: 'utf8', timeout: 900_000 },
  )
  // vitest colours its output even into a pipe here: the line starts after the escape codes.
  const line = stripVTControlCharacters(`${run.stdout}`)
    .split('\n')
    .find((l) => l.startsWith('{"ownerAccount"'))
  if (!line) throw new Error(`owner-account load test printed no figures: ${run.stderr.slice(-500)}`)
  const figures = (
    JSON.parse(line) as { ownerAccount: Omit<OwnerAccountBudget, 'budgetMs' | 'withinBudget'> }
  ).ownerAccount
  return { ...figures, budgetMs: BUDGET_MS, withinBudget: figures.p95 <= BUDGET_MS }
}

export function ownerAccountRows(b: OwnerAccountBudget): string[] {
  return [
    `| Owner account, ${b.lines} lines, ${Math.round(b.bytes / 1024)} KiB (in-process) | P95 ${b.p95} ms (P50 ${b.p50} ms) | ≤ ${b.budgetMs} ms | ${b.withinBudget ? 'ok' : 'OVER'} |`,
  ]
}
