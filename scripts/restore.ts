/**
 * `make restore FILE=…`: the reverse of scripts/backup.ts (docs/reliability.md § Backups).
 * - *.dump → pg_restore into DATABASE_URL, which must be empty (no table in public) unless
 *   RESTORE_CLEAN=1 (then --clean --if-exists). One transaction: all or nothing.
 * - *.tar.gz → DATA_DIR is moved aside to DATA_DIR.before-restore-<time> (nothing is deleted),
 *   the tarball is unpacked in its place, and the database is opened once to prove it works.
 *   The server must be stopped.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs'
import { resolve } from 'node:path'
import { createDatabase } from '../functions/_shared/db/client.ts'
import { listTables } from '../functions/_shared/db/inspect.ts'
import { assertServerStopped, settleEmbedded, stamp } from './backup.ts'

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] })
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`)
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status}`)
}

async function tableCount(url: string): Promise<number> {
  const handle = await createDatabase({ url, driver: 'pg', poolMax: 1, tenantGuard: false })
  try {
    return (await listTables(handle.db)).length
  } finally {
    await handle.close()
  }
}

export async function restore(file: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!file || !existsSync(file)) throw new Error('usage: make restore FILE=backups/<file>')
  if (file.endsWith('.dump')) {
    const url = env.DATABASE_URL
    if (!url || url.startsWith('pglite:')) throw new Error('set DATABASE_URL to the (empty) target database')
    const clean = env.RESTORE_CLEAN === '1'
    if (!clean && (await tableCount(url)) > 0)
      throw new Error('the target database is not empty; restore into a new one or set RESTORE_CLEAN=1')
    run('pg_restore', [
      '--no-owner',
      '--no-acl',
      '--single-transaction',
      '--exit-on-error',
      ...(clean ? ['--clean', '--if-exists'] : []),
      `--dbname=${url}`,
      file,
    ])
    return url.replace(/\/\/[^@]*@/, '//…@')
  }
  if (file.endsWith('.tar.gz')) {
    const data = resolve(env.DATA_DIR ?? '.data')
    await assertServerStopped()
    if (existsSync(data) && readdirSync(data).length > 0) {
      const aside = `${data}.before-restore-${stamp()}`
      renameSync(data, aside)
      process.stdout.write(`restore: previous data kept in ${aside}\n`)
    }
    mkdirSync(data, { recursive: true })
    run('tar', ['-C', data, '-xzf', resolve(file)])
    const counts = await settleEmbedded(resolve(data, 'pgdata'))
    process.stdout.write(`restore: ${JSON.stringify(counts)}\n`)
    return data
  }
  throw new Error(`unknown backup type: ${file} (expected .dump or .tar.gz)`)
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  try {
    const target = await restore(process.argv[2] ?? process.env.FILE ?? '')
    process.stdout.write(`restore: done into ${target}; start the server and check /health\n`)
  } catch (error) {
    process.stderr.write(`restore: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
