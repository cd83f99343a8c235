import { checkOwnershipTimeline, type RightType, todayOf } from '@koprogo/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Link = {
  id: string
  unit_id: string
  owner_id: string
  ownership_share: number
  share_ppm: number
  right_type: RightType
  is_primary_contact: boolean
  start_date: string
  end_date: string | null
  votes: boolean
  receives_calls: boolean
}

/** A tenant with one building, one unit and `n` owners. */
async function setup(n = 3) {
  const t = await api.tenant()
  const token = t.syndic.token
  const building = await fx.building(token)
  const unit = await fx.unit(token, building.id)
  const owners: { id: string }[] = []
  for (let i = 0; i < n; i++) owners.push(await fx.owner(token))
  const add = (
    ownerId: string,
    share: number | string,
    startDate: string,
    extra: Record<string, unknown> = {},
  ) =>
    api.request('POST', `/api/v1/units/${unit.id}/owners`, {
      token,
      body: { owner_id: ownerId, ownership_share: share, start_date: startDate, ...extra },
    })
  const end = (ownerId: string, endDate: string) =>
    api.request('DELETE', `/api/v1/units/${unit.id}/owners/${ownerId}?end_date=${endDate}`, { token })
  const owners_ = async (query = '') =>
    (await api.request('GET', `/api/v1/units/${unit.id}/owners${query}`, { token })).body as Link[]
  /** Every stored link of the unit, checked by the domain's own dated rule. */
  const storedTimelineOk = async () => {
    const rows = (
      (await api.inspect.execute(
        sql`select owner_id, share_ppm, right_type, start_date::text as start_date, end_date::text as end_date
            from unit_ownerships where unit_id = ${unit.id}`,
      )) as {
        rows: {
          owner_id: string
          share_ppm: number
          right_type: RightType
          start_date: string
          end_date: string | null
        }[]
      }
    ).rows
    return checkOwnershipTimeline(
      rows.map((r) => ({
        ownerId: r.owner_id,
        sharePpm: r.share_ppm,
        rightType: r.right_type,
        startDate: r.start_date,
        endDate: r.end_date,
      })),
    ).ok
  }
  return { t, token, building, unit, add, end, owners: owners_, storedTimelineOk, ids: owners }
}

const idOf = (o: { id: string } | undefined) => o?.id as string

describe('issue #20.1 — shares are checked on every date, not only for open links', () => {
  it('A 100 % from 2020 ended at 2030, then B 100 % from 2020 → 409 (was 201: 200 % for ten years)', async () => {
    const s = await setup(2)
    const [a, b] = [idOf(s.ids[0]), idOf(s.ids[1])]
    expect((await s.add(a, 1, '2020-01-01')).status).toBe(201)
    expect((await s.end(a, '2030-01-01')).status).toBe(200)
    const overlap = await s.add(b, 1, '2020-01-01')
    expect(overlap.status).toBe(409)
    expect(overlap.body.code).toBe('ownership_share_exceeded')
    // A buyer whose start date is before the seller's end date: refused too.
    expect((await s.add(b, 1, '2029-12-31')).status).toBe(409)
    // On the end date itself (exclusive) the buyer fits.
    expect((await s.add(b, 1, '2030-01-01')).status).toBe(201)
    expect(await s.storedTimelineOk()).toBe(true)
  })

  it('an owner cannot hold two links of the unit on the same dates', async () => {
    const s = await setup(1)
    const a = idOf(s.ids[0])
    expect((await s.add(a, 0.5, '2020-01-01')).status).toBe(201)
    expect((await s.end(a, '2022-01-01')).status).toBe(200)
    const again = await s.add(a, 0.5, '2021-06-01')
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('owner_already_linked')
    expect((await s.add(a, 0.5, '2022-01-01')).status).toBe(201)
  })

  it('concurrent writers on one unit are serialized by its row lock: no date ever exceeds 1', async () => {
    const s = await setup(6)
    // Six owners asking for 60 % each, open-ended from different past dates: all overlap from 2025.
    const results = await Promise.all(s.ids.map((o, i) => s.add(idOf(o), 0.6, `${2020 + i}-01-01`)))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((x) => x === 201)).toHaveLength(1)
    expect(statuses.filter((x) => x === 409)).toHaveLength(5)
    expect(await s.storedTimelineOk()).toBe(true)
  })
})

