import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { TestProject } from 'vitest/node'
import { createDatabase, fromPglite } from '../_shared/db/client.ts'
import { assertTestDatabaseUrl, MIGRATIONS } from './test-database.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
  }
}

/**
 * Migrates once per run: a PGlite data folder is created, migrated and dumped to a file that
 * every test file loads (≈0.4 s) instead of running initdb (≈3 s) each time. Against Postgres,
 * the test database is migrated once; tests isolate themselves by creating their own tenants.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-test-'))
  const templatePath = join(dir, 'template.tar.gz')
  const pg = new PGlite()
  const handle = await fromPglite(pg)
  await handle.migrate(MIGRATIONS)
  const dump = await pg.dumpDataDir('gzip')
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()))
  await pg.close()
  project.provide('pgliteTemplate', templatePath)

  if (project.config.env?.TEST_DB === 'postgres') {
    const url = assertTestDatabaseUrl(process.env.TEST_DATABASE_URL ?? '')
    const db = await createDatabase({ url, driver: 'pg' })
    await db.migrate(MIGRATIONS)
    await db.close()
  }
  return () => rmSync(dir, { recursive: true, force: true })
}
