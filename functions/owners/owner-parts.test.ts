import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/**
 * GET /owners/{id}/charges reads the owner parts the database writes with each posted expense
 * (expense_owner_parts, ADR 0046). These tests hold what the table must keep true: the page and
 * totals agree with each expense's frozen distribution whatever happens to the expense after
 * approval (paid, cancelled, corrected), v1 expenses without a frozen split still count and sort
 * among the others, and the migration's backfill writes the same rows as the trigger.
 */
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Line = { expense_id: string; unit_id: string; amount_cents: number; expense_date: string }
type Totals = { total_cents: number; paid_cents: number; unpaid_cents: number }

async function world() {
  const t = await api.tenant()
  const token = t.syndic.token
  const building = await fx.building(token, { total_units: 3, total_tantiemes: 1000 })
  const a = await fx.unit(token, building.id, { unit_number: 'A', quota: 333 })
  const b = await fx.unit(token, building.id, { unit_number: 'B', quota: 333 })
  const c = await fx.unit(token, building.id, { unit_number: 'C', quota: 334 })
  const [o1, o2] = [await fx.owner(token), await fx.owner(token)]
  for (const [unit, owner, share] of [
    [a, o1, 1],
    [b, o1, 0.5],
    [b, o2, 0.5],
    [c, o2, 1],
  ] as const) {
    const res = await api.request('POST', `/api/v1/units/${unit.id}/owners`, {
      token,
      body: { owner_id: owner.id, ownership_share: share, start_date: '2020-01-01' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }
  const expense = async (amountCents: number, date: string) => {
    const res = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: building.id,
        category: 'Maintenance',
        description: `Entretien ${date}`,
        amount_cents: amountCents,
        expense_date: date,
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return (res.body as { id: string }).id
  }
  const charges = async (perPage = 100) => {
    const lines: Line[] = []
    let totals: Totals | undefined
    let total = -1
    for (let page = 1; ; page++) {
      const res = await api.request(
        'GET',
        `/api/v1/owners/${o1.id}/charges?page=${page}&per_page=${perPage}`,
        {
          token,
        },
      )
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      totals ??= res.body.totals
      expect(res.body.totals).toEqual(totals)
      total = res.body.pagination.total_items
      lines.push(...res.body.data)
      if (!res.body.pagination.has_next) break
    }
    expect(lines).toHaveLength(total)
    return { lines, totals: totals as Totals }
  }
  /** o1's parts of an expense as its own distribution (GET /expenses/{id}/distribution) says. */
  const distributed = async (id: string) => {
    const res = await api.request('GET', `/api/v1/expenses/${id}/distribution`, { token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const units = res.body.units as {
      unit_id: string
      owners: { owner_id: string; amount_cents: number }[]
    }[]
    return units.flatMap((u) =>
      u.owners
        .filter((o) => o.owner_id === o1.id)
        .map((o) => ({ unit_id: u.unit_id, amount_cents: o.amount_cents })),
    )
  }
  return { ...t, token, building, units: { a, b, c }, o1, o2, expense, charges, distributed }
}

const sum = (ls: { amount_cents: number }[]) => ls.reduce((s, l) => s + l.amount_cents, 0)

describe('owner charges from the owner parts written with the expense', () => {
  it('paid and cancelled after approval: the totals follow, the cancelled expense leaves the page', async () => {
    const w = await world()
    const paid = await w.expense(100_001, '2026-01-10')
    const cancelled = await w.expense(33_333, '2026-02-10')
    const kept = await w.expense(1_234, '2026-03-10')
    const before = await w.charges()
    expect(before.lines.map((l) => l.expense_id)).toEqual([paid, paid, cancelled, cancelled, kept, kept])
    for (const id of [paid, cancelled, kept])
      expect(
        before.lines
          .filter((l) => l.expense_id === id)
          .map(({ unit_id, amount_cents }) => ({ unit_id, amount_cents })),
      ).toEqual(await w.distributed(id))
    expect(before.totals).toMatchObject({
      total_cents: sum(before.lines),
      paid_cents: 0,
      unpaid_cents: sum(before.lines),
    })

    expect((await api.request('PUT', `/api/v1/expenses/${paid}/mark-paid`, { token: w.token })).status).toBe(
      200,
    )
    const cancel = await api.request('POST', `/api/v1/expenses/${cancelled}/cancel`, {
      token: w.token,
      body: { reason: 'Facture en double' },
    })
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200)
    const after = await w.charges()
    expect(after.lines.map((l) => l.expense_id)).toEqual([paid, paid, kept, kept])
    const paidCents = sum(after.lines.filter((l) => l.expense_id === paid))
    expect(after.totals).toMatchObject({
      total_cents: sum(after.lines),
      paid_cents: paidCents,
      unpaid_cents: sum(after.lines) - paidCents,
    })
  })

  it('a corrected expense: the original leaves the page, the correction charges its own split', async () => {
    const w = await world()
    const original = await w.expense(50_000, '2026-01-10')
    const res = await api.request('POST', `/api/v1/expenses/${original}/corrections`, {
      token: w.token,
      body: {
        reason: 'Montant erroné',
        category: 'Maintenance',
        description: 'Entretien corrigé',
        amount_cents: 40_001,
        expense_date: '2026-01-10',
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const correction = (res.body as { id: string }).id
    const after = await w.charges()
    expect(after.lines.map((l) => l.expense_id)).toEqual([correction, correction])
    expect(after.lines.map(({ unit_id, amount_cents }) => ({ unit_id, amount_cents }))).toEqual(
      await w.distributed(correction),
    )
    expect(after.totals).toMatchObject({ total_cents: sum(after.lines), paid_cents: 0 })
  })

  it('a quota change after approval does not touch the posted parts; a new expense uses the new quota', async () => {
    const w = await world()
    const first = await w.expense(90_000, '2026-01-10')
    const frozen = await w.charges()
    const res = await api.request('PUT', `/api/v1/units/${w.units.a.id}`, {
      token: w.token,
      body: { quota: 200 },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const again = await w.charges()
    expect(again).toEqual(frozen)
    const second = await w.expense(90_000, '2026-02-10')
    const later = await w.charges()
    const partA = (id: string) => later.lines.find((l) => l.expense_id === id && l.unit_id === w.units.a.id)
    expect(partA(second)?.amount_cents).toBeLessThan(partA(first)?.amount_cents ?? 0)
  })

  it('v1 expenses without a frozen split are computed on their date and sort among the others', async () => {
    const w = await world()
    const ids: string[] = []
    for (let i = 0; i < 9; i++)
      ids.push(await w.expense(10_000 + i * 777, `2026-0${1 + (i % 9)}-${String(10 + i).padStart(2, '0')}`))
    const all = await w.charges(100)
    // Three of them as v1 rows (approved before the books: no distribution, no owner parts).
    const v1 = [ids[1], ids[4], ids[8]] as string[]
    await api.inspect.execute(
      sql`update expenses set distribution = null where id in (${sql.join(
        v1.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    )
    const parts = (await api.inspect.execute(
      sql`select count(*)::int as n from expense_owner_parts where expense_id in (${sql.join(
        v1.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    )) as unknown as { rows: { n: number }[] }
    expect(parts.rows[0]?.n).toBe(0)
    // Same quotas and links as at approval: the computed parts equal the frozen ones, so every
    // page size gives the same lines in the same order and the same totals.
    for (const perPage of [1, 3, 5, 100]) expect(await w.charges(perPage)).toEqual(all)
  })

  it('the backfill writes the same rows as the trigger', async () => {
    const w = await world()
    for (let i = 0; i < 4; i++) await w.expense(5_000 + i, `2026-01-1${i}`)
    const rows = async () =>
      (
        (await api.inspect.execute(
          sql`select p.* from expense_owner_parts p join expenses e on e.id = p.expense_id where e.building_id = ${w.building.id} order by expense_id, unit_id, owner_id`,
        )) as unknown as { rows: unknown[] }
      ).rows
    const written = await rows()
    expect(written).toHaveLength(4 * 4)
    await api.inspect.execute(
      sql`delete from expense_owner_parts p using expenses e where e.id = p.expense_id and e.building_id = ${w.building.id}`,
    )
    expect(await rows()).toHaveLength(0)
    // The migration's backfill statement, for this building.
    await api.inspect.execute(
      sql`select expense_owner_parts_write(e) from expenses e where e.distribution is not null and e.building_id = ${w.building.id}`,
    )
    expect(await rows()).toEqual(written)
  })
})
