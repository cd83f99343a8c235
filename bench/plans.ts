/**
 * Postgres checks after the mix: where Postgres spent its time (BENCH_PG_STATEMENTS=1) and the
 * EXPLAIN plans of the list queries (sequential scans, full sorts) — the growth check of
 * docs/performance.md.
 */
import { readFileSync } from 'node:fs'
import { scanNodes } from '../scripts/lib/plan-scans.ts'
import { sleep } from './config.ts'
import type { Postgres } from './processes.ts'
import { call, login } from './setup.ts'

/**
 * BENCH_PG_STATEMENTS=1: where Postgres spent its time during the mix (pg_stat_statements, nested
 * statements of triggers included), as milliseconds per request of the mix and share of the total.
 */
export function topStatements(pg: Postgres, requests: number) {
  const rows = pg
    .psql(
      `SELECT round(total_exec_time::numeric, 1) || '|' || calls || '|' ||
       regexp_replace(left(query, 140), '\\s+', ' ', 'g')
     FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20`,
    )
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ms, calls, query] = line.split('|')
      return { totalMs: Number(ms), calls: Number(calls), query: query ?? '' }
    })
  const total = Number(
    pg.psql('SELECT round(sum(total_exec_time)::numeric, 1) FROM pg_stat_statements').trim(),
  )
  return {
    totalMsPerRequest: Math.round((total / Math.max(1, requests)) * 1000) / 1000,
    top: rows.map((r) => ({
      ...r,
      msPerRequest: Math.round((r.totalMs / Math.max(1, requests)) * 1000) / 1000,
      sharePct: Math.round((r.totalMs / Math.max(1, total)) * 1000) / 10,
    })),
  }
}

/** Turns auto_explain on, lists each resource once, and reports the scan nodes of each list query. */
export async function checkPlans(pg: Postgres, base: string, token: string) {
  pg.psql('ANALYZE') // the plans of a steady state, not of statistics taken before the run's inserts
  pg.psql('ALTER SYSTEM SET auto_explain.log_min_duration = 0')
  pg.psql('SELECT pg_reload_conf()')
  await sleep(300)
  const logFile = pg.logFile
  const before = readFileSync(logFile, 'utf8').length
  const paths = ['/api/v1/buildings', '/api/v1/units', '/api/v1/owners', '/api/v1/expenses']
  // The bench writes into admin@small.be's organization, which ends up holding most rows: there a
  // sequential scan is the right plan for the count. admin@large.be's untouched organization is a
  // tenant among many, the case the indexes are for.
  const other = await login(base, { email: 'admin@large.be', password: 'admin123' })
  for (const p of paths) await call(base, 'GET', p, token)
  for (const p of paths) await call(base, 'GET', p, other)
  await sleep(300)
  pg.psql('ALTER SYSTEM RESET auto_explain.log_min_duration')
  pg.psql('SELECT pg_reload_conf()')
  const text = readFileSync(logFile, 'utf8').slice(before)
  const plans = text.split(/LOG: {2}duration: [\d.]+ ms {2}plan:\n/).slice(1)
  const out: { table: string; tenant: string; query: string; scans: string[]; fullSort: boolean }[] = []
  const orgs = pg
    .psql(
      "SELECT u.email || '=' || u.organization_id FROM users u WHERE u.email IN ('admin@small.be','admin@large.be')",
    )
    .trim()
    .split('\n')
    .map((l) => l.split('='))
  for (const plan of plans) {
    const query = /Query Text: (.*)/.exec(plan)?.[1] ?? ''
    // The listed table, not the counter subquery's (`from "tenant_row_counts"` comes first).
    const table = /from "(buildings|units|owners|expenses)"/.exec(query)?.[1] ?? ''
    if (!['buildings', 'units', 'owners', 'expenses'].includes(table) || !/^select/i.test(query)) continue
    const scans = scanNodes(plan)
    const org = /'([0-9a-f-]{36})'::uuid/.exec(plan)?.[1]
    const tenant = orgs.find(([, id]) => id === org)?.[0] ?? '?'
    // A full Sort under the Limit means the page sorted every matching row: O(tenant), not O(page).
    const fullSort = /->\s+Sort\b|^\s*Sort\b/m.test(plan)
    out.push({ table, tenant, query: query.slice(0, 160), scans, fullSort })
  }
  const counts = Object.fromEntries(
    ['buildings', 'units', 'owners', 'expenses'].map((t) => [
      t,
      Number(pg.psql(`SELECT count(*) FROM ${t}`).trim() || 0),
    ]),
  )
  return {
    rows: counts,
    rowsPerTenant: Object.fromEntries(
      orgs.map(([email, id]) => [
        email,
        Object.fromEntries(
          ['buildings', 'units', 'owners', 'expenses'].map((t) => [
            t,
            Number(pg.psql(`SELECT count(*) FROM ${t} WHERE organization_id = '${id}'`).trim() || 0),
          ]),
        ),
      ]),
    ),
    plans: out,
    seqScans: Object.fromEntries(
      orgs.map(([email]) => [
        email,
        out
          .filter(
            (p) =>
              p.tenant === email && p.scans.some((s) => s.startsWith('Seq') && s.endsWith(` on ${p.table}`)),
          )
          .map((p) => p.table),
      ]),
    ),
  }
}
