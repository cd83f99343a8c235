/**
 * "Start a throw-away Postgres", typed, for the bench, the smoke test and the tests that need a
 * server of their own (to take it down and up again). The server itself is started by
 * scripts/test-postgres.sh — the one implementation, which shell users and CI (.ci/run, before
 * Node is installed) source directly: initdb into a temp folder as the `postgres` user when we
 * are root, a free port on 127.0.0.1, trust auth. This module adds typed options, clear errors
 * and psql. It depends on node:* only (docs/make.md § Shared test and bench helpers).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assertPortFree, ROOT } from './server-process.ts'

export type ThrowawayPostgresOptions = {
  /** Default: a free port. A given port is checked to be free first. */
  port?: number
  /** The database created and named in `url` (default koprogo_test). */
  database?: string
  /** Server settings as `name=value` (default fsync=off, max_connections=200: a test server). */
  settings?: readonly string[]
  /** A prefix for pg_ctl, inherited by the server: e.g. ['taskset', '-c', '1']. */
  wrap?: readonly string[]
}

export type ThrowawayPostgres = {
  url: string
  port: number
  database: string
  /** The temp folder: data/, server.log. */
  dir: string
  logFile: string
  /** psql -At -c <sql> on the database, as the superuser; throws with psql's message on failure. */
  psql(sql: string): string
  /** `pg_ctl stop -m fast`: sessions are terminated (57P01), then the server is gone. */
  pause(): Promise<void>
  /** Starts it again on the same folder, port and settings. */
  resume(): Promise<void>
  /** Stops the server and removes its folder (idempotent). */
  stop(): void
}

export class PostgresStartError extends Error {
  override name = 'PostgresStartError'
}

const SCRIPT = join(ROOT, 'scripts', 'test-postgres.sh')

/** Why a throw-away server cannot be started here, or undefined when it can. */
export function postgresUnavailable(): string | undefined {
  const hasBin =
    (existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0) ||
    spawnSync('bash', ['-c', 'command -v initdb'], { stdio: 'ignore' }).status === 0
  return hasBin
    ? undefined
    : 'no PostgreSQL server binaries (initdb, pg_ctl) on this machine (Debian: apt-get install postgresql)'
}

function shell(script: string, env: Record<string, string> = {}): { stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', `set -e; source '${SCRIPT}'; ${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (r.error) throw new PostgresStartError(`cannot run bash: ${r.error.message}`)
  if (r.status !== 0)
    throw new PostgresStartError(
      `scripts/test-postgres.sh: ${script} failed (exit ${r.status}):\n${r.stderr}`,
    )
  return { stdout: r.stdout, stderr: r.stderr }
}

/** Asynchronous, so that the caller's own clients keep running (and timing) meanwhile. */
function shellAsync(script: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn('bash', ['-c', `set -e; source '${SCRIPT}'; ${script}`], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr += String(d)
    })
    child.once('exit', (code) =>
      code === 0
        ? ok()
        : fail(new PostgresStartError(`scripts/test-postgres.sh: ${script} failed (${code}): ${stderr}`)),
    )
  })
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`

/** Blocks the event loop while initdb runs (~3 s): call it from a beforeAll or a script's main. */
export async function startThrowawayPostgres(
  options: ThrowawayPostgresOptions = {},
): Promise<ThrowawayPostgres> {
  const missing = postgresUnavailable()
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0
  if (missing && !canInstall) throw new PostgresStartError(missing)
  if (options.port !== undefined) await assertPortFree(options.port)
  const database = options.database ?? 'koprogo_test'
  const env: Record<string, string> = { PG_DATABASE: database }
  if (options.port !== undefined) env.PG_PORT = String(options.port)
  if (options.settings) env.PG_SETTINGS = options.settings.map((s) => `-c ${s}`).join(' ')
  if (options.wrap) env.PG_CTL_WRAP = options.wrap.join(' ')
  const { stdout, stderr } = shell(
    'start_test_postgres; echo "PG_TMP=$PG_TMP"; echo "URL=$TEST_DATABASE_URL"',
    env,
  )
  const value = (key: string) =>
    stdout
      .split('\n')
      .find((l) => l.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? ''
  const url = value('URL')
  const dir = value('PG_TMP')
  if (!url || !dir) throw new PostgresStartError(`scripts/test-postgres.sh started no server:\n${stderr}`)
  const port = Number(new URL(url).port)
  const bin = readFileSync(join(dir, 'bin'), 'utf8').trim()
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : []
  const on = (fn: string) => () => shellAsync(`PG_TMP=${quote(dir)}; ${fn}`)
  let stopped = false
  return {
    url,
    port,
    database,
    dir,
    logFile: join(dir, 'server.log'),
    psql(sql) {
      const [cmd, ...args] = [
        ...asPostgres,
        join(bin, 'psql'),
        ...['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-At', '-c', sql],
      ]
      const r = spawnSync(cmd as string, args, { encoding: 'utf8' })
      if (r.status !== 0) throw new Error(`psql: ${sql.slice(0, 80)}: ${r.stderr || r.error?.message}`)
      return r.stdout
    },
    pause: on('pause_test_postgres'),
    resume: on('resume_test_postgres'),
    stop() {
      if (stopped) return
      stopped = true
      shell(`PG_TMP=${quote(dir)}; stop_test_postgres`)
    },
  }
}
