/**
 * The processes the bench measures: the API (through the shared "start a server and wait for
 * health" helper, scripts/lib/server-process.ts) pinned to its CPU with the Dockerfile's memory
 * settings, and a throw-away Postgres (scripts/lib/throwaway-postgres.ts) on the load CPU.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { type ServerProcess, startServer } from '../scripts/lib/server-process.ts'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../scripts/lib/throwaway-postgres.ts'
import { canPin, cfg, env, pinned, resultsDir, root, SUPERADMIN } from './config.ts'

export type Api = ServerProcess

export async function startApi(
  extraEnv: Record<string, string>,
  entry = join(root, 'functions', 'node.ts'),
): Promise<Api> {
  const prof = env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(resultsDir, 'profiles')}`] : []
  // The Node API's heap settings; not for the workerd profile, whose Node process only hosts
  // Miniflare (it holds every Worker bundle while starting workerd: > 190 MB with 21 Workers).
  const apiFlags = entry === join(root, 'functions', 'node.ts')
  const flags = (
    apiFlags ? (env.BENCH_API_NODE_FLAGS ?? '--max-semi-space-size=8 --max-old-space-size=192') : ''
  )
    .split(' ')
    .filter(Boolean)
  return startServer({
    entry,
    nodeArgs: [...flags, ...prof],
    wrap: (cmd, args) => pinned(cfg.apiCpu, cmd, args),
    // workerd loads 21 Worker bundles before it answers: > 120 s on the shared 2-core machine
    // at load 15-20 (session 7), where the Node API starts in seconds.
    timeoutMs: apiFlags ? 120_000 : 360_000,
    env: {
      APP_ENV: 'development',
      LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
      // Memory settings for a small VPS (docs/performance.md, "RSS"): two malloc arenas (argon2 runs
      // on the libuv pool threads) and an 8 MB young generation instead of V8's machine-sized one.
      MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2',
      SEED_DEMO_ON_START: 'false',
      SUPERADMIN_EMAIL: SUPERADMIN.email,
      SUPERADMIN_PASSWORD: SUPERADMIN.password,
      WEB_DIST_DIR: join(root, 'bench', '.no-web'),
      ...extraEnv,
    },
  })
}

export const stop = (api: Api): Promise<void> => api.stop(15_000)

export type Postgres = ThrowawayPostgres

/** The bench's Postgres: durable by default (BENCH_PG_FSYNC), auto_explain loaded but silent. */
export function startPostgres(): Promise<Postgres> {
  return startThrowawayPostgres({
    database: 'koprogo_bench',
    wrap: canPin ? ['taskset', '-c', cfg.loadCpu] : [],
    settings: [
      'max_connections=100',
      'shared_buffers=256MB',
      // auto_explain is loaded but silent; the plan check turns it on at the end of the run.
      'session_preload_libraries=auto_explain',
      `fsync=${env.BENCH_PG_FSYNC ?? 'on'}`,
      // Off by default: its bookkeeping would tax the run it measures.
      ...(env.BENCH_PG_STATEMENTS
        ? ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all']
        : []),
    ],
  })
}

export function stopPostgres(pg: Postgres, keepLog = true): void {
  if (env.BENCH_KEEP_PG_LOG && keepLog) copyFileSync(pg.logFile, join(resultsDir, 'postgres-server.log'))
  pg.stop()
}
