/**
 * `make bench`: for each profile, start the API pinned to one CPU, load the realistic seed, run
 * the Rust KoproGo's request mix (scripts/lib/request-mix.ts) with 20 connections, and write
 * bench/results/<date>-<profile>.json plus one markdown table for the run.
 *
 * Settings (environment):
 *   BENCH_DURATION=60          seconds of measured load per profile (180 to compare with the anchor)
 *   BENCH_WARMUP=5             seconds of the same mix before measuring (JIT, pool, caches)
 *   BENCH_PROFILES=pglite,postgres,workerd
 *   BENCH_CONNECTIONS=20
 *   BENCH_SCALE=1              realistic seed multiplier (10 = the growth run: 230 buildings)
 *   BENCH_GENERATOR=auto       auto (wrk when installed, else autocannon) | wrk | autocannon
 *   BENCH_API_CPU=0 BENCH_LOAD_CPU=1   taskset CPU lists: the API alone on one, generator + Postgres on the other
 *   BENCH_BUDGETS=1            also measure start time, login cost, web and Worker bundle sizes,
 *                             workerd cold start and Lighthouse (0 to skip all of them)
 *   BENCH_WORKERS=1            Worker bundles (gzip) + workerd cold start (0 to skip: ~15-30 s build
 *                             when stale, then 1 + 2 × BENCH_COLD_STARTS workerd starts of ~1.5 s)
 *   BENCH_COLD_STARTS=5        workerd cold starts per probe (median reported)
 *   BENCH_LIGHTHOUSE=1         Lighthouse of /login and /syndic + installability facts (0 to skip:
 *                             ~40 s; fetches lighthouse with `pnpm dlx` on first use, needs Chromium
 *                             at CHROMIUM_PATH, default /usr/bin/chromium)
 *   BENCH_LIGHTHOUSE_MOBILE=1  `make lighthouse` (mobile preset: login, syndic dashboard, building page, owner
 *                             portal; budget ≥ 95) on web/dist, both CPUs (~70 s; default on with the budgets,
 *                             off with BENCH_LIGHTHOUSE=0). Alone: BENCH_PROFILES= BENCH_BUDGETS=0 BENCH_LIGHTHOUSE_MOBILE=1
 *   BENCH_OWNER_CHARGES=1      GET /owners/{id}/charges budget (an owner with 5,000 expense parts, P95 of a
 *                             page ≤ 50 ms) on a fresh embedded server, then the in-process load tests of
 *                             the charges from frozen splits and of the owner account (5,000 lines each,
 *                             same budget); default on with the budgets.
 *                             Alone (~4.5 min): BENCH_PROFILES= BENCH_BUDGETS=0 BENCH_OWNER_CHARGES=1
 *   BENCH_ASSEMBLY=1           general-assembly budget: a 300-lot building, 200 present, 20 resolutions,
 *                             each act posted alone, P95 per act ≤ 50 ms (default on with the budgets).
 *                             Alone (~5 min): BENCH_PROFILES= BENCH_BUDGETS=0 BENCH_OWNER_CHARGES=0 BENCH_ASSEMBLY=1
 *   BENCH_OFFLINE_REPLAY=1     offline sync replay: 500 writes queued in Chromium while offline, replayed by
 *                             the PWA's sync engine on reconnect, ≤ 30 s (default on with the budgets).
 *                             Alone (~1.5 min): BENCH_PROFILES= BENCH_BUDGETS=0 BENCH_OFFLINE_REPLAY=1
 *   BENCH_GROWTH=1             the heavy-operation load tests inside a tenant holding 10× data (the realistic
 *                             seed ×10, a year of expenses and calls per building); each EXPLAINs its
 *                             statements and fails on a sequential scan of a tenant table (default off).
 *                             Alone: BENCH_PROFILES= BENCH_BUDGETS=0 BENCH_GROWTH=1
 *   BENCH_OWNER_CHARGES_ON=pglite   where that budget runs: pglite, postgres, or both (comma-separated)
 *   BENCH_LIGHTHOUSE_PRESET=desktop   or mobile (Lighthouse's default: emulated phone, slow 4G)
 *   BENCH_LABEL=               suffix of the result file names (e.g. "before", "scale10")
 *   BENCH_RATE=               fixed total request rate (autocannon): compare API CPU ms/request of two
 *                             builds on a busy machine, where saturated throughput is mostly noise
 *   BENCH_READ_SHARE=0.7       share of reads in the mix (1 or 0 to cost reads and writes apart)
 *   BENCH_API_NODE_FLAGS='--max-semi-space-size=8 --max-old-space-size=192'   Node flags of the API,
 *                             the Dockerfile's ('' for V8's defaults);
 *                             MALLOC_ARENA_MAX (default 2) is passed to the API too
 *   BENCH_CPU_PROF=1           write a V8 CPU profile of the API to bench/results/profiles/
 *   BENCH_EDGE_POOLER=1        workerd profile through PgBouncer (transaction mode) bound as HYPERDRIVE,
 *                             the production path (0: a new Postgres connection per request, as before)
 *   BENCH_EDGE_DIRECT=1        workerd profile: the load reaches the gateway Worker on its own workerd
 *                             socket, without Miniflare's entry Worker (absent in production)
 *   BENCH_PG_STATEMENTS=1      load pg_stat_statements and record where Postgres spent its time
 *   BENCH_KEEP_PG_LOG=1        copy the Postgres server log (with the auto_explain plans) to bench/results/
 *   DB_POOL_MAX, LOG_LEVEL…    passed through to the API
 *
 * Budgets only, no load test (~1.5 min): BENCH_PROFILES= .tools/bin/node bench/run.ts
 * (the login cost is then measured on the embedded server with the demo syndic).
 *
 * Modules: config.ts (these settings), processes.ts (API and Postgres, through the shared helpers in
 * scripts/lib/), setup.ts (seed, targets, login cost), load.ts (wrk or autocannon with the shared
 * mix), proc-stats.ts (/proc readings), plans.ts (pg_stat_statements, EXPLAIN of the list queries),
 * profile.ts (one load profile), budget-runs.ts and budgets/ (the once-per-run budgets), report.ts
 * (the markdown table); this file runs them in order and writes bench/results/.
 */