describe('issue #20.2 — a link is current until its end date; views answer for a date', () => {
  it('a future deed date leaves the seller owner today; ?date= shows who holds the lot that day', async () => {
    const s = await setup(1)
    const a = idOf(s.ids[0])
    expect((await s.add(a, 1, '2020-01-01')).status).toBe(201)
    expect((await s.end(a, '2099-02-15')).status).toBe(200)
    const unitNow = await api.request('GET', `/api/v1/units/${s.unit.id}`, { token: s.token })
    expect(unitNow.body.owner_id).toBe(a) // was null
    expect((await s.owners()).map((l) => l.owner_id)).toEqual([a]) // was []
    expect((await s.owners('?date=2099-02-14')).map((l) => l.owner_id)).toEqual([a])
    expect(await s.owners('?date=2099-02-15')).toEqual([])
    const later = await api.request('GET', `/api/v1/units/${s.unit.id}?date=2099-02-15`, { token: s.token })
    expect(later.body.owner_id).toBeNull()
    const listed = await api.request('GET', `/api/v1/units?building_id=${s.building.id}&has_owner=true`, {
      token: s.token,
    })
    expect(listed.body.data.map((u: { id: string; owner_id: string }) => [u.id, u.owner_id])).toEqual([
      [s.unit.id, a],
    ])
    const listedLater = await api.request(
      'GET',
      `/api/v1/buildings/${s.building.id}/units?has_owner=true&date=2099-03-01`,
      { token: s.token },
    )
    expect(listedLater.body.data).toEqual([])
    const bad = await api.request('GET', `/api/v1/units/${s.unit.id}/owners?date=2026-02-30`, {
      token: s.token,
    })
    expect(bad.status).toBe(400)
  })

  it('the default date is today in Europe/Brussels', async () => {
    const s = await setup(1)
    const a = idOf(s.ids[0])
    const today = todayOf({ now: () => new Date() })
    expect((await s.add(a, 1, today)).status).toBe(201)
    expect((await s.owners()).map((l) => l.start_date)).toEqual([today])
  })

  it('an owner user keeps seeing a lot sold at a future deed date until then', async () => {
    const t = await api.tenant()
    const mine = await fx.ownerWithUnit(t.syndic.token, t.org.id)
    const res = await api.request(
      'DELETE',
      `/api/v1/units/${mine.unit.id}/owners/${mine.owner.id}?end_date=2099-01-01`,
      {
        token: t.syndic.token,
      },
    )
    expect(res.status).toBe(200)
    const token = mine.user.token
    expect((await api.request('GET', `/api/v1/units/${mine.unit.id}`, { token })).status).toBe(200)
    const list = await api.request('GET', '/api/v1/units', { token })
    expect(list.body.data.map((u: { id: string }) => u.id)).toEqual([mine.unit.id])
  })
})

