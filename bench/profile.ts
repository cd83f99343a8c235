/**
 * One load profile (pglite, postgres, workerd): start the database and the API, set up, warm up,
 * run the mix, and read CPU, memory and (Postgres) the plans.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type PgBouncer, startPgBouncer } from '../scripts/lib/pgbouncer.ts'
import { canPin, cfg, env, log, root, SUPERADMIN } from './config.ts'
import { pickGenerator, runLoad } from './load.ts'
import { checkPlans, topStatements } from './plans.ts'
import { busyPct, cpuSeconds, cpuTimes, memoryMb, processTree } from './proc-stats.ts'
import { type Api, type Postgres, startApi, startPostgres, stop, stopPostgres } from './processes.ts'
import { measureLogins, setup } from './setup.ts'

export async function runProfile(profile: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-data-'))
  let pg: Postgres | null = null
  let api: Api | null = null
  let pooler: PgBouncer | null = null
  try {
    const extra: Record<string, string> = { DATA_DIR: dataDir }
    if (profile === 'postgres') {
      pg = await startPostgres()
      extra.DATABASE_URL = pg.url
    } else if (profile === 'workerd') {
      // `make edge-serve`: the built Workers in workerd (miniflare), against Postgres. The schema and
      // the superadmin come from `make migrate`, as in an edge deployment.
      pg = await startPostgres()
      extra.DATABASE_URL = pg.url
      extra.JWT_SECRET = Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString('base64url')
      const migrated = spawnSync(process.execPath, [join(root, 'scripts', 'migrate.ts')], {
        cwd: root,
        env: {
          ...env,
          ...extra,
          SUPERADMIN_EMAIL: SUPERADMIN.email,
          SUPERADMIN_PASSWORD: SUPERADMIN.password,
        },
        encoding: 'utf8',
      })
      if (migrated.status !== 0) throw new Error(`migrate: ${migrated.stderr}${migrated.stdout}`)
      // Production reaches Postgres through Hyperdrive, a transaction-mode pooler: PgBouncer from
      // Debian models it, on the database's CPU, bound as HYPERDRIVE (docs/adr/0049).
      // BENCH_EDGE_POOLER=0: a new Postgres connection per request, as before.
      if (env.BENCH_EDGE_POOLER !== '0') {
        pooler = await startPgBouncer({
          serverUrl: pg.url,
          poolSize: Number(env.DB_POOL_MAX ?? 10),
          wrap: canPin ? ['taskset', '-c', cfg.loadCpu] : [],
        })
        extra.EDGE_HYPERDRIVE = pooler.url
      }
      // BENCH_EDGE_DIRECT=1: the load reaches the gateway Worker on its own socket, without
      // Miniflare's entry Worker (a dev-only isolate every request crosses otherwise).
      if (env.BENCH_EDGE_DIRECT === '1') extra.EDGE_DIRECT = '1'
    } else if (profile !== 'pglite') throw new Error(`unknown profile ${profile}`)
    api = await startApi(extra, profile === 'workerd' ? join(root, 'scripts', 'edge', 'serve.ts') : undefined)
    log(
      `${profile}: API ready in ${api.readyMs} ms (pid ${api.pid}${canPin ? `, cpu ${cfg.apiCpu}` : ', not pinned'})`,
    )
    const s = await setup(api.base)
    log(`${profile}: ${s.seedMessage} in ${s.seedMs} ms`)
    const logins = cfg.budgets ? await measureLogins(api.base) : null
    const tag = Date.now().toString(36)
    const tree = processTree(api.pid)
    const treeMemory = () =>
      tree.map(memoryMb).reduce((a, b) => ({ peakRss: a.peakRss + b.peakRss, rss: a.rss + b.rss }))
    const treeCpu = () => tree.reduce((sum, pid) => sum + cpuSeconds(pid), 0)
    const setupPeakRss = treeMemory().peakRss
    // Restart the kernel's peak-RSS counter: the figure below is the API's peak under the mix.
    try {
      for (const pid of tree) writeFileSync(`/proc/${pid}/clear_refs`, '5')
    } catch {
      log('cannot reset the peak RSS counter: the figure includes the setup')
    }
    if (cfg.warmup > 0) await runLoad(api.base, s, cfg.warmup, `${tag}w`)
    if (pg && env.BENCH_PG_STATEMENTS) {
      pg.psql('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
      pg.psql('SELECT pg_stat_statements_reset()')
    }
    const cpu0 = treeCpu()
    const cores0 = cpuTimes()
    log(`${profile}: ${cfg.duration} s of the mix, ${cfg.connections} connections (${pickGenerator()})`)
    const load = await runLoad(api.base, s, cfg.duration, tag)
    const cpu = treeCpu() - cpu0
    const coresBusyPct = busyPct(cores0, cpuTimes())
    const mem = treeMemory()
    const statements = pg && env.BENCH_PG_STATEMENTS ? topStatements(pg, load.requests) : null
    const plans = pg ? await checkPlans(pg, api.base, s.token) : null
    return {
      profile,
      state: 'ok' as const,
      scale: cfg.scale,
      connections: cfg.connections,
      pinned: canPin ? { api: cfg.apiCpu, loadAndPostgres: cfg.loadCpu } : null,
      pool: profile === 'pglite' ? null : Number(env.DB_POOL_MAX ?? 10),
      ...(profile === 'workerd'
        ? {
            database: pooler ? 'HYPERDRIVE → PgBouncer (transaction mode)' : 'direct',
            entry:
              extra.EDGE_DIRECT === '1' ? 'gateway socket (no Miniflare entry)' : 'Miniflare entry Worker',
          }
        : {}),
      expensesServed: s.expenses,
      startMs: api.readyMs,
      seedMs: s.seedMs,
      login: logins,
      ...load,
      errorPct:
        Math.round(((load.requests - load.status['2xx']) / Math.max(1, load.requests)) * 10_000) / 100,
      server: {
        cpuPct: Math.round((cpu / load.seconds) * 100),
        cpuMsPerRequest: Math.round(((cpu * 1000) / Math.max(1, load.requests)) * 1000) / 1000,
        peakRssMb: mem.peakRss,
        setupPeakRssMb: setupPeakRss,
        endRssMb: mem.rss,
      },
      coresBusyPct,
      ...(statements ? { statements } : {}),
      plans,
    }
  } finally {
    if (api) await stop(api)
    await pooler?.stop()
    if (pg) stopPostgres(pg)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export type ProfileResult = Awaited<ReturnType<typeof runProfile>>
export type FailedProfile = { profile: string; state: 'failed'; note: string }
