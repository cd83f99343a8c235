/** The markdown report: the load profiles beside the Rust KoproGo's published figures, then the budgets. */
import type { Budgets, OwnerChargesBudgets } from './budget-runs.ts'
import { type AssemblyBudget, assemblyRows } from './budgets/assembly.ts'
import { lighthouseRows } from './budgets/lighthouse.ts'
import { ownerChargesRows } from './budgets/owner-charges.ts'
import { workerRows } from './budgets/workers.ts'
import { ANCHOR, cfg } from './config.ts'
import type { FailedProfile, ProfileResult } from './profile.ts'

export const ms = (x: number | undefined) => (x === undefined ? '—' : `${x}`)

export function table(
  results: (ProfileResult | { profile: string; state: 'failed'; note: string })[],
): string {
  const rows = [
    '| Profile | req/s | P50 ms | P90 ms | P95 ms | P99 ms | P99.9 ms | 2xx | 4xx | 5xx | errors % | API CPU % | API CPU ms/req | API peak RSS MB | CPUs busy % |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    `| Rust KoproGo (published, 1 vCPU VPS, 180 s) | ${ANCHOR.rps} | ${ANCHOR.p50} | — | ${ANCHOR.p95} | ${ANCHOR.p99} | — | — | — | — | ${ANCHOR.errorPct} | — | — |`,
  ]
  for (const r of results) {
    if (r.state !== 'ok' || !('latencyMs' in r)) {
      rows.push(
        `| ${r.profile} | ${'note' in r ? `failed: ${r.note}` : 'failed'} | | | | | | | | | | | | | |`,
      )
      continue
    }
    const l = r.latencyMs
    rows.push(
      `| ${r.profile}${r.scale > 1 ? ` ×${r.scale}` : ''} (${r.generator}, ${Math.round(r.seconds)} s) | ${r.rps} | ${ms(l.p50)} | ${ms(l.p90)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.p999)} | ${r.status['2xx']} | ${r.status['4xx']} | ${r.status['5xx']} | ${r.errorPct} | ${r.server.cpuPct} | ${r.server.cpuMsPerRequest} | ${r.server.peakRssMb} | ${r.coresBusyPct.join(' / ')} |`,
    )
  }
  return rows.join('\n')
}

export function budgetRows(b: Budgets): string[] {
  const { start, web, login: loginRow, workerBundles: workers, lighthouse } = b
  return [
    `| make start → first 200 on /health, empty data folder (migrations + demo seed) | ${start.firstMs} ms |`,
    `| same, warm restart | ${start.warmMs} ms |`,
    `| login (argon2id m=19456 t=2 p=1), median round trip${loginRow && 'on' in loginRow ? `, ${loginRow.on}` : ''} | ${loginRow ? `${loginRow.medianMs} ms` : '—'} |`,
    `| logins per second, API on one core | ${loginRow ? loginRow.perSecond : '—'} |`,
    ...(web.state === 'ok' && web.pages
      ? Object.entries(web.pages).map(
          ([name, p]) =>
            `| web ${name === 'login' ? 'login page' : `${name} dashboard`}: JS / CSS (gzip -9) | ${(p.jsGzip / 1024).toFixed(1)} / ${(p.cssGzip / 1024).toFixed(1)} KiB |`,
        )
      : [`| web JS / CSS | ${web.note} |`]),
    ...('note' in workers
      ? [`| Worker bundles (gzip), workerd cold start | ${workers.state}: ${workers.note} |`]
      : workerRows(workers)),
    ...('note' in lighthouse
      ? [`| Lighthouse (login, syndic dashboard) | ${lighthouse.state}: ${lighthouse.note} |`]
      : lighthouseRows(lighthouse)),
  ]
}

export function assemblyBudgetRows(measured: AssemblyBudget | { state: string; note: string }): string[] {
  return 'note' in measured
    ? [`| general assembly (300 lots) | ${measured.state}: ${measured.note} |`]
    : assemblyRows(measured, 'embedded (PGlite), API on one core')
}

export function ownerChargesBudgetRows(all: OwnerChargesBudgets): string[] {
  return Object.entries(all).flatMap(([on, measured]) =>
    'note' in measured
      ? [`| owner charges (5,000 parts, ${on}) | ${measured.state}: ${measured.note} |`]
      : ownerChargesRows(
          measured,
          on === 'pglite' ? 'embedded (PGlite), API on one core' : 'Node + Postgres, API on one core',
        ),
  )
}

export type Machine = {
  cpu?: string
  cpus: number
  memoryGb: number
  node: string
  loadAverageAtStart: string
}

/** The run's page: machine, profiles table, and the budget rows when any were measured. */
export function markdown(
  stamp: string,
  machine: Machine,
  results: (ProfileResult | FailedProfile)[],
  budgets: string[] | null,
): string {
  const budgetTable = budgets ? ['', '| Budget | Measured |', '|---|---|', ...budgets].join('\n') : ''
  return `# Bench ${stamp}${cfg.label}\n\nMachine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GiB, Node ${machine.node}; load average at start ${machine.loadAverageAtStart}. API pinned to CPU ${cfg.apiCpu}, generator and Postgres on CPU ${cfg.loadCpu}; ${cfg.connections} connections; realistic seed ×${cfg.scale}.\n\n${results.length ? table(results) : 'No load profile (BENCH_PROFILES is empty).'}\n${planLines(results)}${budgetTable}\n`
}

/**
 * The list plans a Postgres profile checked after its load (plans.ts: the mix's four lists for
 * both tenants): issue #17 item 4 asks that none reads a tenant's rows by a sequential scan.
 */
function planLines(results: (ProfileResult | FailedProfile)[]): string {
  const lines = results.flatMap((r) => {
    const plans = 'plans' in r ? r.plans : null
    if (!plans?.seqScans) return []
    const found = Object.entries(plans.seqScans as Record<string, string[]>).flatMap(([tenant, tables]) =>
      tables.map((t) => `${t} (${tenant})`),
    )
    const checked = plans.plans.length
    return [
      found.length === 0
        ? `List plans, ${r.profile}: ${checked} list statements explained after the load, no sequential scan of a tenant list ✓`
        : `List plans, ${r.profile}: sequential scan of a tenant list ✗ ${found.join(', ')}`,
    ]
  })
  return lines.length ? `\n${lines.join('\n')}\n` : ''
}
