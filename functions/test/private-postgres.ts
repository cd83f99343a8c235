import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * A PostgreSQL server of the test's own (scripts/test-postgres.sh: initdb in a temp folder, a
 * free port on 127.0.0.1), for tests that must take the database down and up again — which the
 * shared TEST_DATABASE_URL server (a CI service container) does not allow.
 */
const ROOT = resolve(import.meta.dirname, '../..')

export type PrivatePostgres = {
  url: string
  /** `pg_ctl stop -m fast`: sessions are terminated (57P01), then the server is gone. */
  pause(): Promise<void>
  /** Starts it again on the same folder and port. */
  resume(): Promise<void>
  stop(): void
}

/** Why a private server cannot be started here, or undefined when it can. */
export function privatePostgresUnavailable(): string | undefined {
  const hasBin =
    (existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0) ||
    spawnSync('bash', ['-c', 'command -v initdb'], { stdio: 'ignore' }).status === 0
  return hasBin ? undefined : 'no PostgreSQL server binaries (initdb, pg_ctl) on this machine'
}

function shell(script: string): string {
  const r = spawnSync('bash', ['-c', `set -e; source scripts/test-postgres.sh; ${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (r.status !== 0)
    throw new Error(`scripts/test-postgres.sh: ${script} failed (exit ${r.status}): ${r.stderr}`)
  return r.stdout
}

/** Asynchronous, so that the test's own clients keep running (and timing) meanwhile. */
function shellAsync(script: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn('bash', ['-c', `set -e; source scripts/test-postgres.sh; ${script}`], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr += String(d)
    })
    child.once('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`scripts/test-postgres.sh: ${script} failed (${code}): ${stderr}`)),
    )
  })
}

export function startPrivatePostgres(): PrivatePostgres {
  const out = shell('start_test_postgres; echo "PG_TMP=$PG_TMP"; echo "URL=$TEST_DATABASE_URL"')
  const value = (key: string) =>
    out
      .split('\n')
      .find((l) => l.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? ''
  const url = value('URL')
  const tmp = value('PG_TMP')
  if (!url || !tmp) throw new Error(`scripts/test-postgres.sh started no server:\n${out}`)
  const on = (fn: string) => () => shellAsync(`PG_TMP='${tmp}'; ${fn}`)
  return {
    url,
    pause: on('pause_test_postgres'),
    resume: on('resume_test_postgres'),
    stop: () => void shell(`PG_TMP='${tmp}'; stop_test_postgres`),
  }
}
