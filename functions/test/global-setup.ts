import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { createDatabase, fromPglite } from '../_shared/db/client.ts'
import { assertTestDatabaseUrl, MIGRATIONS, workerDatabaseUrl } from './test-database.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
  }
}

/**
 * Migrates once per run: a PGlite data folder is created, migrated and dumped to a file that
 * every test file loads (≈0.4 s) instead of running initdb (≈3 s) each time. Against Postgres,
 * the test database is migrated once, then copied once per vitest worker (postgres-per-worker.ts,
 * ADR 0056); tests isolate themselves by creating their own tenants.
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
    await copyPerWorker(url, project.config.maxWorkers)
  }
  return () => rmSync(dir, { recursive: true, force: true })
}

/**
 * `CREATE DATABASE … TEMPLATE` the migrated one, one copy per worker (a file copy, ≈ 0.1–0.3 s
 * each), replacing a copy a previous run left. Run from the server's maintenance database: the
 * template must have no session open.
 */
async function copyPerWorker(url: string, workers: number): Promise<void> {
  const template = new URL(url).pathname.slice(1)
  const maintenance = Object.assign(new URL(url), { pathname: '/postgres' }).href
  const client = new pg.Client({ connectionString: maintenance })
  await client.connect()
  try {
    for (let id = 1; id <= Math.max(1, workers); id++) {
      const copy = new URL(workerDatabaseUrl(url, id)).pathname.slice(1)
      await client.query(`drop database if exists "${copy}" with (force)`)
      await client.query(`create database "${copy}" template "${template}"`)
    }
  } finally {
    await client.end()
  }
}