describe('issue #20.3 — POST /units/{id}/transfer: a sale in one operation', () => {
  it('ends the sellers and starts the buyers atomically, audited once, versioned and idempotent', async () => {
    const s = await setup(3)
    const [a, b, c] = [idOf(s.ids[0]), idOf(s.ids[1]), idOf(s.ids[2])]
    expect((await s.add(a, 1, '2020-01-01', { is_primary_contact: true })).status).toBe(201)
    const unit = await api.request('GET', `/api/v1/units/${s.unit.id}`, { token: s.token })
    const body = {
      deed_date: '2025-06-30',
      buyers: [
        { owner_id: b, ownership_share: 0.5, is_primary_contact: true },
        { owner_id: c, ownership_share: 0.5 },
      ],
    }
    const stale = await api.request('POST', `/api/v1/units/${s.unit.id}/transfer`, {
      token: s.token,
      headers: { 'if-match': String(unit.body.version + 5) },
      body,
    })
    expect(stale.status).toBe(409)
    const key = `transfer-${crypto.randomUUID()}`
    const send = () =>
      api.request('POST', `/api/v1/units/${s.unit.id}/transfer`, {
        token: s.token,
        headers: { 'if-match': String(unit.body.version), 'idempotency-key': key },
        body,
      })
    const done = await send()
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.unit).toMatchObject({ owner_id: b, version: unit.body.version + 1 })
    expect(done.body.ended).toMatchObject([{ owner_id: a, end_date: '2025-06-30' }])
    expect(done.body.started.map((l: Link) => [l.owner_id, l.start_date, l.share_ppm])).toEqual([
      [b, '2025-06-30', 500_000],
      [c, '2025-06-30', 500_000],
    ])
    const replay = await send()
    expect(replay.status).toBe(200)
    expect(replay.body).toEqual(done.body)
    const audit = (await api.inspect.execute(
      sql`select action, details from audit_log where entity_id = ${s.unit.id} and action = 'unit.transfer'`,
    )) as { rows: { action: string; details: { ended: unknown[]; started: unknown[]; deed_date: string } }[] }
    expect(audit.rows).toHaveLength(1)
    expect(audit.rows[0]?.details).toMatchObject({ deed_date: '2025-06-30' })
    expect(audit.rows[0]?.details.ended).toHaveLength(1)
    expect(audit.rows[0]?.details.started).toHaveLength(2)
    expect((await s.owners('?date=2025-06-29')).map((l) => l.owner_id)).toEqual([a])
    expect((await s.owners('?date=2025-06-30')).map((l) => l.owner_id).sort()).toEqual([b, c].sort())
    // A second sale sent with the now stale If-Match is refused.
    expect((await send()).status).toBe(200) // same key: the stored answer, not a new sale
    const again = await api.request('POST', `/api/v1/units/${s.unit.id}/transfer`, {
      token: s.token,
      headers: { 'if-match': String(unit.body.version) },
      body: { ...body, deed_date: '2026-01-01' },
    })
    expect(again.status).toBe(409)
  })

  it('a refused transfer changes nothing: buyers over the lot, a seller who holds nothing', async () => {
    const s = await setup(3)
    const [a, b, c] = [idOf(s.ids[0]), idOf(s.ids[1]), idOf(s.ids[2])]
    expect((await s.add(a, 0.5, '2020-01-01')).status).toBe(201)
    expect((await s.add(b, 0.5, '2020-01-01')).status).toBe(201)
    const over = await api.request('POST', `/api/v1/units/${s.unit.id}/transfer`, {
      token: s.token,
      body: { deed_date: '2025-01-01', sellers: [a], buyers: [{ owner_id: c, ownership_share: 0.6 }] },
    })
    expect(over.status).toBe(409)
    expect(over.body.code).toBe('ownership_share_exceeded')
    const notSeller = await api.request('POST', `/api/v1/units/${s.unit.id}/transfer`, {
      token: s.token,
      body: { deed_date: '2025-01-01', sellers: [c], buyers: [{ owner_id: c, ownership_share: 0.5 }] },
    })
    expect(notSeller.status).toBe(400)
    expect(JSON.stringify(notSeller.body.errors)).toContain('sellers[0]')
    const links = await s.owners('?include_history=true')
    expect(links.map((l) => l.end_date)).toEqual([null, null])
    // Default sellers: everyone holding the lot on the deed date; a co-owner may buy the rest.
    const merge = await api.request('POST', `/api/v1/units/${s.unit.id}/transfer`, {
      token: s.token,
      body: { deed_date: '2025-01-01', buyers: [{ owner_id: a, ownership_share: 1 }] },
    })
    expect(merge.status, JSON.stringify(merge.body)).toBe(200)
    expect((await s.owners('?date=2025-01-01')).map((l) => [l.owner_id, l.share_ppm])).toEqual([
      [a, 1_000_000],
    ])
    expect(await s.storedTimelineOk()).toBe(true)
  })

  it('two concurrent sales with the same If-Match: exactly one wins', async () => {
    const s = await setup(3)
    const [a, b, c] = [idOf(s.ids[0]), idOf(s.ids[1]), idOf(s.ids[2])]
    expect((await s.add(a, 1, '2020-01-01')).status).toBe(201)
    const version = (await api.request('GET', `/api/v1/units/${s.unit.id}`, { token: s.token })).body.version
    const sale = (buyer: string) =>
      api.request('POST', `/api/v1/units/${s.unit.id}/transfer`, {
        token: s.token,
        headers: { 'if-match': String(version) },
        body: { deed_date: '2024-01-01', buyers: [{ owner_id: buyer, ownership_share: 1 }] },
      })
    const results = await Promise.all([sale(b), sale(c)])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect(await s.storedTimelineOk()).toBe(true)
  })

  it('the existing endpoints keep working: assign-owner ends every running link today', async () => {
    const s = await setup(2)
    const [a, b] = [idOf(s.ids[0]), idOf(s.ids[1])]
    expect((await s.add(a, 1, '2020-01-01')).status).toBe(201)
    expect((await s.end(a, '2099-01-01')).status).toBe(200)
    const assigned = await api.request('PUT', `/api/v1/units/${s.unit.id}/assign-owner/${b}`, {
      token: s.token,
    })
    expect(assigned.status).toBe(200)
    expect(assigned.body.owner_id).toBe(b)
    expect(await s.storedTimelineOk()).toBe(true)
  })
})

