import { beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../identity/actor.ts'
import type { DomainError } from '../shared/domain-error.ts'
import type { Result } from '../shared/result.ts'
import { type CreateExpenseInput, createExpense } from './create-expense.use-case.ts'
import type { Expense } from './expense.entity.ts'
import type { ExpenseSortField } from './finance.ports.ts'
import { getExpense } from './get-expense.use-case.ts'
import { getExpenseDistribution } from './get-expense-distribution.use-case.ts'
import { getOwnerCharges } from './get-owner-charges.use-case.ts'
import { listExpenses } from './list-expenses.use-case.ts'
import { markExpensePaid } from './mark-expense-paid.use-case.ts'
import { actorOf, FinanceWorld } from './testing/finance-test-context.ts'

const PAGE = { page: 1, perPage: 20, sortBy: 'expense_date' as ExpenseSortField, order: 'asc' as const }

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`)
  return r.value
}
function failure<T>(r: Result<T>): DomainError {
  if (r.ok) throw new Error('expected an error')
  return r.error
}

/**
 * org-1, building B (1000 tantièmes): A1 (600) owned by Alice alone; A2 (400) held by Bob and
 * Carol half each until Carol sells her half to Dave on 2026-02-01. Alice and Bob have owner
 * logins. org-2 has its own building. Eve owns a unit in another org-1 building, C.
 */
let world: FinanceWorld
let ids: Record<'b' | 'c' | 'x' | 'a1' | 'a2' | 'alice' | 'bob' | 'carol' | 'dave' | 'eve', string>
const syndic = actorOf('syndic', 'org-1')
const accountant = actorOf('accountant', 'org-1')
const superadmin = actorOf('superadmin', null)
const alice = actorOf('owner', 'org-1', 'user-alice')
const bob = actorOf('owner', 'org-1', 'user-bob')
const eve = actorOf('owner', 'org-1', 'user-eve')
const otherSyndic = actorOf('syndic', 'org-2', 'user-other')

beforeEach(() => {
  world = new FinanceWorld()
  const b = world.addBuilding('org-1', 1000)
  const c = world.addBuilding('org-1', 100)
  const x = world.addBuilding('org-2', 1000)
  const a1 = world.addUnit(b, 'A1', 600)
  const a2 = world.addUnit(b, 'A2', 400)
  const c1 = world.addUnit(c, '1', 100)
  const ownerAlice = world.addOwner('org-1', 'user-alice')
  const ownerBob = world.addOwner('org-1', 'user-bob')
  const ownerCarol = world.addOwner('org-1')
  const ownerDave = world.addOwner('org-1')
  const ownerEve = world.addOwner('org-1', 'user-eve')
  world.addOwnership(a1, ownerAlice, 1_000_000)
  world.addOwnership(a2, ownerBob, 500_000)
  world.addOwnership(a2, ownerCarol, 500_000, '2020-01-01', '2026-02-01')
  world.addOwnership(a2, ownerDave, 500_000, '2026-02-01')
  world.addOwnership(c1, ownerEve, 1_000_000)
  ids = {
    b: b.id,
    c: c.id,
    x: x.id,
    a1: a1.id,
    a2: a2.id,
    alice: ownerAlice.id,
    bob: ownerBob.id,
    carol: ownerCarol.id,
    dave: ownerDave.id,
    eve: ownerEve.id,
  }
})

const input = (over: Partial<CreateExpenseInput> = {}): CreateExpenseInput => ({
  buildingId: ids.b,
  category: 'Repairs',
  description: 'Roof repair',
  amount: '1000.01',
  expenseDate: '2026-01-15',
  ...over,
})

async function create(over: Partial<CreateExpenseInput> = {}, actor: Actor = syndic): Promise<Expense> {
  return value(await createExpense({ ctx: world.context(actor), input: input(over) }))
}

describe('createExpense', () => {
  it('creates a Pending expense in the actor organization, approved and posted at once (v1), and audits both', async () => {
    const e = await create({ supplier: 'Toitures SA' })
    expect(e).toMatchObject({
      organizationId: 'org-1',
      buildingId: ids.b,
      amountCents: 100_001,
      paymentStatus: 'Pending',
      paidDate: null,
      supplier: 'Toitures SA',
      version: 1,
    })
    expect(world.audit).toEqual([
      expect.objectContaining({
        action: 'expense.create',
        entityId: e.id,
        organizationId: 'org-1',
        requestId: 'req-1',
      }),
      expect.objectContaining({ action: 'expense.approve', entityId: e.id }),
    ])
    expect(
      world.ledger.entries.map((x) => x.lines.map((l) => [l.account, l.debitCents, l.creditCents])),
    ).toEqual([
      [
        ['611', 100_001, 0],
        ['440', 0, 100_001],
      ],
    ])
  })

  it('needs finance:write: an accountant may, an owner may not', async () => {
    expect((await create({}, accountant)).organizationId).toBe('org-1')
    expect(failure(await createExpense({ ctx: world.context(alice), input: input() })).kind).toBe('forbidden')
  })

  it("treats another tenant's building like a missing one", async () => {
    expect(failure(await createExpense({ ctx: world.context(otherSyndic), input: input() }))).toMatchObject({
      kind: 'not_found',
      entity: 'Building',
    })
    expect(
      failure(await createExpense({ ctx: world.context(syndic), input: input({ buildingId: 'nope' }) })).kind,
    ).toBe('not_found')
    expect(world.expenses.rows.size).toBe(0)
  })

  it("lets a superadmin create in the building's organization", async () => {
    expect((await create({ buildingId: ids.x }, superadmin)).organizationId).toBe('org-2')
  })

  it('reports amount and field issues together', async () => {
    const e = failure(
      await createExpense({
        ctx: world.context(syndic),
        input: input({ amount: '10', amountCents: 999, description: '' }),
      }),
    )
    expect(e.kind === 'validation' && e.issues.map((i) => i.path)).toEqual([
      'amount',
      'amount_cents',
      'description',
    ])
  })
})

describe('getExpense', () => {
  it('reads within the tenant; another tenant gets not_found', async () => {
    const e = await create()
    expect(value(await getExpense({ ctx: world.context(accountant), input: { id: e.id } })).id).toBe(e.id)
    expect(value(await getExpense({ ctx: world.context(superadmin), input: { id: e.id } })).id).toBe(e.id)
    expect(failure(await getExpense({ ctx: world.context(otherSyndic), input: { id: e.id } })).kind).toBe(
      'not_found',
    )
  })

  it('an owner reads the expenses of their buildings only (not_found otherwise)', async () => {
    const e = await create()
    expect(value(await getExpense({ ctx: world.context(alice), input: { id: e.id } })).id).toBe(e.id)
    expect(failure(await getExpense({ ctx: world.context(eve), input: { id: e.id } })).kind).toBe('not_found')
    const stranger = actorOf('owner', 'org-1', 'user-without-owner-record')
    expect(failure(await getExpense({ ctx: world.context(stranger), input: { id: e.id } })).kind).toBe(
      'not_found',
    )
  })
})

describe('listExpenses', () => {
  it('filters and paginates within the tenant', async () => {
    const a = await create({ amount: 100, category: 'Cleaning', expenseDate: '2026-01-01' })
    const b = await create({ amount: 500, category: 'Repairs', expenseDate: '2026-02-01' })
    await create({ amount: 900, category: 'Repairs', expenseDate: '2026-03-01', buildingId: ids.c })
    await create({ buildingId: ids.x }, superadmin)
    value(
      await markExpensePaid({
        ctx: world.context(syndic),
        input: { id: a.id, fields: {}, expectedVersion: undefined },
      }),
    )

    const list = async (q: Parameters<typeof listExpenses>[0]['input']['query']) =>
      value(
        await listExpenses({ ctx: world.context(accountant), input: { query: q, page: PAGE } }),
      ).items.map((e) => e.id)
    expect(await list({})).toHaveLength(3)
    expect(await list({ buildingId: ids.b })).toEqual([a.id, b.id])
    expect(await list({ paid: true })).toEqual([a.id])
    expect(await list({ paid: false, category: 'Repairs', maxAmountCents: 50_000 })).toEqual([b.id])
    expect(await list({ dateFrom: '2026-01-15', dateTo: '2026-02-28' })).toEqual([b.id])
    expect(
      value(
        await listExpenses({
          ctx: world.context(accountant),
          input: { query: {}, page: { ...PAGE, perPage: 2 } },
        }),
      ).total,
    ).toBe(3)
  })

  it('404s on a building of another tenant and validates the ranges', async () => {
    expect(
      failure(
        await listExpenses({
          ctx: world.context(syndic),
          input: { query: { buildingId: ids.x }, page: PAGE },
        }),
      ).kind,
    ).toBe('not_found')
    const bad = failure(
      await listExpenses({
        ctx: world.context(syndic),
        input: {
          query: { minAmountCents: 10, maxAmountCents: 5, dateFrom: '2026-02-01', dateTo: '2026-01-01' },
          page: PAGE,
        },
      }),
    )
    expect(bad.kind === 'validation' && bad.issues.map((i) => i.path)).toEqual(['max_amount', 'date_to'])
  })

  it('a superadmin lists every organization, or the one named (or a building’s)', async () => {
    await create({ buildingId: ids.x }, superadmin)
    await create({})
    // Without a filter: every organization's expenses (issue #20, item 11).
    const all = value(
      await listExpenses({ ctx: world.context(superadmin), input: { query: {}, page: PAGE } }),
    )
    expect(new Set(all.items.map((e) => e.organizationId))).toEqual(new Set(['org-1', 'org-2']))
    expect(all.total).toBe(2)
    expect(
      value(
        await listExpenses({
          ctx: world.context(superadmin),
          input: { query: { organizationId: 'org-2' }, page: PAGE },
        }),
      ).total,
    ).toBe(1)
    expect(
      value(
        await listExpenses({
          ctx: world.context(superadmin),
          input: { query: { buildingId: ids.x }, page: PAGE },
        }),
      ).total,
    ).toBe(1)
  })

  it("an owner lists only their buildings' expenses, and while they held a unit after a sale", async () => {
    const inB = await create({ expenseDate: '2026-01-10' })
    const inBLater = await create({ expenseDate: '2026-03-10' })
    const inC = await create({ buildingId: ids.c })
    const ids_ = async (actor: Actor, q = {}) =>
      value(await listExpenses({ ctx: world.context(actor), input: { query: q, page: PAGE } })).items.map(
        (e) => e.id,
      )
    expect(await ids_(alice)).toEqual([inB.id, inBLater.id])
    expect(await ids_(eve)).toEqual([inC.id])
    expect(
      failure(
        await listExpenses({ ctx: world.context(eve), input: { query: { buildingId: ids.b }, page: PAGE } }),
      ).kind,
    ).toBe('not_found')
    // Carol sold on 2026-02-01: give her a login to check the window.
    const carol = world.owners.find((o) => o.id === ids.carol)
    if (!carol) throw new Error('fixture')
    world.owners[world.owners.indexOf(carol)] = { ...carol, userId: 'user-carol' }
    expect(await ids_(actorOf('owner', 'org-1', 'user-carol'))).toEqual([inB.id])
    expect(
      value(
        await listExpenses({
          ctx: world.context(actorOf('owner', 'org-1', 'nobody')),
          input: { query: {}, page: PAGE },
        }),
      ),
    ).toEqual({
      items: [],
      total: 0,
    })
  })
})

describe('markExpensePaid', () => {
  it('pays with today by default, audits, and refuses a second payment', async () => {
    const e = await create()
    const paid = value(
      await markExpensePaid({
        ctx: world.context(accountant),
        input: { id: e.id, fields: {}, expectedVersion: 1 },
      }),
    )
    expect(paid).toMatchObject({ paymentStatus: 'Paid', paidDate: '2026-03-15', version: 2 })
    expect(world.audit.at(-1)).toMatchObject({ action: 'expense.mark_paid', entityId: e.id })
    expect(
      failure(
        await markExpensePaid({
          ctx: world.context(syndic),
          input: { id: e.id, fields: {}, expectedVersion: undefined },
        }),
      ),
    ).toMatchObject({
      kind: 'conflict',
      code: 'expense_already_paid',
    })
  })

  it('honours an explicit date, the expected version, and tenancy', async () => {
    const e = await create()
    expect(
      failure(
        await markExpensePaid({
          ctx: world.context(syndic),
          input: { id: e.id, fields: {}, expectedVersion: 7 },
        }),
      ),
    ).toMatchObject({
      kind: 'version_conflict',
      currentVersion: 1,
    })
    expect(
      failure(
        await markExpensePaid({
          ctx: world.context(syndic),
          input: { id: e.id, fields: { paidDate: '2026-01-14' }, expectedVersion: 1 },
        }),
      ).kind,
    ).toBe('validation')
    expect(
      failure(
        await markExpensePaid({
          ctx: world.context(otherSyndic),
          input: { id: e.id, fields: {}, expectedVersion: 1 },
        }),
      ).kind,
    ).toBe('not_found')
    expect(
      failure(
        await markExpensePaid({
          ctx: world.context(alice),
          input: { id: e.id, fields: {}, expectedVersion: 1 },
        }),
      ).kind,
    ).toBe('forbidden')
    expect(
      value(
        await markExpensePaid({
          ctx: world.context(superadmin),
          input: { id: e.id, fields: { paidDate: '2026-01-20' }, expectedVersion: 1 },
        }),
      ).paidDate,
    ).toBe('2026-01-20')
    expect(world.audit.filter((a) => a.action === 'expense.mark_paid')).toHaveLength(1)
  })

  it('surfaces a lost race on the conditional update as a version conflict', async () => {
    const e = await create()
    const repo = world.expenses
    const original = repo.update.bind(repo)
    repo.update = async () => false
    expect(
      failure(
        await markExpensePaid({
          ctx: world.context(syndic),
          input: { id: e.id, fields: {}, expectedVersion: undefined },
        }),
      ).kind,
    ).toBe('version_conflict')
    repo.update = original
  })
})

describe('getExpenseDistribution', () => {
  it('uses the ownership links active on the expense date', async () => {
    const before = await create({ amount: '1000.01', expenseDate: '2026-01-31' })
    const after = await create({ amount: '1000.01', expenseDate: '2026-02-01' })
    const d1 = value(await getExpenseDistribution({ ctx: world.context(syndic), input: { id: before.id } }))
    const d2 = value(await getExpenseDistribution({ ctx: world.context(syndic), input: { id: after.id } }))
    // 100 001 cents: A1 60 000.6 → 60 001, A2 40 000.4 → 40 000; halves of A2 are 20 000.2 each.
    expect(d1.units.map((u) => [u.unitNumber, u.amountCents])).toEqual([
      ['A1', 60_001],
      ['A2', 40_000],
    ])
    expect(d1.units[1]?.owners.map((o) => [o.ownerId, o.amountCents])).toEqual([
      [ids.bob, 20_000],
      [ids.carol, 20_000],
    ])
    expect(d2.units[1]?.owners.map((o) => o.ownerId)).toEqual([ids.bob, ids.dave].sort())
    expect(d1).toMatchObject({ expenseId: before.id, expenseDate: '2026-01-31', unallocatedCents: 0 })
  })

  it('is readable by an owner of the building, not by others', async () => {
    const e = await create()
    expect(
      value(await getExpenseDistribution({ ctx: world.context(bob), input: { id: e.id } })).amountCents,
    ).toBe(100_001)
    expect(failure(await getExpenseDistribution({ ctx: world.context(eve), input: { id: e.id } })).kind).toBe(
      'not_found',
    )
    expect(
      failure(await getExpenseDistribution({ ctx: world.context(otherSyndic), input: { id: e.id } })).kind,
    ).toBe('not_found')
  })

  it('reports inconsistent stored quotas as a conflict (nothing could be frozen at approval)', async () => {
    const b = world.buildings.find((x) => x.id === ids.b)
    if (!b) throw new Error('fixture')
    world.buildings[world.buildings.indexOf(b)] = { ...b, totalTantiemes: 900 }
    const e = await create()
    expect(e.distribution).toBeNull()
    expect(
      failure(await getExpenseDistribution({ ctx: world.context(syndic), input: { id: e.id } })),
    ).toMatchObject({
      kind: 'conflict',
      code: 'inconsistent_charge_basis',
    })
  })
})

describe('getOwnerCharges', () => {
  it("sums an owner's parts on the expense dates, paid vs unpaid, without cancelled expenses", async () => {
    const jan = await create({ amount: 100, expenseDate: '2026-01-10' })
    const mar = await create({ amount: 300, expenseDate: '2026-03-10', category: 'Cleaning' })
    const cancelled = await create({ amount: 999, expenseDate: '2026-01-12' })
    world.expenses.rows.set(cancelled.id, { ...cancelled, paymentStatus: 'Cancelled' })
    value(
      await markExpensePaid({
        ctx: world.context(syndic),
        input: { id: jan.id, fields: {}, expectedVersion: undefined },
      }),
    )

    const bobCharges = value(
      await getOwnerCharges({ ctx: world.context(accountant), input: { ownerId: ids.bob } }),
    )
    expect(bobCharges.lines.map((l) => [l.expenseId, l.unitId, l.amountCents, l.paymentStatus])).toEqual([
      [jan.id, ids.a2, 2000, 'Paid'],
      [mar.id, ids.a2, 6000, 'Pending'],
    ])
    expect(bobCharges.totals).toEqual({ totalCents: 8000, paidCents: 2000, unpaidCents: 6000 })

    // Carol sold on 2026-02-01: only January is hers; Dave only March.
    const carol = value(await getOwnerCharges({ ctx: world.context(syndic), input: { ownerId: ids.carol } }))
    expect(carol.lines.map((l) => l.expenseId)).toEqual([jan.id])
    const dave = value(await getOwnerCharges({ ctx: world.context(syndic), input: { ownerId: ids.dave } }))
    expect(dave.lines.map((l) => [l.expenseId, l.amountCents])).toEqual([[mar.id, 6000]])
    expect(dave.lines[0]).toMatchObject({
      category: 'Cleaning',
      description: 'Roof repair',
      buildingId: ids.b,
    })

    const filtered = value(
      await getOwnerCharges({
        ctx: world.context(syndic),
        input: { ownerId: ids.bob, period: { dateFrom: '2026-02-01' } },
      }),
    )
    expect(filtered.totals.totalCents).toBe(6000)
  })

  it('an owner-role user may read only their own owner record (not_found otherwise)', async () => {
    await create({ amount: 100 })
    expect(
      value(await getOwnerCharges({ ctx: world.context(bob), input: { ownerId: ids.bob } })).totals
        .totalCents,
    ).toBe(2000)
    expect(
      failure(await getOwnerCharges({ ctx: world.context(bob), input: { ownerId: ids.alice } })),
    ).toMatchObject({
      kind: 'not_found',
      entity: 'Owner',
    })
    expect(
      failure(await getOwnerCharges({ ctx: world.context(otherSyndic), input: { ownerId: ids.bob } })).kind,
    ).toBe('not_found')
    expect(
      value(await getOwnerCharges({ ctx: world.context(superadmin), input: { ownerId: ids.alice } })).totals
        .totalCents,
    ).toBe(6000)
  })

  it('an account auditor of D reads owners of D, with the lines and totals of D only', async () => {
    // Bob also holds D's one lot: one B expense and one D expense touch him.
    const d = world.addBuilding('org-1', 1000)
    const bobOwner = world.owners.find((o) => o.id === ids.bob)
    if (!bobOwner) throw new Error('fixture')
    world.addOwnership(world.addUnit(d, 'D1', 1000), bobOwner, 1_000_000)
    await create({ amount: 100 })
    const inD = await create({ buildingId: d.id, amount: 50 })
    const auditorOfD: Actor = { ...actorOf('auditor', 'org-1', 'user-auditor'), auditedBuildingIds: [d.id] }
    const bob = value(await getOwnerCharges({ ctx: world.context(auditorOfD), input: { ownerId: ids.bob } }))
    expect(bob.lines.map((l) => [l.expenseId, l.buildingId, l.amountCents])).toEqual([[inD.id, d.id, 5000]])
    expect(bob.totalLines).toBe(1)
    expect(bob.totals.totalCents).toBe(5000)
    // Alice holds nothing in D: a 404, as a missing owner; without a grant, nobody.
    expect(
      failure(await getOwnerCharges({ ctx: world.context(auditorOfD), input: { ownerId: ids.alice } })),
    ).toMatchObject({ kind: 'not_found', entity: 'Owner' })
    const noGrant = actorOf('auditor', 'org-1', 'user-auditor')
    expect(
      failure(await getOwnerCharges({ ctx: world.context(noGrant), input: { ownerId: ids.bob } })).kind,
    ).toBe('not_found')
  })

  it('agrees with the distribution, line by line, and stays exact across many expenses', async () => {
    const amounts = ['0.01', '0.03', '33.33', '1000.01', '999999.99', '7']
    const created: Expense[] = []
    for (const [i, amount] of amounts.entries()) {
      created.push(await create({ amount, expenseDate: `2026-01-${String(10 + i).padStart(2, '0')}` }))
    }
    let grand = 0
    for (const owner of [ids.alice, ids.bob, ids.carol, ids.dave]) {
      grand += value(await getOwnerCharges({ ctx: world.context(syndic), input: { ownerId: owner } })).totals
        .totalCents
    }
    // Every unit is fully owned in January, so the owners' parts add up to the expenses exactly.
    expect(grand).toBe(created.reduce((s, e) => s + e.amountCents, 0))
  })
})
