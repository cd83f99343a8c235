/**
 * `make backup`: a restorable copy of the data (docs/reliability.md § Backups).
 * - DATABASE_URL=postgres://… → `pg_dump --format=custom` into BACKUP_DIR/koprogo-<time>.dump.
 *   Consistent while the API runs (one snapshot transaction). pg_dump's major version must be
 *   ≥ the server's.
 * - embedded (no DATABASE_URL) → BACKUP_DIR/embedded-<time>.tar.gz of DATA_DIR: PGlite's pgdata,
 *   uploaded files, the development JWT secret. PGlite has no online backup: the server must be
 *   stopped. The data folder is opened once first (crash recovery runs, a checkpoint is taken)
 *   so the copy is clean and known to open.
 * Writes to `<file>.part` and renames, so a half-written backup never looks complete.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createDatabase } from '../functions/_shared/db/client.ts'
import { checkpoint, tableCounts } from '../functions/_shared/db/inspect.ts'

export function stamp(date = new Date()): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] })
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`)
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status}`)
}

/** Refuses to touch an embedded database while a server answers on it. */
export async function assertServerStopped(): Promise<void> {
  const url = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '8080'}/health`
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) })
  } catch {
    return
  }
  if (process.env.BACKUP_IGNORE_RUNNING !== '1')
    throw new Error(`a server answers on ${url}; stop it first (PGlite has no online backup)`)
}

/** Opens the embedded database once: recovery, then a checkpoint, then a clean close. */
export async function settleEmbedded(pgdata: string): Promise<Record<string, number>> {
  // Counts every table of every tenant: a maintenance read, outside the tenant guard.
  const handle = await createDatabase({ driver: 'pglite', dataDir: pgdata, tenantGuard: false })
  try {
    await checkpoint(handle.db)
    return await tableCounts(handle.db)
  } finally {
    await handle.close()
  }
}

export async function backup(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = resolve(env.BACKUP_DIR ?? 'backups')
  mkdirSync(dir, { recursive: true })
  const url = env.DATABASE_URL
  if (url && !url.startsWith('pglite:')) {
    const out = join(dir, `koprogo-${stamp()}.dump`)
    run('pg_dump', ['--format=custom', '--no-owner', '--no-acl', `--dbname=${url}`, `--file=${out}.part`])
    renameSync(`${out}.part`, out)
    return out
  }
  const data = resolve(url?.slice('pglite:'.length).replace(/\/pgdata\/?$/, '') || env.DATA_DIR || '.data')
  const pgdata = join(data, 'pgdata')
  if (!existsSync(join(pgdata, 'PG_VERSION'))) throw new Error(`no embedded database in ${pgdata}`)
  await assertServerStopped()
  await settleEmbedded(pgdata)
  const out = join(dir, `embedded-${stamp()}.tar.gz`)
  run('tar', ['-C', data, '-czf', `${out}.part`, '.'])
  renameSync(`${out}.part`, out)
  return out
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  try {
    const out = await backup()
    process.stdout.write(`backup: wrote ${out} (${statSync(out).size} bytes)\n`)
  } catch (error) {
    process.stderr.write(`backup: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
