/**
 * The once-per-run budgets, each on its own fresh server: start time, login cost (when no profile
 * measured it), web bundles, Worker bundles and workerd cold start, Lighthouse, owner charges.
 * The measurements themselves are in bench/budgets/.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPgBouncer } from '../scripts/lib/pgbouncer.ts'
import { measureAssembly } from './budgets/assembly.ts'
import { measureLighthouse } from './budgets/lighthouse.ts'
import { measureOfflineReplay } from './budgets/offline-replay.ts'
import { measureOwnerCharges } from './budgets/owner-charges.ts'
import { measureWeb } from './budgets/web.ts'
import { measureWorkers } from './budgets/workers.ts'
import { cfg, DEMO_SYNDIC, env, log, root, SUPERADMIN } from './config.ts'
import { startApi, startPostgres, stop, stopPostgres } from './processes.ts'
import { measureLogins } from './setup.ts'

/**
 * `make start` (embedded, demo seed on) to the first 200 on /health: empty data folder, then warm.
 * `whileWarm` runs against the warm server, which has the demo data and serves `webDistDir`.
 */
export async function measureStart<T>(webDistDir: string, whileWarm: (base: string) => Promise<T>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-start-'))
  try {
    const first = await startApi({ DATA_DIR: dataDir, SEED_DEMO_ON_START: 'true' })
    await stop(first)
    const warm = await startApi({ DATA_DIR: dataDir, SEED_DEMO_ON_START: 'true', WEB_DIST_DIR: webDistDir })
    try {
      return { firstMs: first.readyMs, warmMs: warm.readyMs, warm: await whileWarm(warm.base) }
    } finally {
      await stop(warm)
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export type NotMeasured = { state: 'skipped' | 'failed'; note: string }

/** A budget that fails is reported as failed; the others are still measured. */
export async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | NotMeasured> {
  try {
    return await run()
  } catch (error) {
    const note = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
    log(`${what} failed: ${error instanceof Error ? error.stack : String(error)}`)
    return { state: 'failed', note }
  }
}

/** The owner-charges budget on its own fresh server (no other load): embedded, or the VPS profile. */
export async function measureOwnerChargesBudget(on: 'pglite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-charges-'))
  const pg = on === 'postgres' ? await startPostgres() : null
  try {
    const api = await startApi({ DATA_DIR: dataDir, ...(pg ? { DATABASE_URL: pg.url } : {}) })
    try {
      return await measureOwnerCharges({ base: api.base, superadmin: SUPERADMIN, log })
    } finally {
      await stop(api)
    }
  } finally {
    if (pg) stopPostgres(pg, false)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function measureWorkerBundles() {
  const pg = await startPostgres()
  // As the workerd profile: through PgBouncer bound as HYPERDRIVE unless BENCH_EDGE_POOLER=0.
  const pooler = env.BENCH_EDGE_POOLER !== '0' ? await startPgBouncer({ serverUrl: pg.url }) : undefined
  try {
    return await measureWorkers({
      databaseUrl: pg.url,
      ...(pooler ? { hyperdrive: pooler.url } : {}),
      runs: cfg.coldStarts,
      log,
    })
  } finally {
    await pooler?.stop()
    stopPostgres(pg, false)
  }
}

export type Logins = Awaited<ReturnType<typeof measureLogins>> & { on?: string }

/**
 * BENCH_BUDGETS: start time, web bundles, login cost (`profileLogin` when a load profile measured
 * it, else on the embedded server with the demo syndic), Worker bundles, Lighthouse.
 */
export async function runBudgets(profileLogin: Logins | undefined) {
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
  const login: Logins | undefined = profileLogin ?? start.warm.login
  const workers = cfg.workers
    ? await attempt('worker bundles', measureWorkerBundles)
    : skipped('BENCH_WORKERS')
  return {
    start: { firstMs: start.firstMs, warmMs: start.warmMs },
    web,
    login,
    workerBundles: workers,
    lighthouse: start.warm.lighthouse,
  }
}

export type Budgets = Awaited<ReturnType<typeof runBudgets>>

/** BENCH_OWNER_CHARGES: the owner-charges budget on each of BENCH_OWNER_CHARGES_ON. */
export async function runOwnerChargesBudgets() {
  const all: Partial<
    Record<'pglite' | 'postgres', Awaited<ReturnType<typeof measureOwnerChargesBudget>> | NotMeasured>
  > = {}
  for (const on of cfg.ownerChargesOn)
    all[on] = await attempt(`owner charges (${on})`, () => measureOwnerChargesBudget(on))
  return all
}

export type OwnerChargesBudgets = Awaited<ReturnType<typeof runOwnerChargesBudgets>>

/** BENCH_ASSEMBLY: the general-assembly budget (300 lots, acts posted one by one) on a fresh embedded server. */
export async function runAssemblyBudget() {
  return attempt('general assembly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-assembly-'))
    try {
      const api = await startApi({ DATA_DIR: dataDir })
      try {
        return await measureAssembly({ base: api.base, superadmin: SUPERADMIN, log })
      } finally {
        await stop(api)
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
}

/**
 * BENCH_OFFLINE_REPLAY: 500 writes queued offline in Chromium, replayed by the PWA's sync engine,
 * against a fresh embedded server serving a fresh web build (the API on its own core).
 */
export async function runOfflineReplayBudget() {
  return attempt('offline replay', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-web-'))
    const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-offline-'))
    try {
      const web = measureWeb(root, webDir)
      if (web.state !== 'ok') throw new Error(`no web build: ${web.note}`)
      const api = await startApi({ DATA_DIR: dataDir, WEB_DIST_DIR: webDir })
      try {
        return await measureOfflineReplay({ base: api.base, superadmin: SUPERADMIN, log })
      } finally {
        await stop(api)
      }
    } finally {
      rmSync(webDir, { recursive: true, force: true })
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
}