describe('issue #20.4 — dismembered ownership: usufruct and bare ownership', () => {
  it('right_type is stored (was dropped) and the bare owner can be added (was 409)', async () => {
    const s = await setup(3)
    const [u, n1, n2] = [idOf(s.ids[0]), idOf(s.ids[1]), idOf(s.ids[2])]
    const usufruct = await s.add(u, 1, '2020-01-01', { right_type: 'usufruct' })
    expect(usufruct.status).toBe(201)
    expect(usufruct.body.right_type).toBe('usufruct')
    // Two children in indivision on the bare ownership.
    expect((await s.add(n1, 0.5, '2020-01-01', { right_type: 'bare' })).status).toBe(201)
    expect((await s.add(n2, 0.5, '2020-01-01', { right_type: 'bare' })).status).toBe(201)
    const over = await s.add(idOf(s.ids[1]), 0.1, '2021-01-01', { right_type: 'full' })
    expect(over.status).toBe(409)
    expect((await s.add(n1, 0.1, '2020-01-01', { right_type: 'lease' })).status).toBe(400)
    const roles = await s.owners()
    expect(roles.map((l) => [l.owner_id, l.right_type, l.votes, l.receives_calls]).sort()).toEqual(
      [
        [u, 'usufruct', true, true],
        [n1, 'bare', false, false],
        [n2, 'bare', false, false],
      ].sort(),
    )
  })

  it('representatives are designated per lot from a date; the default returns when the designee leaves', async () => {
    const s = await setup(2)
    const [u, n] = [idOf(s.ids[0]), idOf(s.ids[1])]
    expect((await s.add(u, 1, '2020-01-01', { right_type: 'usufruct' })).status).toBe(201)
    expect((await s.add(n, 1, '2020-01-01', { right_type: 'bare' })).status).toBe(201)
    const put = (body: unknown) =>
      api.request('PUT', `/api/v1/units/${s.unit.id}/representatives`, { token: s.token, body })
    const designated = await put({ start_date: '2024-01-01', voter_owner_id: n, calls_owner_id: null })
    expect(designated.status, JSON.stringify(designated.body)).toBe(200)
    const before = await s.owners('?date=2023-12-31')
    const after = await s.owners('?date=2024-01-01')
    const roleOf = (links: Link[], id: string) => links.find((l) => l.owner_id === id)
    expect(roleOf(before, n)).toMatchObject({ votes: false, receives_calls: false })
    expect(roleOf(after, n)).toMatchObject({ votes: true, receives_calls: false })
    expect(roleOf(after, u)).toMatchObject({ votes: false, receives_calls: true })
    const stranger = await fx.owner(s.token)
    expect(
      (await put({ start_date: '2024-01-01', voter_owner_id: stranger.id, calls_owner_id: null })).status,
    ).toBe(400)
    const audit = (await api.inspect.execute(
      sql`select count(*)::int as n from audit_log where entity_id = ${s.unit.id} and action = 'unit.representatives'`,
    )) as { rows: { n: number }[] }
    expect(audit.rows[0]?.n).toBe(1)
  })

  it('the distribution charges the usufructuary, never the bare owner, and stays exact', async () => {
    const s = await setup(3)
    const [f, u, n] = [idOf(s.ids[0]), idOf(s.ids[1]), idOf(s.ids[2])]
    // Half in full ownership, the other half dismembered.
    expect((await s.add(f, 0.5, '2020-01-01')).status).toBe(201)
    expect((await s.add(u, 0.5, '2020-01-01', { right_type: 'usufruct' })).status).toBe(201)
    expect((await s.add(n, 0.5, '2020-01-01', { right_type: 'bare' })).status).toBe(201)
    const expense = await api.request('POST', '/api/v1/expenses', {
      token: s.token,
      body: {
        building_id: s.building.id,
        category: 'Maintenance',
        description: 'Entretien',
        amount: '1000.00',
        expense_date: '2026-03-01',
      },
    })
    expect(expense.status, JSON.stringify(expense.body)).toBe(201)
    const dist = await api.request('GET', `/api/v1/expenses/${expense.body.id}/distribution`, {
      token: s.token,
    })
    expect(dist.status, JSON.stringify(dist.body)).toBe(200)
    const unitPart = dist.body.units.find((x: { unit_id: string }) => x.unit_id === s.unit.id)
    expect(unitPart.owners.map((o: { owner_id: string }) => o.owner_id).sort()).toEqual([f, u].sort())
    expect(unitPart.unassigned_cents).toBe(0)
    const parts = unitPart.owners.map((o: { amount_cents: number }) => o.amount_cents)
    expect(parts[0] + parts[1]).toBe(unitPart.amount_cents)
  })
})

