/**
 * Budget (issue #15, ADR 0037): GET /owners/{id}/charges for an owner with 5,000 lines read from
 * frozen distributions, P95 ≤ 50 ms. Runs the flag-gated load test
 * functions/test/load/frozen-charges.load.test.ts (in-process, PGlite) and reads its JSON line.
 */
import { loadTestFigures } from './load-test-figures.ts'

export type FrozenChargesBudget = {
  lines: number
  p50: number
  p95: number
  budgetMs: number
  withinBudget: boolean
}

const BUDGET_MS = 50

export function measureFrozenCharges(root: string): FrozenChargesBudget {
  const figures = loadTestFigures<{ frozenCharges: Omit<FrozenChargesBudget, 'budgetMs' | 'withinBudget'> }>(
    root,
    'functions/test/load/frozen-charges.load.test.ts',
    '{"frozenCharges"',
  ).frozenCharges
  return { ...figures, budgetMs: BUDGET_MS, withinBudget: figures.p95 <= BUDGET_MS }
}

export function frozenChargesRows(b: FrozenChargesBudget): string[] {
  return [
    `| Owner charges from frozen splits, ${b.lines} lines (in-process) | P95 ${b.p95} ms (P50 ${b.p50} ms) | ≤ ${b.budgetMs} ms | ${b.withinBudget ? 'ok' : 'OVER'} |`,
  ]
}
