import { ownerPartCalculator } from '@koprogo/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expenses } from '../../_shared/db/schema/index.ts'
import { uuidv7 } from '../../_shared/ids.ts'
import { createTestApi, type TestApi } from '../harness.ts'
import { propertyFixtures } from '../property-fixtures.ts'
import { GROWTH, growTenant, markBeforeOperation, printGrowth, tenantSeqScans } from './growth.ts'

/**
 * Where the time of GET /owners/{id}/charges goes for an owner holding 5,000 expense parts
 * (2,500 expenses on distinct days × two units): the three queries, the domain's pass over the
 * grouped lines, and the whole request. Behind LOAD=1 (timings are not for the default suite);
 * `make bench` holds the budget (bench/budgets/owner-charges.ts).
 */
const ENABLED = process.env.LOAD === '1'
const EXPENSES = 2500
let api: TestApi
let ids: { org: string; owner: string; token: string }
let grown: Awaited<ReturnType<typeof growTenant>> | null = null
beforeAll(async () => {
  if (!ENABLED) return
  api = await createTestApi()
  const fx = propertyFixtures(api)
  const t = await api.tenant()
  const token = t.syndic.token
  if (GROWTH) grown = await growTenant(api, t.org.id)
  const building = await fx.building(token, { total_units: 20, total_tantiemes: 1000 })
  const units = []
  for (let i = 0; i < 20; i++)
    units.push(await fx.unit(token, building.id, { unit_number: `A${i + 1}`, quota: i < 19 ? 49 : 69 }))
  const target = await fx.owner(token)
  const co = await fx.owner(token)
  const link = async (unitId: string, ownerId: string, share: number) =>
    expect(
      (
        await api.request('POST', `/api/v1/units/${unitId}/owners`, {
          token,
          body: { owner_id: ownerId, ownership_share: share, start_date: '2015-01-01' },
        })
      ).status,
    ).toBe(201)
  await link(String(units[0]?.id), target.id, 0.5)
  await link(String(units[0]?.id), co.id, 0.5)
  await link(String(units[1]?.id), target.id, 1)
  const start = Date.UTC(2019, 0, 1)
  const now = new Date()
  const rows = Array.from({ length: EXPENSES }, (_, i) => ({
    id: uuidv7(),
    organizationId: t.org.id,
    buildingId: building.id,
    category: 'Maintenance',
    description: `Entretien ${i}`,
    amountCents: 1_000 + ((i * 7919) % 250_000),
    expenseDate: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    paymentStatus: i % 5 === 0 ? 'Paid' : 'Pending',
    createdAt: now,
    updatedAt: now,
  }))
  for (let i = 0; i < rows.length; i += 500) await api.inspect.insert(expenses).values(rows.slice(i, i + 500))
  ids = { org: t.org.id, owner: target.id, token }
}, 300_000)
afterAll(() => api?.close())

const ms = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return {
    p50: Math.round((s[s.length >> 1] ?? 0) * 10) / 10,
    p95: Math.round((s[Math.floor(s.length * 0.95)] ?? 0) * 10) / 10,
  }
}

describe.runIf(ENABLED)('owner charges at 5,000 parts', () => {
  it('reports where the time goes', async () => {
    const scope = { organizationId: ids.org }
    const read: number[] = []
    const compute: number[] = []
    const whole: number[] = []
    const mark = grown ? await markBeforeOperation(api) : 0
    for (let i = 0; i < 40; i++) {
      let t = performance.now()
      const r = await api.repos.finance.ownerCharges.read(
        scope,
        ids.owner,
        {},
        { page: 1 + (i % 250), perPage: 20 },
      )
      read.push(performance.now() - t)
      t = performance.now()
      const partOf = ownerPartCalculator(r.histories)
      let total = 0
      for (const g of r.groups) {
        const p = partOf({ ...g, ownerId: ids.owner })
        if (p.ok && p.value !== null) total += p.value * g.lines
      }
      compute.push(performance.now() - t)
      expect(total).toBeGreaterThan(0)
      t = performance.now()
      const res = await api.request('GET', `/api/v1/owners/${ids.owner}/charges?page=${1 + (i % 250)}`, {
        token: ids.token,
      })
      whole.push(performance.now() - t)
      expect(res.body.pagination.total_items).toBe(2 * EXPENSES)
    }
    console.info(JSON.stringify({ read: ms(read), compute: ms(compute), request: ms(whole) }))
    if (grown) {
      const plans = await tenantSeqScans(api, mark)
      printGrowth('owner-charges', { tenant: grown, request: ms(whole), ...plans })
      expect(plans.seqScans).toEqual([])
    }
    if (process.env.EXPLAIN === '1') {
      const { sql } = await import('drizzle-orm')
      const q = (text: string) =>
        api.inspect.execute(sql.raw(text)) as Promise<{ rows: Record<string, string>[] }>
      const join = `from unit_ownerships uo join units u on u.id = uo.unit_id join expenses e on e.organization_id = '${ids.org}' and e.building_id = u.building_id and e.payment_status <> 'Cancelled' and e.expense_date >= uo.start_date and (uo.end_date is null or e.expense_date < uo.end_date) where uo.organization_id = '${ids.org}' and uo.owner_id = '${ids.owner}'`
      for (const text of [
        `select uo.unit_id, u.building_id, u.unit_number, string_agg(e.expense_date::text || ' ' || e.id::text || ' ' || e.amount_cents::text || ' ' || (case when e.payment_status = 'Paid' then '1' else '0' end), ',') ${join} group by uo.id, uo.unit_id, u.building_id, u.unit_number`,
      ]) {
        const plan = await q(`explain analyze ${text}`)
        console.info(plan.rows.map((r) => Object.values(r)[0]).join('\n'))
      }
    }
  }, 300_000)
})
