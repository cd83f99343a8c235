import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase, type DatabaseHandle } from '../_shared/db/client.ts'
import { tableChecksums } from '../_shared/db/inspect.ts'
import { argon2PasswordHasher } from '../_shared/security/password-hasher.ts'
import { localFileStore } from '../_shared/storage/local-file-store.ts'
import { loadSeed } from '../seed/seed.service.ts'
import { MIGRATIONS } from './test-database.ts'

/**
 * `make backup` / `make restore` round trips (docs/reliability.md § Backups): scripts/backup.ts
 * and scripts/restore.ts run as the operator runs them (child processes, env-driven), into an
 * empty target; every table (application and migrator) must come back with the same row count
 * and the same md5 of its rows.
 */
const ROOT = resolve(import.meta.dirname, '../..')
const temps: string[] = []
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix))
  temps.push(d)
  return d
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true })
})

function script(name: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', name), ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '1', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  expect(r.status, `${name}: ${r.stderr}${r.stdout}`).toBe(0)
  return r.stdout
}

/** Realistic data plus rows that stress a dump: unicode, quotes, NULLs, the audit log. */
async function fill(handle: DatabaseHandle, filesDir: string) {
  await handle.migrate(MIGRATIONS)
  const passwords = argon2PasswordHasher({ memoryKib: 64, iterations: 1, parallelism: 1 })
  const files = localFileStore(filesDir)
  const seeded = await loadSeed(handle.db, passwords, files, null, 'realistic', 'backup-test')
  expect(seeded.ok).toBe(true)
  await handle.db.execute(sql`
    update buildings set name = name || ' — «Ü» 🏠 ''quoted'' \\ back', construction_year = null
    where id = (select id from buildings order by id limit 1)`)
}

describe('backup and restore', () => {
  it.runIf(process.env.TEST_DB !== 'postgres')(
    'embedded (PGlite): the tarball restores into an empty DATA_DIR with every table identical',
    {
      timeout: 180_000,
    },
    async () => {
      const source = temp('koprogo-bk-src-')
      const src = await createDatabase({
        driver: 'pglite',
        dataDir: join(source, 'pgdata'),
        tenantGuard: false,
      })
      await fill(src, join(source, 'files'))
      const before = await tableChecksums(src.db)
      await src.close()
      expect(Object.keys(before).length).toBeGreaterThan(10)
      expect(before['public.audit_log']?.rows).toBeGreaterThanOrEqual(0)
      expect(before['public.units']?.rows).toBeGreaterThan(0)

      const backups = temp('koprogo-bk-out-')
      script('backup.ts', [], { DATA_DIR: source, BACKUP_DIR: backups, DATABASE_URL: '' })
      const [file] = readdirSync(backups)
      expect(file).toMatch(/^embedded-\d{8}T\d{6}Z\.tar\.gz$/)

      const target = join(temp('koprogo-bk-dst-'), 'data')
      script('restore.ts', [join(backups, file ?? '')], { DATA_DIR: target, DATABASE_URL: '' })
      const dst = await createDatabase({
        driver: 'pglite',
        dataDir: join(target, 'pgdata'),
        tenantGuard: false,
      })
      const after = await tableChecksums(dst.db)
      await dst.close()
      expect(after).toEqual(before)
    },
  )

  it.runIf(process.env.TEST_DB === 'postgres')(
    'Postgres: pg_dump -Fc restores into an empty database with every table identical; a non-empty target is refused',
    { timeout: 180_000 },
    async () => {
      const admin = new URL(process.env.TEST_DATABASE_URL ?? '')
      const suffix = crypto.randomUUID().slice(0, 8)
      const url = (name: string) => Object.assign(new URL(admin.href), { pathname: `/${name}` }).href
      const srcName = `koprogo_bk_src_${suffix}_test`
      const dstName = `koprogo_bk_dst_${suffix}_test`
      const server = await createDatabase({ url: admin.href, driver: 'pg', poolMax: 1 })
      await server.db.execute(sql.raw(`create database ${srcName}`))
      await server.db.execute(sql.raw(`create database ${dstName}`))
      try {
        const src = await createDatabase({ url: url(srcName), driver: 'pg', poolMax: 2, tenantGuard: false })
        await fill(src, temp('koprogo-bk-files-'))
        const before = await tableChecksums(src.db)
        await src.close()
        const backups = temp('koprogo-bk-pg-')
        script('backup.ts', [], { DATABASE_URL: url(srcName), BACKUP_DIR: backups })
        const [file] = readdirSync(backups)
        expect(file).toMatch(/^koprogo-\d{8}T\d{6}Z\.dump$/)
        script('restore.ts', [join(backups, file ?? '')], { DATABASE_URL: url(dstName) })
        const dst = await createDatabase({ url: url(dstName), driver: 'pg', poolMax: 2, tenantGuard: false })
        const after = await tableChecksums(dst.db)
        await dst.close()
        expect(after).toEqual(before)
        // Restoring over data is refused unless asked for explicitly.
        const again = spawnSync(
          process.execPath,
          [join(ROOT, 'scripts/restore.ts'), join(backups, file ?? '')],
          {
            cwd: ROOT,
            env: { ...process.env, DATABASE_URL: url(dstName) },
            encoding: 'utf8',
          },
        )
        expect(again.status).toBe(1)
        expect(again.stderr).toContain('not empty')
      } finally {
        await server.db.execute(sql.raw(`drop database if exists ${srcName} with (force)`))
        await server.db.execute(sql.raw(`drop database if exists ${dstName} with (force)`))
        await server.close()
      }
    },
  )
})
