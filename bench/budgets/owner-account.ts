/**
 * Budget (issue #17 item 3): GET /owners/{id}/account for an owner with 5,000 account lines (2,500
 * call lines, 2,500 payments), P95 ≤ 50 ms, like the charges page. Runs the flag-gated load test
 * functions/test/load/owner-account.load.test.ts (in-process, PGlite) and reads its JSON line:
 * the first page (what the portal and the owner page ask, the budget) and random pages of 50
 * (reported; a deep page reads page × 50 rows per kind, ADR 0048).
 */
import { loadTestFigures } from './load-test-figures.ts'

export type OwnerAccountBudget = {
  lines: number
  /** Requests per series (40 before session 11). */
  samples?: number
  bytes: number
  p50: number
  p95: number
  /** Random pages 1–100 of 50 (absent in runs before ADR 0048). */
  randomP50?: number
  randomP95?: number
  budgetMs: number
  withinBudget: boolean
}

const BUDGET_MS = 50

export function measureOwnerAccount(root: string): OwnerAccountBudget {
  const figures = loadTestFigures<{ ownerAccount: Omit<OwnerAccountBudget, 'budgetMs' | 'withinBudget'> }>(
    root,
    'functions/test/load/owner-account.load.test.ts',
    '{"ownerAccount"',
  ).ownerAccount
  return { ...figures, budgetMs: BUDGET_MS, withinBudget: figures.p95 <= BUDGET_MS }
}

export function ownerAccountRows(b: OwnerAccountBudget): string[] {
  return [
    `| Owner account, ${b.lines} lines, first page ${Math.round(b.bytes / 1024)} KiB (in-process${b.samples ? `, ${b.samples} requests per series` : ''}) | P95 ${b.p95} ms (P50 ${b.p50} ms)${b.randomP95 !== undefined ? `; random pages P95 ${b.randomP95} ms (P50 ${b.randomP50} ms)` : ''} | ≤ ${b.budgetMs} ms | ${b.withinBudget ? 'ok' : 'OVER'} |`,
  ]
}
