/**
 * BENCH_GROWTH: the heavy operations at 10× data (issue #17 item 4). Each heavy-operation load
 * test runs with GROWTH=1: its tenant first gets the growth seed (functions/test/load/growth.ts:
 * the realistic seed ×10 — 230 buildings, ≈1,900 lots — a year of expenses and four quarterly
 * calls per building), then the operation runs as in its budget, and every distinct statement it
 * ran is EXPLAINed (generic plan, after ANALYZE); the test fails on a sequential scan of a tenant
 * table. Read here: the line `{"growth": …}` each test prints.
 */
import { loadTestFigures } from './load-test-figures.ts'

export const GROWTH_OPERATIONS = [
  'calls-for-funds',
  'year-end-close',
  'bank-import',
  'assembly',
  'owner-charges',
  'owner-account',
] as const

export type GrowthFigures = {
  growth: string
  tenant: Record<string, number>
  statements: number
  explained: number
  seqScans: { tables: string[]; query: string }[]
  unexplained: string[]
} & Record<string, unknown>

export function measureGrowth(root: string) {
  const out: Record<string, GrowthFigures | { state: 'failed'; note: string }> = {}
  for (const op of GROWTH_OPERATIONS) {
    try {
      out[op] = loadTestFigures<GrowthFigures>(root, `functions/test/load/${op}.load.test.ts`, '{"growth"', {
        GROWTH: '1',
      })
    } catch (error) {
      out[op] = {
        state: 'failed',
        note: (error instanceof Error ? error.message : String(error)).slice(0, 300),
      }
    }
  }
  return out
}

export function growthRows(all: ReturnType<typeof measureGrowth>): string[] {
  return Object.entries(all).map(([op, m]) => {
    if ('state' in m) return `| ${op} at 10× tenant data | ${m.state}: ${m.note} |`
    const t = m.tenant
    const scans = m.seqScans.length
      ? `✗ sequential scans: ${m.seqScans.map((s) => s.tables.join('+')).join(', ')}`
      : '✓ no sequential scan of a tenant table'
    return `| ${op} at 10× tenant data (${t.buildings} buildings, ${t.units} lots, ${t.expenses} expenses, ${t.callLines} call lines) | ${m.explained}/${m.statements} statements explained: ${scans} |`
  })
}
