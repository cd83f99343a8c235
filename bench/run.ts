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
 *   BENCH_OWNER_CHARGES=1      GET /owners/{id}/charges budget (an owner with 5,000 expense parts, P95 of a
 *                             page ≤ 50 ms) on a fresh embedded server; default on with the budgets.
 *                             Alone (~2.5 min): BENCH_PROFILES= BENCH_BUDGETS=0 BENCH_OWNER_CHARGES=1
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
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import {
  attempt,
  measureOwnerChargesBudget,
  measureStart,
  measureWorkerBundles,
  type NotMeasured,
} from './budget-runs.ts'
import { lighthouseRows, measureLighthouse } from './budgets/lighthouse.ts'
import { ownerChargesRows } from './budgets/owner-charges.ts'
import { measureWeb } from './budgets/web.ts'
import { workerRows } from './budgets/workers.ts'
import { canPin, cfg, DEMO_SYNDIC, log, resultsDir, root } from './config.ts'
import { type ProfileResult, runProfile } from './profile.ts'
import { table } from './report.ts'
import { measureLogins } from './setup.ts'

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
  const results: (ProfileResult | { profile: string; state: 'failed'; note: string })[] = []
  for (const profile of cfg.profiles) {
    log(`profile ${profile}`)
    let r: ProfileResult | { profile: string; state: 'failed'; note: string }
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
  let budgets = ''
  if (cfg.budgets) {
    const profileLogin = results.flatMap((r) => ('login' in r && r.login ? [r.login] : []))[0]
    const webDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-web-'))
    const web = measureWeb(root, webDir)
    const skipped = (name: string): NotMeasured => ({ state: 'skipped', note: `${name}=0` })
    const start = await measureStart(webDir, async (base) => ({
      // Budgets only (no profile ran): the login cost on the embedded server, demo syndic.
      login: profileLogin
        ? undefined
        : { ...(await measureLogins(base, DEMO_SYNDIC)), on: 'embedded (PGlite)' },
      lighthouse: !cfg.lighthouse
        ? skipped('BENCH_LIGHTHOUSE')
        : web.state !== 'ok'
          ? ({ state: 'failed', note: `no web build: ${web.note}` } as NotMeasured)
          : await attempt('lighthouse', () =>
              measureLighthouse({ root, base, syndic: DEMO_SYNDIC, preset: cfg.lighthousePreset, log }),
            ),
    })).finally(() => rmSync(webDir, { recursive: true, force: true }))
    const loginRow = profileLogin ?? start.warm.login
    const lighthouse = start.warm.lighthouse
    const workers = cfg.workers
      ? await attempt('worker bundles', measureWorkerBundles)
      : skipped('BENCH_WORKERS')
    const b = {
      start: { firstMs: start.firstMs, warmMs: start.warmMs },
      web,
      login: loginRow,
      workerBundles: workers,
      lighthouse,
    }
    writeFileSync(join(resultsDir, `${stamp}-budgets${cfg.label}.json`), `${JSON.stringify(b, null, 2)}\n`)
    budgets = [
      '',
      '| Budget | Measured |',
      '|---|---|',
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
    ].join('\n')
  }
  if (cfg.ownerCharges) {
    const rows: string[] = []
    const all: Record<string, unknown> = {}
    for (const on of cfg.ownerChargesOn) {
      const measured = await attempt(`owner charges (${on})`, () => measureOwnerChargesBudget(on))
      all[on] = measured
      rows.push(
        ...('note' in measured
          ? [`| owner charges (5,000 parts, ${on}) | ${measured.state}: ${measured.note} |`]
          : ownerChargesRows(
              measured,
              on === 'pglite' ? 'embedded (PGlite), API on one core' : 'Node + Postgres, API on one core',
            )),
      )
    }
    writeFileSync(
      join(resultsDir, `${stamp}-owner-charges${cfg.label}.json`),
      `${JSON.stringify(all, null, 2)}\n`,
    )
    budgets = budgets
      ? [budgets, ...rows].join('\n')
      : ['', '| Budget | Measured |', '|---|---|', ...rows].join('\n')
  }
  const md = `# Bench ${stamp}${cfg.label}\n\nMachine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GiB, Node ${machine.node}; load average at start ${machine.loadAverageAtStart}. API pinned to CPU ${cfg.apiCpu}, generator and Postgres on CPU ${cfg.loadCpu}; ${cfg.connections} connections; realistic seed ×${cfg.scale}.\n\n${results.length ? table(results) : 'No load profile (BENCH_PROFILES is empty).'}\n${budgets}\n`
  writeFileSync(join(resultsDir, `${stamp}${cfg.scale > 1 ? `-x${cfg.scale}` : ''}${cfg.label}.md`), md)
  process.stdout.write(`\n${md}`)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
