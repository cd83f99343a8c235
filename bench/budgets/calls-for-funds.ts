/**
 * Budget (issue #15, ADR 0032): a call for funds for a 500-lot building with its 500 PDF letters
 * (and the mails of the consenting half), under 10 s. Runs the flag-gated load test
 * functions/test/load/calls-for-funds.load.test.ts (in-process, PGlite, the embedded profile),
 * which builds the building through the API, then measures POST /buildings/{id}/calls plus every
 * job it enqueues, and prints one JSON line with the figures.
 */
import { spawnSync } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'

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
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'functions:pglite',
      'functions/test/load/calls-for-funds.load.test.ts',
    ],
    { cwd: root, env: { ...process.env, LOAD: '1', TEST_DB: 'pglite' }, encoding: 'utf8', timeout: 900_000 },
  )
  // vitest may colour its output even into a pipe: the line starts after the escape codes.
  const line = stripVTControlCharacters(`${run.stdout}`)
    .split('\n')
    .find((l) => l.startsWith('{"lots"'))
  if (!line) throw new Error(`calls-for-funds load test printed no figures: ${run.stderr.slice(-500)}`)
  const figures = JSON.parse(line) as Omit<CallsForFundsBudget, 'budgetMs' | 'withinBudget'>
  return { ...figures, budgetMs: BUDGET_MS, withinBudget: figures.totalMs < BUDGET_MS }
}

export function callsForFundsRows(b: CallsForFundsBudget): string[] {
  return [
    `| Calls for funds, ${b.lots} lots with PDFs (issue + letters + mails) | ${b.totalMs} ms (issue ${b.issueMs} ms, CPU ${b.cpuMs} ms) | < ${b.budgetMs} ms | ${b.withinBudget ? 'ok' : 'OVER'} |`,
  ]
}
