/**
 * Budget (issue #15, ADR 0037): GET /owners/{id}/charges for an owner with 5,000 lines read from
 * frozen distributions, P95 ≤ 50 ms. Runs the flag-gated load test
 * functions/test/load/frozen-charges.load.test.ts (in-process, PGlite) and reads its JSON line.
 */
import { spawnSync } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'

export type FrozenChargesBudget = {
  lines: number
  p50: number
  p95: number
  budgetMs: number
  withinBudget: boolean
}

const BUDGET_MS = 50

export function measureFrozenCharges(root: string): FrozenChargesBudget {
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'functions:pglite',
      'functions/test/load/frozen-charges.load.test.ts',
    ],
    { cwd: root, env: { ...process.env, LOAD: '1', TEST_DB: 'pglite' }, encoding: 'utf8', timeout: 900_000 },
  )
  // vitest colours its output even into a pipe here: the line starts after the escape codes.
  const line = stripVTControlCharacters(`${run.stdout}`)
    .split('\n')
    .find((l) => l.startsWith('{"frozenCharges"'))
  if (!line) throw new Error(`frozen-charges load test printed no figures: ${run.stderr.slice(-500)}`)
  const figures = (
    JSON.parse(line) as { frozenCharges: Omit<FrozenChargesBudget, 'budgetMs' | 'withinBudget'> }
  ).frozenCharges
  return { ...figures, budgetMs: BUDGET_MS, withinBudget: figures.p95 <= BUDGET_MS }
}

export function frozenChargesRows(b: FrozenChargesBudget): string[] {
  return [
    `| Owner charges from frozen splits, ${b.lines} lines (in-process) | P95 ${b.p95} ms (P50 ${b.p50} ms) | ≤ ${b.budgetMs} ms | ${b.withinBudget ? 'ok' : 'OVER'} |`,
  ]
}