import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import {
  attempt,
  runAssemblyBudget,
  runBudgets,
  runOfflineReplayBudget,
  runOwnerChargesBudgets,
} from './budget-runs.ts'
import { bankImportRows, measureBankImport } from './budgets/bank-import.ts'
import { callsForFundsRows, measureCallsForFunds } from './budgets/calls-for-funds.ts'
import { frozenChargesRows, measureFrozenCharges } from './budgets/frozen-charges.ts'
import { growthRows, measureGrowth } from './budgets/growth.ts'
import { lighthouseMobileRows, measureLighthouseMobile } from './budgets/lighthouse-mobile.ts'
import { offlineReplayRows } from './budgets/offline-replay.ts'
import { measureOwnerAccount, ownerAccountRows } from './budgets/owner-account.ts'
import { measureYearEndClose, yearEndCloseRows } from './budgets/year-end-close.ts'
import { canPin, cfg, log, resultsDir, root } from './config.ts'
import { type FailedProfile, type ProfileResult, runProfile } from './profile.ts'
import { assemblyBudgetRows, budgetRows, markdown, ownerChargesBudgetRows } from './report.ts'

async function main() {
  if (canPin) spawnSync('taskset', ['-a', '-p', '-c', cfg.loadCpu, String(process.pid)], { stdio: 'ignore' })
  else
    log('taskset or a second CPU is missing: nothing is pinned, figures are not comparable with the anchor')
  mkdirSync(resultsDir, { recursive: true })
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')
  const machine = {
    cpu: cpus()[0]?.model,
    cpus: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  }
  const results: (ProfileResult | FailedProfile)[] = []
  for (const profile of cfg.profiles) {
    log(`profile ${profile}`)
    let r: ProfileResult | FailedProfile
    try {
      r = await runProfile(profile)
    } catch (error) {
      log(`${profile} failed: ${error instanceof Error ? error.message : String(error)}`)
      r = {
        profile,
        state: 'failed',
        note: String(error instanceof Error ? error.message : error).split('\n')[0] ?? '',
      }
    }
    const file = join(
      resultsDir,
      `${stamp}-${profile}${cfg.scale > 1 ? `-x${cfg.scale}` : ''}${cfg.label}.json`,
    )
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), machine, durationS: cfg.duration, ...r }, null, 2)}\n`,
    )
    log(`wrote ${file}`)
    results.push(r)
  }
  const budgets: string[] = []
  if (cfg.budgets) {
    const profileLogin = results.flatMap((r) => ('login' in r && r.login ? [r.login] : []))[0]
    const b = await runBudgets(profileLogin)
    writeFileSync(join(resultsDir, `${stamp}-budgets${cfg.label}.json`), `${JSON.stringify(b, null, 2)}\n`)
    budgets.push(...budgetRows(b))
  }
  if (cfg.ownerCharges) {
    const all = await runOwnerChargesBudgets()
    writeFileSync(
      join(resultsDir, `${stamp}-owner-charges${cfg.label}.json`),
      `${JSON.stringify(all, null, 2)}\n`,
    )
    budgets.push(...ownerChargesBudgetRows(all))
    // Owner charges read from frozen distributions, 5,000 lines (ADR 0037, 0046), in-process.
    const frozen = measureFrozenCharges(root)
    writeFileSync(
      join(resultsDir, `${stamp}-frozen-charges${cfg.label}.json`),
      `${JSON.stringify(frozen, null, 2)}\n`,
    )
    budgets.push(...frozenChargesRows(frozen))
    // The owner account (calls and payments), 5,000 lines, in-process (issue #17 item 3).
    const account = measureOwnerAccount(root)
    writeFileSync(
      join(resultsDir, `${stamp}-owner-account${cfg.label}.json`),
      `${JSON.stringify(account, null, 2)}\n`,
    )
    budgets.push(...ownerAccountRows(account))
  }
  if (cfg.budgets) {
    // Calls for funds for a 500-lot building including the PDFs (ADR 0032), in-process.
    const calls = measureCallsForFunds(root)
    writeFileSync(
      join(resultsDir, `${stamp}-calls-for-funds${cfg.label}.json`),
      `${JSON.stringify(calls, null, 2)}\n`,
    )
    budgets.push(...callsForFundsRows(calls))
    // The year-end close of a 500-lot building (ADR 0040), in-process.
    const close = measureYearEndClose(root)
    writeFileSync(
      join(resultsDir, `${stamp}-year-end-close${cfg.label}.json`),
      `${JSON.stringify(close, null, 2)}\n`,
    )
    budgets.push(...yearEndCloseRows(close))
    // A 10,000-movement CODA file imported and matched (ADR 0038), in-process.
    const bank = measureBankImport(root)
    writeFileSync(
      join(resultsDir, `${stamp}-bank-import${cfg.label}.json`),
      `${JSON.stringify(bank, null, 2)}\n`,
    )
    budgets.push(...bankImportRows(bank))
  }
  if (cfg.assembly) {
    const measured = await runAssemblyBudget()
    writeFileSync(
      join(resultsDir, `${stamp}-assembly${cfg.label}.json`),
      `${JSON.stringify(measured, null, 2)}\n`,
    )
    budgets.push(...assemblyBudgetRows(measured))
  }
  if (cfg.offlineReplay) {
    const measured = await runOfflineReplayBudget()
    writeFileSync(
      join(resultsDir, `${stamp}-offline-replay${cfg.label}.json`),
      `${JSON.stringify(measured, null, 2)}\n`,
    )
    budgets.push(...offlineReplayRows(measured))
  }
  if (cfg.lighthouseMobile) {
    // Lighthouse on a phone, the four pages people use most (`make lighthouse`), on web/dist.
    const mobile = await attempt('lighthouse mobile', async () =>
      measureLighthouseMobile(root, join(root, 'web', 'dist')),
    )
    writeFileSync(
      join(resultsDir, `${stamp}-lighthouse-mobile${cfg.label}.json`),
      `${JSON.stringify(mobile, null, 2)}\n`,
    )
    budgets.push(...lighthouseMobileRows(mobile))
  }
  if (cfg.growth) {
    // The heavy operations at 10× tenant data: no sequential scan of a tenant table (in-process).
    const growth = measureGrowth(root)
    writeFileSync(
      join(resultsDir, `${stamp}-growth${cfg.label}.json`),
      `${JSON.stringify(growth, null, 2)}\n`,
    )
    budgets.push(...growthRows(growth))
  }
  // Every budget step that ran added its rows: the table is there when one did.
  const md = markdown(stamp, machine, results, budgets.length > 0 ? budgets : null)
  writeFileSync(join(resultsDir, `${stamp}${cfg.scale > 1 ? `-x${cfg.scale}` : ''}${cfg.label}.md`), md)
  process.stdout.write(`\n${md}`)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
