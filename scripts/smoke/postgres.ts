/**
 * The smoke test's database: TEST_DATABASE_URL when CI provides one, else a throw-away server
 * started by scripts/test-postgres.sh (one implementation of "initdb as postgres on a free
 * port"). Either way the run gets its own fresh database, dropped at the end.
 */
import { spawnSync } from 'node:child_process'
import pg from 'pg'
import { ROOT } from '../edge/route-table.ts'

export type SmokeDatabase = {
  url: string
  /** Open server connections to the smoke database (a Worker must not leave any behind). */
  connections(): Promise<number>
  stop(): Promise<void>
}

function shell(script: string): string {
  const r = spawnSync('bash', ['-c', `source scripts/test-postgres.sh && ${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (r.status !== 0) throw new Error(`scripts/test-postgres.sh failed (exit ${r.status})`)
  return r.stdout
}

function startServer(): { url: string; stop: () => void } {
  const out = shell('start_test_postgres && echo "PG_TMP=$PG_TMP" && echo "URL=$TEST_DATABASE_URL"')
  const value = (key: string) =>
    out
      .split('\n')
      .find((l) => l.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? ''
  const url = value('URL')
  const tmp = value('PG_TMP')
  if (!url) throw new Error('no PostgreSQL binaries: set TEST_DATABASE_URL or install postgresql')
  return { url, stop: () => void shell(`PG_TMP='${tmp}' && stop_test_postgres`) }
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
    : startServer()
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
    async stop() {
      await admin(server.url, (c) => c.query(`drop database if exists ${name} with (force)`)).catch(
        () => undefined,
      )
      server.stop()
    },
  }
}
