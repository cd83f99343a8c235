import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase, type DatabaseHandle } from '../_shared/db/client.ts'
import { startServer } from './server-process.ts'

/**
 * Crash consistency (docs/reliability.md § Crashes): the real Node server (functions/node.ts) is
 * killed with SIGKILL in the middle of a burst of multi-row writes (POST /units writes the unit
 * and its audit row; assign-owner closes and opens ownerships, updates the unit and audits),
 * then restarted on the same data. Every acknowledged (2xx) write must be there, and no partial
 * write may be visible. PGlite (a temp DATA_DIR) always; Postgres when TEST_DB=postgres.
 */
const ACKED_BEFORE_KILL = Number(process.env.CRASH_ACKS ?? 40)
const CONCURRENCY = 6
const temps: string[] = []
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true })
})

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

async function crashRun(dataDir: string, databaseUrl: string, open: () => Promise<DatabaseHandle>) {
  let server = await startServer(dataDir, databaseUrl)
  const email = `syndic-${crypto.randomUUID()}@crash.test`
  const reg = await call(server.base, 'POST', '/api/v1/auth/register', undefined, {
    email,
    password: 'Crash-Syndic-2026',
    first_name: 'C',
    last_name: 'S',
    role: 'syndic',
    organization_name: `Crash ${crypto.randomUUID().slice(0, 8)}`,
  })
  expect(reg.status, JSON.stringify(reg.body)).toBe(201)
  const login = await call(server.base, 'POST', '/api/v1/auth/login', undefined, {
    email,
    password: 'Crash-Syndic-2026',
  })
  const token = String(login.body.token)
  const building = await call(server.base, 'POST', '/api/v1/buildings', token, {
    name: 'Crash',
    address: 'Rue 1',
    city: 'Bruxelles',
    postal_code: '1000',
    country: 'Belgium',
    total_units: 500,
    total_tantiemes: 100_000,
  })
  expect(building.status).toBe(201)
  const buildingId = String(building.body.id)
  const owners: string[] = []
  for (let i = 0; i < 4; i++) {
    const o = await call(server.base, 'POST', '/api/v1/owners', token, {
      first_name: 'O',
      last_name: `Owner ${i}`,
      email: `o${i}-${crypto.randomUUID().slice(0, 6)}@crash.test`,
      address: 'Avenue Louise 10',
      city: 'Ixelles',
      postal_code: '1050',
      country: 'Belgium',
    })
    expect(o.status, JSON.stringify(o.body)).toBe(201)
    owners.push(String(o.body.id))
  }

  // The burst: each worker creates a unit then assigns it; SIGKILL once enough are acknowledged.
  const ackedUnits = new Set<string>()
  const ackedAssignments = new Map<string, string>()
  let acks = 0
  let killed = false
  let n = 0
  const kill = () => {
    if (killed) return
    killed = true
    server.proc.kill('SIGKILL')
  }
  const worker = async () => {
    while (!killed) {
      const i = n++
      try {
        const u = await call(server.base, 'POST', '/api/v1/units', token, {
          building_id: buildingId,
          unit_number: `K${i}`,
          unit_type: 'Apartment',
          surface_area: 50,
          quota: 10,
        })
        if (u.status !== 201) throw new Error(`unit ${u.status} ${JSON.stringify(u.body)}`)
        ackedUnits.add(String(u.body.id))
        const owner = owners[i % owners.length] ?? ''
        const a = await call(server.base, 'PUT', `/api/v1/units/${u.body.id}/assign-owner/${owner}`, token)
        if (a.status !== 200) throw new Error(`assign ${a.status} ${JSON.stringify(a.body)}`)
        ackedAssignments.set(String(u.body.id), owner)
        if (++acks >= ACKED_BEFORE_KILL) kill()
      } catch (error) {
        // After the kill, in-flight requests fail: they were never acknowledged.
        if (!killed) throw error
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  await server.exited
  const attempted = n

  server = await startServer(dataDir, databaseUrl)
  const visible = new Map<string, string | null>()
  for (let page = 1; ; page++) {
    const r = await call(
      server.base,
      'GET',
      `/api/v1/buildings/${buildingId}/units?per_page=100&page=${page}`,
      token,
    )
    expect(r.status).toBe(200)
    const rows = r.body.data as { id: string; owner_id: string | null }[]
    for (const row of rows) visible.set(row.id, row.owner_id)
    if (rows.length < 100) break
  }
  server.proc.kill('SIGTERM')
  expect(await server.exited).toBe(0)

  // Every acknowledged write survived.
  for (const id of ackedUnits) expect(visible.has(id), `acknowledged unit ${id} lost`).toBe(true)
  for (const [unit, owner] of ackedAssignments) expect(visible.get(unit)).toBe(owner)

  // No partial write is visible.
  const db = await open()
  try {
    const q = async (query: ReturnType<typeof sql>) =>
      ((await db.db.execute(query)) as { rows: Record<string, number>[] }).rows[0] ?? {}
    const unaudited = await q(sql`
      select count(*)::int as n from units u where u.building_id = ${buildingId}
      and not exists (select 1 from audit_log a where a.entity_id = u.id::text and a.entity = 'unit')`)
    expect(unaudited.n, 'a unit without its audit row').toBe(0)
    const badShares = await q(sql`
      select count(*)::int as n from units u where u.building_id = ${buildingId} and (
        (u.owner_id is null) <> not exists (select 1 from unit_ownerships o where o.unit_id = u.id and o.end_date is null)
        or coalesce((select sum(share_ppm) from unit_ownerships o where o.unit_id = u.id and o.end_date is null), 1000000) <> 1000000)`)
    expect(badShares.n, 'a unit whose ownership change is half done').toBe(0)
    const quota = await q(sql`
      select coalesce(sum(quota), 0)::int as used, max(b.total_tantiemes)::int as total
      from buildings b left join units u on u.building_id = b.id where b.id = ${buildingId}`)
    expect(quota.used).toBeLessThanOrEqual(quota.total ?? 0)
    const total = await q(sql`select count(*)::int as n from units where building_id = ${buildingId}`)
    console.info(
      `crash (${db.driver}): ${attempted} units attempted, ${ackedUnits.size} acknowledged, ${total.n} present after restart, ${ackedAssignments.size} assignments acknowledged, 0 lost, 0 partial`,
    )
  } finally {
    await db.close()
  }
}

describe('kill -9 in the middle of a write burst', () => {
  it.runIf(process.env.TEST_DB !== 'postgres')(
    'PGlite in a DATA_DIR: every acknowledged write is there after restart, nothing partial',
    { timeout: 180_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-crash-'))
      temps.push(dataDir)
      await crashRun(dataDir, '', () =>
        createDatabase({ driver: 'pglite', dataDir: join(dataDir, 'pgdata'), tenantGuard: false }),
      )
    },
  )

  it.runIf(process.env.TEST_DB === 'postgres')(
    'Postgres: every acknowledged write is there after restart, nothing partial',
    { timeout: 180_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-crash-'))
      temps.push(dataDir)
      const admin = new URL(process.env.TEST_DATABASE_URL ?? '')
      const name = `koprogo_crash_${crypto.randomUUID().slice(0, 8)}_test`
      const url = Object.assign(new URL(admin.href), { pathname: `/${name}` }).href
      const server = await createDatabase({ url: admin.href, driver: 'pg', poolMax: 1 })
      await server.db.execute(sql.raw(`create database ${name}`))
      try {
        await crashRun(dataDir, url, () =>
          createDatabase({ url, driver: 'pg', poolMax: 2, tenantGuard: false }),
        )
      } finally {
        await server.db.execute(sql.raw(`drop database if exists ${name} with (force)`))
        await server.close()
      }
    },
  )
})
