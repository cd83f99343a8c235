/**
 * Budget (issue #16, ADR 0038): a 10,000-movement CODA file imported and matched, under 5 s.
 * Runs the flag-gated load test functions/test/load/bank-import.load.test.ts (in-process,
 * PGlite, the embedded profile), which builds a 200-lot building and its call through the API,
 * then measures POST /buildings/{id}/bank-statements (parse, validation, storage, 9,000 owner
 * payments matched by structured communication with their allocations and ledger entries, 1,000
 * left unmatched) and prints one JSON line with the figures.
 */
import { loadTestFigures } from './load-test-figures.ts'

export type BankImportBudget = {
  movements: number
  bytes: number
  unmatched: number
  ms: number
  cpuMs: number
  budgetMs: number
  withinBudget: boolean
}

const BUDGET_MS = 5_000

export function measureBankImport(root: string): BankImportBudget {
  const figures = loadTestFigures<Omit<BankImportBudget, 'budgetMs' | 'withinBudget'>>(
    root,
    'functions/test/load/bank-import.load.test.ts',
    '{"movements"',
  )
  return { ...figures, budgetMs: BUDGET_MS, withinBudget: figures.ms < BUDGET_MS }
}

export function bankImportRows(b: BankImportBudget): string[] {
  return [
    `| Bank import, ${b.movements} CODA movements imported and matched | ${b.ms} ms (CPU ${b.cpuMs} ms) | < ${b.budgetMs} ms | ${b.withinBudget ? 'ok' : 'OVER'} |`,
  ]
}
