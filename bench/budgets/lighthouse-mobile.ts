/**
 * Lighthouse on a phone (issue #17 item 3, #19's budget): `make lighthouse` (scripts/lighthouse.ts:
 * mobile preset, the login page, the syndic dashboard, a building's page and the owner portal,
 * each signed in through the real form) run by the bench against the web build it measures, its
 * summary (test-results/lighthouse/summary.json) read back into the bench's table.
 *
 * It runs on both CPUs, as `make lighthouse` does: the bench pins itself to the load CPU, and a
 * phone-emulated page load sharing one core with its own server would measure the pinning.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import type { Row as LighthouseMobileRow } from '../../scripts/lighthouse.ts'
import { pinned } from '../config.ts'

export type LighthouseMobileBudget = {
  budget: number
  loadavg: number[]
  rows: LighthouseMobileRow[]
  withinBudget: boolean
}

export function measureLighthouseMobile(root: string, webDistDir: string): LighthouseMobileBudget {
  const summary = join(root, 'test-results', 'lighthouse', 'summary.json')
  rmSync(summary, { force: true })
  // Both CPUs (the bench pins itself to one): the same Node as the bench's.
  const all = cpus()
    .map((_, i) => i)
    .join(',')
  const [cmd, argv] = pinned(all, process.execPath, [join(root, 'scripts', 'lighthouse.ts')])
  const run = spawnSync(cmd, argv, {
    cwd: root,
    env: { ...process.env, LIGHTHOUSE_WEB_DIST: webDistDir },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 15 * 60_000,
  })
  // Exit 1 means "a score is below the budget": the summary is still written and reported.
  if (!existsSync(summary))
    throw new Error(`scripts/lighthouse.ts wrote no summary (exit ${run.status ?? run.signal})`)
  const s = JSON.parse(readFileSync(summary, 'utf8')) as Omit<LighthouseMobileBudget, 'withinBudget'>
  if (s.rows.length === 0) throw new Error('scripts/lighthouse.ts measured no page')
  const withinBudget = s.rows.every((r) => r.performance >= s.budget && r.accessibility >= s.budget)
  return { ...s, withinBudget }
}

export function lighthouseMobileRows(m: LighthouseMobileBudget | { state: string; note: string }): string[] {
  if ('state' in m) return [`| Lighthouse mobile (make lighthouse) | ${m.state}: ${m.note} |`]
  const load = m.loadavg.map((n) => n.toFixed(1)).join(' ')
  return m.rows.map(
    (r) =>
      `| Lighthouse mobile ${r.page} (${r.path}): performance / accessibility | ${r.performance} / ${r.accessibility} (TBT ${r.tbtMs} ms, scripting ${r.scriptingMs} ms, benchmark index ${r.benchmarkIndex}, load ${load}) — budget ≥ ${m.budget} ${r.performance >= m.budget && r.accessibility >= m.budget ? '✓' : '✗'} |`,
  )
}
