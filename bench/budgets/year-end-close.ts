/**
 * Budget (issue #16, ADR 0040): the year-end close of a 500-lot building under 5 s. Runs the
 * flag-gated load test functions/test/load/year-end-close.load.test.ts (in-process, PGlite, the
 * embedded profile), which makes the year through the API (budget, 4 provision calls, 24
 * invoices), then measures POST /buildings/{id}/fiscal-years/2025/close, and the statement PDFs
 * apart, and prints one JSON line with the figures.
 */
import { loadTestFigures } from './load-test-figures.ts'

export type YearEndCloseBudget = {
  closeLots: number
  statements: number
  invoices: number
  closeMs: number
  closeCpuMs: number
  pdfMs: number
  budgetMs: number
  withinBudget: boolean
}

const BUDGET_MS = 5_000

export function measureYearEndClose(root: string): YearEndCloseBudget {
  const figures = loadTestFigures<Omit<YearEndCloseBudget, 'budgetMs' | 'withinBudget'>>(
    root,
    'functions/test/load/year-end-close.load.test.ts',
    '{"closeLots"',
  )
  return { ...figures, budgetMs: BUDGET_MS, withinBudget: figures.closeMs < BUDGET_MS }
}

export function yearEndCloseRows(b: YearEndCloseBudget): string[] {
  return [
    `| Year-end close, ${b.closeLots} lots (${b.statements} statements, regularisations posted) | ${b.closeMs} ms (CPU ${b.closeCpuMs} ms; statement PDFs after: ${b.pdfMs} ms) | < ${b.budgetMs} ms | ${b.withinBudget ? 'ok' : 'OVER'} |`,
  ]
}
