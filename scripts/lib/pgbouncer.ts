/**
 * A throw-away PgBouncer in transaction mode in front of a throw-away Postgres: the local model of
 * Hyperdrive (a transaction-mode pooler between the Workers and Postgres, docs/adr/0049). Used by
 * the bench's workerd profile and the workerd smoke test. PgBouncer comes from the system
 * packages (Debian: `apt-get install pgbouncer`), installed here when missing and we are root,
 * like scripts/test-postgres.sh installs Postgres. It refuses to run as root: as root it runs as
 * the `postgres` user (which the Postgres package creates). Depends on node:* only.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { aptInstall, canAptInstall } from './debian-package.ts'
import { freePort } from './server-process.ts'

export type PgBouncerOptions = {
  /** The Postgres it pools (trust auth on 127.0.0.1, as scripts/test-postgres.sh starts it). */
  serverUrl: string
  /** Server connections per database/user pair (Node's pool default is 10: the same here). */
  poolSize?: number
  /** A prefix for the pgbouncer command, e.g. ['taskset', '-c', '1']. */
  wrap?: readonly string[]
}

export type PgBouncer = {
  /** postgres://user:password@127.0.0.1:<port>/<database>: what a Hyperdrive binding carries. */
  url: string
  /** The admin console (database `pgbouncer`: SHOW CLIENTS, SHOW POOLS…), simple queries only. */
  adminUrl: string
  port: number
  /** Stops PgBouncer (its server connections close) and removes its folder. */
  stop(): Promise<void>
}

const BIN = '/usr/sbin/pgbouncer'

const installed = () => spawnSync(BIN, ['--version'], { stdio: 'ignore' }).status === 0

/** Why PgBouncer cannot be had here (not installed, and no root + apt-get to install it), or undefined. */
export function pgBouncerUnavailable(): string | undefined {
  return installed() || canAptInstall()
    ? undefined
    : 'pgbouncer is not installed and cannot be installed here (Debian, as root: apt-get install pgbouncer)'
}

function ensureInstalled(): void {
  if (installed()) return
  if (!canAptInstall()) throw new Error(pgBouncerUnavailable())
  const say = (line: string) => process.stderr.write(`pgbouncer: ${line}\n`)
  if (!aptInstall('pgbouncer', { say }) || !installed()) throw new Error('apt-get install pgbouncer failed')
}

function listening(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  return new Promise((ok, fail) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        ok()
      })
      socket.once('error', () => {
        socket.destroy()
        if (Date.now() > deadline)
          fail(new Error(`pgbouncer did not listen on ${port} within ${timeoutMs} ms`))
        else setTimeout(attempt, 50)
      })
    }
    attempt()
  })
}

export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  ensureInstalled()
  const server = new URL(options.serverUrl)
  const database = server.pathname.slice(1)
  const user = decodeURIComponent(server.username || 'postgres')
  // The Workers authenticate to the pooler with a password (Hyperdrive's connection string has
  // one, and Miniflare requires it) but with md5, one hash, not SCRAM's 4,096 PBKDF2 rounds.
  const password = `pool-${crypto.randomUUID()}`
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-pgbouncer-'))
  const asRoot = process.getuid?.() === 0
  writeFileSync(join(dir, 'userlist.txt'), `"${user}" "${password}"\n`)
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `${database} = host=${server.hostname} port=${server.port || 5432} dbname=${database} user=${user}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      `unix_socket_dir = ${dir}`,
      // PGBOUNCER_AUTH_TYPE=trust (measurements only: bench/edge-costs.ts) shows md5's share.
      `auth_type = ${process.env.PGBOUNCER_AUTH_TYPE ?? 'md5'}`,
      `auth_file = ${join(dir, 'userlist.txt')}`,
      // Hyperdrive's mode: a server connection is held for one transaction (or one statement
      // outside a transaction), so session state never leaks from one request to the next.
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 10}`,
      'max_client_conn = 1000',
      // Postgres is local: keep idle server connections for the whole run (0 = never close
      // for idleness; server_lifetime keeps its default, 3600 s: 0 there would mean one use).
      'server_idle_timeout = 0',
      // pg sends these at startup; PgBouncer 1.18 refuses unknown startup parameters otherwise.
      'ignore_startup_parameters = extra_float_digits,statement_timeout,idle_in_transaction_session_timeout',
      // The smoke test reads SHOW CLIENTS on the admin console as this user.
      `admin_users = ${user}`,
      'log_connections = 0',
      'log_disconnections = 0',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  )
  if (asRoot) chownSync(dir, ...postgresIds())
  for (const f of ['pgbouncer.ini', 'userlist.txt']) if (asRoot) chownSync(join(dir, f), ...postgresIds())
  const command = [
    ...(options.wrap ?? []),
    ...(asRoot ? ['runuser', '-u', 'postgres', '--'] : []),
    BIN,
    join(dir, 'pgbouncer.ini'),
  ]
  const proc: ChildProcess = spawn(command[0] as string, command.slice(1), {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  proc.stderr?.on('data', (d: Buffer) => {
    stderr += String(d)
  })
  try {
    await listening(port, 10_000)
  } catch (error) {
    proc.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`${(error as Error).message}: ${stderr}`)
  }
  const url = `postgres://${encodeURIComponent(user)}:${password}@127.0.0.1:${port}/${database}`
  return {
    url,
    adminUrl: `postgres://${encodeURIComponent(user)}:${password}@127.0.0.1:${port}/pgbouncer`,
    port,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once('exit', r))
        proc.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function postgresIds(): [number, number] {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
  return [id('-u'), id('-g')]
}
