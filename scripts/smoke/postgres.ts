/**
 * The smoke test's database: TEST_DATABASE_URL when CI provides one, else a throw-away server
 * (scripts/lib/throwaway-postgres.ts, the shared helper). Either way the run gets its own fresh
 * database, dropped at the end.
 */
import pg from 'pg'
import { startThrowawayPostgres } from '../lib/throwaway-postgres.ts'

export type SmokeDatabase = {
  url: string
  /** Open server connections to the smoke database (a Worker must not leave any behind). */
  connections(): Promise<number>
  /** Sessions Postgres has opened on the smoke database since it started (pg_stat_database). */
  sessions(): Promise<number>
  stop(): Promise<void>
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export async function smokeDatabase(): Promise<SmokeDatabase> {
  const server = process.env.TEST_DATABASE_URL
    ? { url: process.env.TEST_DATABASE_URL, stop: () => undefined }
    : await startThrowawayPostgres()
  const name = `koprogo_smoke_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
  await admin(server.url, (c) => c.query(`create database ${name}`))
  const url = new URL(server.url)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    connections: () =>
      admin(server.url, async (c) => {
        const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name])
        return Number(r.rows[0]?.n ?? -1)
      }),
    sessions: () =>
      admin(server.url, async (c) => {
        // The statistics collector may lag by up to a transaction: read a fresh snapshot.
        await c.query('select pg_stat_clear_snapshot()')
        const r = await c.query('select sessions::int as n from pg_stat_database where datname = $1', [name])
        return Number(r.rows[0]?.n ?? -1)
      }),
    async stop() {
      await admin(server.url, (c) => c.query(`drop database if exists ${name} with (force)`)).catch(
        () => undefined,
      )
      server.stop()
    },
  }
}
