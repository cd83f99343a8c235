import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../harness.ts'
import { propertyFixtures } from '../property-fixtures.ts'

/**
 * Issue #17 item 2, measured from one client: the four creates of the anchor mix, sequential,
 * with the batched unit of work on and off (ADR 0047), in alternating rounds so that the
 * machine's drift hits both alike. Reports per create the wall time, the API process's CPU time
 * and their difference — the time spent waiting on the database (its round trips and its work;
 * meaningful on Postgres, where the server is another process: TEST_DB=postgres). Not a
 * throughput figure. Behind LOAD=1.
 */
const ENABLED = process.env.LOAD === '1'
const ROUNDS = 4
const PER_ROUND = 40
const PATHS = ['/api/v1/buildings', '/api/v1/units', '/api/v1/owners', '/api/v1/expenses'] as const

let api: TestApi
let token: string
let buildingId: string
let n = 0
beforeAll(async () => {
  if (!ENABLED) return
  api = await createTestApi()
  const t = await api.tenant()
  token = t.syndic.token
  // The plan's limit would stop the building creates: this test is about their cost.
  await api.inspect.execute(
    `update organizations set max_buildings = 100000 where id = '${t.org.id}'` as never,
  )
  buildingId = (await propertyFixtures(api).building(token, { total_tantiemes: 10_000_000 })).id
})
afterAll(() => api?.close())

function body(path: string): Record<string, unknown> {
  const u = `${Date.now().toString(36)}${(n++).toString(36)}`
  if (path.endsWith('buildings'))
    return {
      name: `R ${u}`,
      address: 'Rue 1',
      city: 'Bruxelles',
      postal_code: '1000',
      country: 'Belgium',
      total_units: 20,
    }
  if (path.endsWith('units'))
    return {
      building_id: buildingId,
      unit_number: `U-${u}`,
      unit_type: 'Apartment',
      floor: 1,
      surface_area: 80,
      quota: 1,
    }
  if (path.endsWith('owners'))
    return {
      first_name: 'Marie',
      last_name: 'Dubois',
      email: `m.${u}@bench.example.be`,
      address: 'Av 1',
      city: 'Bruxelles',
      postal_code: '1000',
      country: 'Belgium',
    }
  return {
    building_id: buildingId,
    category: 'Maintenance',
    description: 'Entretien',
    amount: 123.45,
    expense_date: new Date().toISOString(),
  }
}

type Sample = { wallMs: number; cpuMs: number; roundTrips: number }

async function sample(path: string): Promise<Sample> {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const { result, statements } = await api.countRoundTrips(() =>
    api.request('POST', path, { token, body: body(path) }),
  )
  const wallMs = performance.now() - start
  const used = process.cpuUsage(cpu)
  expect(result.status, JSON.stringify(result.body)).toBe(201)
  return { wallMs, cpuMs: (used.user + used.system) / 1000, roundTrips: statements.length }
}

const mean = (xs: number[]) => Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 1000) / 1000
const median = (xs: number[]) =>
  Math.round(([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0) * 1000) / 1000

describe.skipIf(!ENABLED)('creates from one client, batched unit of work on/off', () => {
  it('reports wall, CPU and database-wait time per create', { timeout: 900_000 }, async () => {
    const runtime = api.runtime as { batchedWrites?: boolean }
    const samples: Record<string, Record<'on' | 'off', Sample[]>> = {}
    for (const path of PATHS) samples[path] = { on: [], off: [] }
    // Warm-up: prepared statements, JIT.
    for (const path of PATHS) for (let i = 0; i < 10; i++) await sample(path)
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        runtime.batchedWrites = mode === 'on'
        for (const path of PATHS)
          for (let i = 0; i < PER_ROUND; i++) samples[path]?.[mode].push(await sample(path))
      }
    }
    runtime.batchedWrites = undefined
    const report = Object.fromEntries(
      PATHS.map((path) => [
        path,
        Object.fromEntries(
          (['off', 'on'] as const).map((mode) => {
            const s = samples[path]?.[mode] ?? []
            return [
              mode,
              {
                roundTrips: median(s.map((x) => x.roundTrips)),
                wallMsMean: mean(s.map((x) => x.wallMs)),
                wallMsP50: median(s.map((x) => x.wallMs)),
                cpuMsMean: mean(s.map((x) => x.cpuMs)),
                dbWaitMsMean: mean(s.map((x) => Math.max(0, x.wallMs - x.cpuMs))),
              },
            ]
          }),
        ),
      ]),
    )
    console.info(
      `creates, one client (${process.env.TEST_DB ?? 'pglite'}): ${JSON.stringify(report, null, 1)}`,
    )
  })
})
