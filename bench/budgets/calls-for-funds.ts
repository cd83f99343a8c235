/**
 * Budget (issue #15, ADR 0032): a call for funds for a 500-lot building with its 500 PDF letters
 * (and the mails of the consenting half), under 10 s. Runs the flag-gated load test
 * functions/test/load/calls-for-funds.load.test.ts (in-process, PGlite, the embedded profile),
 * which builds the building through the API, then measures POST /buildings/{id}/calls plus every
 * job it enqueues, and prints one JSON line with the figures.
 */
import { loadTestFigures } from './load-test-figures.ts'

export type CallsForFundsBudget = {
  lots: number
  lines: number
  issueMs: number
  totalMs: number
  cpuMs: number
  budgetMs: number
  withinBudget: boolean
}

const BUDGET_MS = 10_000

export function measureCallsForFunds(root: string): CallsForFundsBudget {
  const figures = loadTestFigures<Omit<CallsForFundsBudget, 'budgetMs' | 'withinBudget'>>(
    root,
    'functions/test/load/calls-for-funds.load.test.ts',
    '{"lots"',
  )
  return { ...figures, budgetMs: BUDGET_MS, withinBudget: figures.totalMs < BUDGET_MS }
}

export function callsForFundsRows(b: CallsForFundsBudget): string[] {
  return [
    `| Calls for funds, ${b.lots} lots with PDFs (issue + letters + mails) | ${b.totalMs} ms (issue ${b.issueMs} ms, CPU ${b.cpuMs} ms) | < ${b.budgetMs} ms | ${b.withinBudget ? 'ok' : 'OVER'} |`,
  ]
}
