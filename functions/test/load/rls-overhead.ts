/**
 * ADR 0009's measurement: what row-level security keyed on a per-transaction setting costs per
 * request, on PGlite (the embedded profile) and, with DATABASE_URL, on Postgres.
 *   node functions/test/load/rls-overhead.ts            # PGlite in memory
 *   DATABASE_URL=postgres://…/x_test node functions/test/load/rls-overhead.ts
 * (a) today: one scoped SELECT by primary key; (b) RLS: the same SELECT inside a transaction that
 * switches to a non-superuser role and sets app.organization_id (what every request would do).
 */
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

type Exec = (text: string, params?: unknown[]) => Promise<unknown>
const N = Number(process.env.RLS_ITERATIONS ?? 2000)

async function run(exec: Exec, label: string) {
  await exec('drop table if exists rls_bench; drop role if exists rls_app')
  await exec('create table rls_bench (id uuid primary key, organization_id uuid not null, payload text)')
  await exec('create index on rls_bench (organization_id, id)')
  await exec(
    `insert into rls_bench select gen_random_uuid(), ('00000000-0000-0000-0000-0000000000' || lpad((g % 20)::text, 2, '0'))::uuid, repeat('x', 100) from generate_series(1, 20000) g`,
  )
  await exec('create role rls_app nologin; grant select on rls_bench to rls_app')
  await exec(
    'alter table rls_bench enable row level security; alter table rls_bench force row level security',
  )
  await exec(
    `create policy tenant on rls_bench using (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)`,
  )
  const rows = (await exec('select id, organization_id from rls_bench order by random() limit 200')) as {
    rows: { id: string; organization_id: string }[]
  }
  const pick = (i: number) => rows.rows[i % rows.rows.length] ?? { id: '', organization_id: '' }
  const time = async (f: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 200; i++) await f(i)
    const t = performance.now()
    for (let i = 0; i < N; i++) await f(i)
    return ((performance.now() - t) * 1000) / N
  }
  const plain = await time((i) =>
    exec('select * from rls_bench where organization_id = $1 and id = $2', [
      pick(i).organization_id,
      pick(i).id,
    ]),
  )
  const rls = await time(async (i) => {
    await exec('begin')
    await exec('set local role rls_app')
    await exec(`select set_config('app.organization_id', $1, true)`, [pick(i).organization_id])
    await exec('select * from rls_bench where id = $1', [pick(i).id])
    await exec('commit')
  })
  // A forgotten filter under RLS: another tenant's id returns nothing.
  await exec('begin')
  await exec('set local role rls_app')
  await exec(`select set_config('app.organization_id', $1, true)`, [pick(0).organization_id])
  const other = rows.rows.find((r) => r.organization_id !== pick(0).organization_id)
  const leak = (await exec('select * from rls_bench where id = $1', [other?.id])) as { rows: unknown[] }
  await exec('commit')
  await exec('drop table rls_bench; drop role rls_app')
  process.stdout.write(
    `${label}: scoped select ${plain.toFixed(0)} µs/request; with RLS transaction ${rls.toFixed(0)} µs/request (+${(rls - plain).toFixed(0)} µs, ×${(rls / plain).toFixed(2)}); foreign row visible under RLS: ${leak.rows.length}\n`,
  )
}

const url = process.env.DATABASE_URL
if (url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await run((text, params) => client.query(text, params as unknown[]), 'postgres')
  await client.end()
} else {
  const db = new PGlite()
  await run(
    async (text, params) => (params ? db.query(text, params) : db.exec(text).then((r) => r.at(-1))),
    'pglite',
  )
  await db.close()
}
