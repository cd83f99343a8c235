import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expenses } from '../../_shared/db/schema/index.ts'
import { uuidv7 } from '../../_shared/ids.ts'
import { createTestApi, type TestApi } from '../harness.ts'
import { propertyFixtures } from '../property-fixtures.ts'

/**
 * GET /owners/{id}/charges for an owner with 5,000 lines read from FROZEN distributions (ADR
 * 0037: 2,500 approved expenses of a 20-lot building, each with its frozen split, the owner holding
 * two lots). In-process, PGlite; 60 sequential requests on random pages; prints one JSON line
 * `{"frozenCharges":…}` with P50/P95 in ms. Behind LOAD=1; `make bench` runs it
 * (bench/budgets/frozen-charges.ts, budget P95 ≤ 50 ms).
 */
const ENABLED = process.env.LOAD === '1'
const EXPENSES = 2500
const UNITS = 20
let api: TestApi
let ids: { org: string; owner: string; token: string }
beforeAll(async () => {
  if (!ENABLED) return
  api = await createTestApi()
  const fx = propertyFixtures(api)
  const t = await api.tenant()
  const token = t.syndic.token
  const building = await fx.building(token, { total_units: UNITS, total_tantiemes: 1000 })
  const units: { id: string }[] = []
  for (let i = 0; i < UNITS; i++)
    units.push(await fx.unit(token, building.id, { unit_number: `A${i + 1}`, quota: i < 19 ? 49 : 69 }))
  const owners: { id: string }[] = []
  for (let i = 0; i < UNITS - 1; i++) owners.push(await fx.owner(token))
  const target = owners[0] as { id: string }
  // The target holds lots 1 and 2; every other lot has its own owner.
  const holder = (i: number) => (i < 2 ? target.id : (owners[i - 1] as { id: string }).id)
  for (let i = 0; i < UNITS; i++) {
    const res = await api.request('POST', `/api/v1/units/${units[i]?.id}/owners`, {
      token,
      body: { owner_id: holder(i), ownership_share: 1, start_date: '2015-01-01' },
    })
    expect(res.status).toBe(201)
  }
  const start = Date.UTC(2019, 0, 1)
  const now = new Date()
  const rows = Array.from({ length: EXPENSES }, (_, i) => {
    const amount = 1_000 + ((i * 7919) % 250_000)
    const parts = units.map((_u, k) => Math.floor((amount * (k < 19 ? 49 : 69)) / 1000))
    return {
      id: uuidv7(),
      organizationId: t.org.id,
      buildingId: building.id,
      category: 'Maintenance',
      description: `Entretien ${i}`,
      amountCents: amount,
      expenseDate: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      paymentStatus: i % 5 === 0 ? 'Paid' : 'Pending',
      status: i % 5 === 0 ? 'paid' : 'approved',
      postedAt: now,
      distribution: {
        amountCents: amount,
        totalTantiemes: 1000,
        unallocatedCents: amount - parts.reduce((a, b) => a + b, 0),
        units: units.map((u, k) => ({
          unitId: u.id,
          unitNumber: `A${k + 1}`,
          quota: k < 19 ? 49 : 69,
          amountCents: parts[k],
          unassignedCents: 0,
          owners: [{ ownerId: holder(k), sharePpm: 1_000_000, amountCents: parts[k] }],
        })),
      },
      createdAt: now,
      updatedAt: now,
    }
  })
  for (let i = 0; i < rows.length; i += 250) await api.inspect.insert(expenses).values(rows.slice(i, i + 250))
  ids = { org: t.org.id, owner: target.id, token }
}, 600_000)
afterAll(() => api?.close())

describe.runIf(ENABLED)('owner charges from frozen distributions at 5,000 lines', () => {
  it('reports P50 / P95 of the whole request', async () => {
    const times: number[] = []
    for (let i = 0; i < 60; i++) {
      const page = 1 + ((i * 37) % 250)
      const t = performance.now()
      const res = await api.request('GET', `/api/v1/owners/${ids.owner}/charges?page=${page}&per_page=20`, {
        token: ids.token,
      })
      times.push(performance.now() - t)
      expect(res.status).toBe(200)
      expect(res.body.pagination.total_items).toBe(2 * EXPENSES)
    }
    const s = [...times].sort((a, b) => a - b)
    const at = (q: number) => Math.round((s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0) * 10) / 10
    console.info(JSON.stringify({ frozenCharges: { lines: 2 * EXPENSES, p50: at(0.5), p95: at(0.95) } }))
    if (process.env.EXPLAIN === '1') {
      // The plans of the reader's two reads of expense_owner_parts (ADR 0046), last page.
      const { sql } = await import('drizzle-orm')
      const where = `organization_id = '${ids.org}' and owner_id = '${ids.owner}'`
      for (const text of [
        `select count(*)::int, coalesce(sum(amount_cents), 0), coalesce(sum(amount_cents) filter (where paid), 0) from expense_owner_parts where ${where}`,
        `select s.unit_id, s.amount_cents, e.id, e.category, e.description from (select expense_id, unit_id, unit_number, amount_cents from expense_owner_parts where ${where} order by expense_date, expense_id, unit_number collate "C", unit_id limit 20 offset 4980) s join expenses e on e.organization_id = '${ids.org}' and e.id = s.expense_id order by e.expense_date, e.id, s.unit_number collate "C", s.unit_id`,
      ]) {
        const plan = (await api.inspect.execute(sql.raw(`explain (analyze, buffers) ${text}`))) as {
          rows: Record<string, string>[]
        }
        console.info(plan.rows.map((r) => Object.values(r)[0]).join('\n'))
      }
    }
  }, 600_000)
})