describe('docs/property-register.md — the worked example, as the API answers it', () => {
  it('lot 3B: a sale, a death dismembering one half, a designated voter', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const building = await fx.building(token, { total_tantiemes: 1000 })
    const lot = await fx.unit(token, building.id, { unit_number: '3B', quota: 120 })
    const [anne, bruno, chloe, diane, eric, sister] = await Promise.all(
      Array.from({ length: 6 }, () => fx.owner(token)),
    )
    const id = (o: { id: string } | undefined) => o?.id as string
    const post = (path: string, body: unknown) => api.request('POST', path, { token, body })
    expect(
      (
        await post(`/api/v1/units/${lot.id}/owners`, {
          owner_id: id(anne),
          ownership_share: 1,
          start_date: '2020-01-01',
        })
      ).status,
    ).toBe(201)
    const sale = await post(`/api/v1/units/${lot.id}/transfer`, {
      deed_date: '2024-03-15',
      buyers: [
        { owner_id: id(bruno), ownership_share: 0.5, is_primary_contact: true },
        { owner_id: id(chloe), ownership_share: 0.5 },
      ],
    })
    expect(sale.status, JSON.stringify(sale.body)).toBe(200)
    const death = await post(`/api/v1/units/${lot.id}/transfer`, {
      deed_date: '2026-09-01',
      sellers: [id(bruno)],
      buyers: [
        { owner_id: id(diane), ownership_share: 0.5, right_type: 'usufruct' },
        { owner_id: id(eric), ownership_share: 0.5, right_type: 'bare' },
      ],
    })
    expect(death.status, JSON.stringify(death.body)).toBe(200)
    const designation = await api.request('PUT', `/api/v1/units/${lot.id}/representatives`, {
      token,
      body: { start_date: '2027-01-01', voter_owner_id: id(chloe), calls_owner_id: null },
    })
    expect(designation.status).toBe(200)

    const charges = async (date: string) => {
      const e = await post('/api/v1/expenses', {
        building_id: building.id,
        category: 'Maintenance',
        description: 'Entretien',
        amount: '1000.00',
        expense_date: date,
      })
      expect(e.status, JSON.stringify(e.body)).toBe(201)
      const d = await api.request('GET', `/api/v1/expenses/${e.body.id}/distribution`, { token })
      const part = d.body.units.find((u: { unit_id: string }) => u.unit_id === lot.id)
      return Object.fromEntries(
        part.owners.map((o: { owner_id: string; amount_cents: number }) => [o.owner_id, o.amount_cents]),
      )
    }
    expect(await charges('2024-03-14')).toEqual({ [id(anne)]: 12_000 })
    expect(await charges('2024-03-15')).toEqual({ [id(bruno)]: 6_000, [id(chloe)]: 6_000 })
    expect(await charges('2026-10-01')).toEqual({ [id(chloe)]: 6_000, [id(diane)]: 6_000 })

    const on = async (date: string) =>
      (
        (await api.request('GET', `/api/v1/units/${lot.id}/owners?date=${date}`, { token })).body as Link[]
      ).map((l) => [l.owner_id, l.right_type, l.votes, l.receives_calls])
    expect(await on('2024-03-14')).toEqual([[id(anne), 'full', true, true]])
    expect((await on('2026-10-01')).sort()).toEqual(
      [
        [id(chloe), 'full', true, true],
        [id(diane), 'usufruct', true, true],
        [id(eric), 'bare', false, false],
      ].sort(),
    )
    expect((await on('2027-01-01')).sort()).toEqual(
      [
        [id(chloe), 'full', true, true],
        [id(diane), 'usufruct', false, true],
        [id(eric), 'bare', false, false],
      ].sort(),
    )
    const refused = await post(`/api/v1/units/${lot.id}/owners`, {
      owner_id: id(sister),
      ownership_share: 0.5,
      right_type: 'bare',
      start_date: '2026-09-01',
    })
    expect(refused.status).toBe(409)
    expect(refused.body.code).toBe('ownership_share_exceeded')
  })
})
