import { writeCoda } from '@koprogo/domain/bank-testing'
import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/*
 * What the assembly's account auditor (art. 3.91, issue #16 item 5) reads, end to end, with real
 * data in TWO buildings of the same firm: everything of the audited building B a commissaire
 * checks (building, lots, owners, expenses and their split, calls, owner accounts, bank statements
 * and movements, books, fiscal years, statements, annual accounts, building documents, reminders);
 * nothing of building C (404, like another tenant's row) — not in a list, not in a total; and no
 * write anywhere (403), with the database unchanged.
 */

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

const IBAN_B = 'BE68539007547034'
const IBAN_C = 'BE62510007547061'
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

type Ids = { id: string }
type World = Awaited<ReturnType<typeof seed>>

/** Uploads a document like a browser (multipart bytes). */
async function upload(token: string, buildingId: string, title: string): Promise<Ids> {
  const f = new FormData()
  for (const [k, v] of Object.entries({ building_id: buildingId, document_type: 'Other', title })) f.set(k, v)
  f.set('file', new File([PDF], 'piece.pdf', { type: 'application/pdf' }))
  const encoded = new Response(f)
  const res = await api.request('POST', '/api/v1/documents', {
    token,
    rawBody: await encoded.arrayBuffer(),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as Ids
}

/** One building with two lots, a working-capital account, a call, a payment, an expense, a bank statement, a document. */
async function building(token: string, iban: string, owners: readonly string[], expenseCents: number) {
  const b = await fx.building(token, { total_units: 2, total_tantiemes: 1000 })
  const units: Ids[] = []
  for (const [i, ownerId] of owners.entries()) {
    const u = await fx.unit(token, b.id, { unit_number: `L${i + 1}`, quota: 500 })
    units.push(u)
    const link = await api.request('POST', `/api/v1/units/${u.id}/owners`, {
      token,
      body: { owner_id: ownerId, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
    })
    expect(link.status, JSON.stringify(link.body)).toBe(201)
  }
  const account = await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/working_capital`, {
    token,
    body: { iban, holder_name: 'ACP' },
  })
  expect(account.status, JSON.stringify(account.body)).toBe(200)
  const call = await api.request('POST', `/api/v1/buildings/${b.id}/calls`, {
    token,
    body: {
      kind: 'extraordinary',
      label: 'Toiture',
      issue_date: '2025-02-01',
      due_date: '2025-03-01',
      amount_cents: 100_000,
      resolution_ref: 'AG 2025-01-15 point 4',
      account: 'working_capital',
    },
  })
  expect(call.status, JSON.stringify(call.body)).toBe(201)
  const payment = await api.request('POST', `/api/v1/buildings/${b.id}/payments`, {
    token,
    body: { owner_id: owners[0], amount_cents: 20_000, payment_date: '2025-02-10' },
  })
  expect(payment.status, JSON.stringify(payment.body)).toBe(201)
  const expense = await api.request('POST', '/api/v1/expenses', {
    token,
    body: {
      building_id: b.id,
      category: 'Repairs',
      description: 'Réparation porte',
      amount_cents: expenseCents,
      expense_date: '2025-05-05',
    },
  })
  expect(expense.status, JSON.stringify(expense.body)).toBe(201)
  const coda = writeCoda([
    {
      iban,
      statementNumber: 1,
      oldBalanceCents: 0,
      newBalanceCents: 5_000,
      oldBalanceDate: '2025-03-01',
      newBalanceDate: '2025-03-02',
      movements: [
        {
          sequence: 1,
          amountCents: 5_000,
          valueDate: '2025-03-02',
          bookingDate: '2025-03-02',
          bankReference: `REF-${iban}`,
          freeText: 'cotisation',
        },
      ],
    },
  ])
  const form = new FormData()
  form.set('file', new Blob([coda]), 'statement.cod')
  const statement = await api.request('POST', `/api/v1/buildings/${b.id}/bank-statements`, {
    token,
    rawBody: form,
  })
  expect(statement.status, JSON.stringify(statement.body)).toBe(201)
  const statements = await api.request('GET', `/api/v1/buildings/${b.id}/bank-statements`, { token })
  const movements = await api.request('GET', `/api/v1/buildings/${b.id}/bank-movements`, { token })
  const document = await upload(token, b.id, 'Contrat ascenseur')
  return {
    id: b.id,
    units,
    callId: (call.body as Ids).id,
    expenseId: (expense.body as Ids).id,
    statementId: (statements.body as { data: Ids[] }).data[0]?.id as string,
    movementId: (movements.body as { data: Ids[] }).data[0]?.id as string,
    documentId: document.id,
  }
}

async function seed() {
  const t = await api.tenant()
  const token = t.syndic.token
  const onlyB = await fx.owner(token, { last_name: 'SeulementB' })
  const onlyC = await fx.owner(token, { last_name: 'SeulementC' })
  const both = await fx.owner(token, { last_name: 'LesDeux' })
  // Different expense amounts, so a figure of C in a report or total of B would show.
  const B = await building(token, IBAN_B, [onlyB.id, both.id], 12_345)
  const C = await building(token, IBAN_C, [onlyC.id, both.id], 67_890)
  // A letter addressed to one owner of B (a convocation, a reminder): private to that owner.
  const letter = await upload(token, B.id, 'Lettre personnelle')
  await api.inspect.execute(
    sql`update documents set addressee_owner_id = ${onlyB.id} where id = ${letter.id}`,
  )
  const closed = await api.request('POST', `/api/v1/buildings/${B.id}/fiscal-years/2025/close`, { token })
  expect(closed.status, JSON.stringify(closed.body)).toBe(201)
  const auditor = await api.user('auditor', t.org.id)
  const granted = await api.request('POST', `/api/v1/buildings/${B.id}/auditors`, {
    token,
    body: { user_id: auditor.id },
  })
  expect(granted.status, JSON.stringify(granted.body)).toBe(201)
  return {
    t,
    token,
    a: auditor.token,
    auditorId: auditor.id,
    B,
    C,
    owners: { onlyB, onlyC, both },
    letterId: letter.id,
  }
}

let w: World
beforeAll(async () => {
  w = await seed()
}, 120_000)

const get = (path: string) => api.request('GET', path, { token: w.a })
async function ok<T = Record<string, unknown>>(path: string): Promise<T> {
  const res = await get(path)
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200)
  return res.body as T
}
async function missing(path: string) {
  const res = await get(path)
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(404)
}
type List = { data: { id: string; building_id?: string }[]; pagination?: { total_items: number } }

describe('account auditor of building B reads B, and only B (issue #16 item 5)', () => {
  it('building lists and pages: B alone, C is a 404', async () => {
    const buildings = await ok<List>('/api/v1/buildings')
    expect(buildings.data.map((b) => b.id)).toEqual([w.B.id])
    expect(buildings.pagination?.total_items).toBe(1)
    await ok(`/api/v1/buildings/${w.B.id}`)
    await missing(`/api/v1/buildings/${w.C.id}`)
  })

  it('lots and owners of B (to read the statements), none of C', async () => {
    const units = await ok<List>('/api/v1/units?per_page=100')
    expect(units.data.map((u) => u.id).sort()).toEqual(w.B.units.map((u) => u.id).sort())
    expect(units.pagination?.total_items).toBe(2)
    const inB = await ok<List>(`/api/v1/buildings/${w.B.id}/units`)
    expect(inB.data).toHaveLength(2)
    await missing(`/api/v1/buildings/${w.C.id}/units`)
    await ok(`/api/v1/units/${w.B.units[0]?.id}`)
    await ok(`/api/v1/units/${w.B.units[0]?.id}/owners`)
    await missing(`/api/v1/units/${w.C.units[0]?.id}`)
    await missing(`/api/v1/units/${w.C.units[0]?.id}/owners`)

    const owners = await ok<List>('/api/v1/owners?per_page=100')
    expect(owners.data.map((o) => o.id).sort()).toEqual([w.owners.onlyB.id, w.owners.both.id].sort())
    expect(owners.pagination?.total_items).toBe(2)
    await ok(`/api/v1/owners/${w.owners.onlyB.id}`)
    await missing(`/api/v1/owners/${w.owners.onlyC.id}`)
    // The owner of lots in both buildings: only their lot in B is shown.
    const lots = await ok<{ unit_id: string }[]>(`/api/v1/owners/${w.owners.both.id}/units`)
    expect(lots.map((l) => l.unit_id)).toEqual([w.B.units[1]?.id])
    await missing(`/api/v1/owners/${w.owners.onlyC.id}/units`)
  })

  it('expenses of B with their split; no row or total of C', async () => {
    const all = await ok<List>('/api/v1/expenses?per_page=100')
    expect(all.data.map((e) => e.id)).toEqual([w.B.expenseId])
    expect(all.pagination?.total_items).toBe(1)
    await ok(`/api/v1/buildings/${w.B.id}/expenses`)
    await missing(`/api/v1/buildings/${w.C.id}/expenses`)
    await missing(`/api/v1/expenses?building_id=${w.C.id}`)
    await ok(`/api/v1/expenses/${w.B.expenseId}`)
    await ok(`/api/v1/expenses/${w.B.expenseId}/distribution`)
    await missing(`/api/v1/expenses/${w.C.expenseId}`)
    await missing(`/api/v1/expenses/${w.C.expenseId}/distribution`)
  })

  it('calls for funds, bank accounts and the owners’ accounts of B only', async () => {
    // B's call, and the regularisation call B's year-end close created (ADR 0045); nothing of C.
    const calls = await ok<{ data: { id: string; building_id: string; kind: string }[] }>(
      `/api/v1/buildings/${w.B.id}/calls`,
    )
    expect(calls.data.map((c) => c.id)).toContain(w.B.callId)
    expect(calls.data.map((c) => c.kind).sort()).toEqual(['extraordinary', 'regularisation'])
    expect(calls.data.every((c) => c.building_id === w.B.id)).toBe(true)
    await missing(`/api/v1/buildings/${w.C.id}/calls`)
    await ok(`/api/v1/calls/${w.B.callId}`)
    await missing(`/api/v1/calls/${w.C.callId}`)
    await ok(`/api/v1/buildings/${w.B.id}/bank-accounts`)
    await missing(`/api/v1/buildings/${w.C.id}/bank-accounts`)

    await ok(`/api/v1/owners/${w.owners.onlyB.id}/account`)
    const both = await ok<{ buildings: { building_id: string }[] }>(
      `/api/v1/owners/${w.owners.both.id}/account`,
    )
    expect(both.buildings.map((b) => b.building_id)).toEqual([w.B.id])
    await missing(`/api/v1/owners/${w.owners.both.id}/account?building_id=${w.C.id}`)
    await missing(`/api/v1/owners/${w.owners.onlyC.id}/account`)
  })

  it('bank statements and movements of B only', async () => {
    const statements = await ok<List>(`/api/v1/buildings/${w.B.id}/bank-statements`)
    expect(statements.data.map((s) => s.id)).toEqual([w.B.statementId])
    await missing(`/api/v1/buildings/${w.C.id}/bank-statements`)
    await ok(`/api/v1/bank-statements/${w.B.statementId}`)
    await missing(`/api/v1/bank-statements/${w.C.statementId}`)
    const movements = await ok<List>(`/api/v1/buildings/${w.B.id}/bank-movements`)
    expect(movements.data.map((m) => m.id)).toEqual([w.B.movementId])
    await missing(`/api/v1/buildings/${w.C.id}/bank-movements`)
    await ok(`/api/v1/bank-movements/${w.B.movementId}`)
    await missing(`/api/v1/bank-movements/${w.C.movementId}`)
  })

  it('books, fiscal years, statements and annual accounts of B; C is a 404', async () => {
    const books = (id: string) => [
      `/api/v1/buildings/${id}/ledger/trial-balance?fiscal_year=2025`,
      `/api/v1/buildings/${id}/ledger/accounts/410?fiscal_year=2025`,
      `/api/v1/buildings/${id}/ledger/entries?fiscal_year=2025`,
      `/api/v1/buildings/${id}/fiscal-years`,
      `/api/v1/buildings/${id}/fiscal-years/2025/statements`,
      `/api/v1/buildings/${id}/fiscal-years/2025/accounts`,
    ]
    for (const path of books(w.B.id)) await ok(path)
    for (const path of books(w.C.id)) await missing(path)
    const statements = await ok<{ data: { owner_id: string }[] }>(
      `/api/v1/buildings/${w.B.id}/fiscal-years/2025/statements`,
    )
    expect(statements.data.map((s) => s.owner_id).sort()).toEqual(
      [w.owners.onlyB.id, w.owners.both.id].sort(),
    )
  })

  it('documents of B, never a letter addressed to one owner, nothing of C', async () => {
    const all = await ok<List>('/api/v1/documents?per_page=100')
    expect(all.data.map((d) => d.id)).toEqual([w.B.documentId])
    expect(all.pagination?.total_items).toBe(1)
    const inB = await ok<List>(`/api/v1/buildings/${w.B.id}/documents`)
    expect(inB.data.map((d) => d.id)).toEqual([w.B.documentId])
    await missing(`/api/v1/buildings/${w.C.id}/documents`)
    await ok(`/api/v1/documents/${w.B.documentId}`)
    const file = await api.app.request(`/api/v1/documents/${w.B.documentId}/download`, {
      headers: { authorization: `Bearer ${w.a}` },
    })
    expect(file.status).toBe(200)
    await missing(`/api/v1/documents/${w.letterId}`)
    await missing(`/api/v1/documents/${w.C.documentId}`)
  })

  it('the PCN report of B and its PDF and Excel exports, from B’s books only; C is a 404', async () => {
    const auditRows = async () =>
      (
        (await api.inspect.execute(
          sql`select count(*) as n from audit_log where organization_id = ${w.t.org.id}`,
        )) as { rows: { n: number | string }[] }
      ).rows[0]?.n
    const before = await auditRows()
    // POST only because v1 posted it: a read, for the auditor too (not a 403 like the writes).
    const report = await api.request('POST', `/api/v1/pcn/report/${w.B.id}`, { token: w.a })
    expect(report.status, JSON.stringify(report.body)).toBe(200)
    expect(report.body).toMatchObject({
      building_id: w.B.id,
      lines: [expect.objectContaining({ account_code: '611', total_amount_cents: 12_345, entry_count: 1 })],
      total_amount: '123.45',
      total_amount_cents: 12_345,
      total_entries: 1,
    })
    expect((report.body as { lines: unknown[] }).lines).toHaveLength(1)
    const byPeriod = await api.request('POST', `/api/v1/pcn/report/${w.B.id}`, {
      token: w.a,
      body: { start_date: '2025-06-01', end_date: '2025-12-31' },
    })
    expect(byPeriod.status).toBe(200)
    expect(byPeriod.body).toMatchObject({ lines: [], total_amount_cents: 0 })

    const download = async (path: string) => {
      const res = await api.app.request(path, { headers: { authorization: `Bearer ${w.a}` } })
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        bytes: new Uint8Array(await res.arrayBuffer()),
      }
    }
    const pdf = await download(`/api/v1/pcn/export/pdf/${w.B.id}?lang=fr`)
    expect(pdf.status).toBe(200)
    expect(pdf.type).toBe('application/pdf')
    const { text } = await extractText(await getDocumentProxy(pdf.bytes), { mergePages: true })
    const page = text.replace(/[\u00a0\u202f]/g, ' ')
    expect(page).toContain('611')
    expect(page).toContain('123,45 €')
    expect(page).not.toContain('678,90')

    const xlsx = await download(`/api/v1/pcn/export/excel/${w.B.id}?lang=en`)
    expect(xlsx.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.bytes.buffer as ArrayBuffer)
    const rows: unknown[][] = []
    workbook.worksheets[0]?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1))
    })
    const amounts = rows.flat().filter((v) => typeof v === 'number')
    expect(amounts).toContain(123.45)
    expect(amounts).not.toContain(678.9)

    for (const path of [`/api/v1/pcn/export/pdf/${w.C.id}`, `/api/v1/pcn/export/excel/${w.C.id}`])
      expect((await download(path)).status, path).toBe(404)
    const other = await api.request('POST', `/api/v1/pcn/report/${w.C.id}`, { token: w.a })
    expect(other.status, JSON.stringify(other.body)).toBe(404)
    // Reads leave no trace in the audit log (only mutations are audited).
    expect(await auditRows()).toEqual(before)
  })

  it('an owner’s charges: only the lines and totals of B’s expenses; an owner of C alone is a 404', async () => {
    type Charges = {
      data: { building_id: string; expense_id: string; amount_cents: number }[]
      pagination: { total_items: number }
      totals: { total_cents: number; supplier_unpaid_cents: number }
    }
    // The syndic's view of the owner of a lot in B and one in C: a line from each building.
    const all = await api.request('GET', `/api/v1/owners/${w.owners.both.id}/charges`, { token: w.token })
    expect(all.status).toBe(200)
    const full = all.body as Charges
    expect(full.data.map((l) => l.expense_id).sort()).toEqual([w.B.expenseId, w.C.expenseId].sort())
    const inB = full.data.filter((l) => l.building_id === w.B.id)
    // Half of B's 123.45 (quota 500 of 1000), whichever way the cent is rounded.
    expect(inB.map((l) => l.amount_cents)).toEqual([
      expect.toSatisfy((c: number) => Math.abs(c - 6_172.5) <= 0.5),
    ])

    const both = await ok<Charges>(`/api/v1/owners/${w.owners.both.id}/charges`)
    expect(both.data).toEqual(inB)
    expect(both.pagination.total_items).toBe(1)
    expect(both.totals.total_cents).toBe(inB[0]?.amount_cents)
    expect(both.totals.supplier_unpaid_cents).toBe(inB[0]?.amount_cents)
    expect(full.totals.total_cents).toBeGreaterThan(both.totals.total_cents)

    const onlyB = await ok<Charges>(`/api/v1/owners/${w.owners.onlyB.id}/charges?page=1&per_page=10`)
    expect(onlyB.data.map((l) => [l.building_id, l.expense_id])).toEqual([[w.B.id, w.B.expenseId]])
    await missing(`/api/v1/owners/${w.owners.onlyC.id}/charges`)
  })

  it('reminders of B and of its owners only', async () => {
    await ok(`/api/v1/buildings/${w.B.id}/reminders`)
    await missing(`/api/v1/buildings/${w.C.id}/reminders`)
    await ok(`/api/v1/owners/${w.owners.onlyB.id}/reminders`)
    await missing(`/api/v1/owners/${w.owners.onlyC.id}/reminders`)
  })

  it('writes nothing: every mutation tried is a 403 and no row changes', async () => {
    const { B } = w
    const count = async () =>
      (
        (await api.inspect.execute(sql`select
          (select count(*) from buildings where organization_id = ${w.t.org.id})
          + (select count(*) from units where organization_id = ${w.t.org.id})
          + (select count(*) from owners where organization_id = ${w.t.org.id})
          + (select count(*) from expenses where organization_id = ${w.t.org.id})
          + (select count(*) from documents where organization_id = ${w.t.org.id})
          + (select count(*) from calls_for_funds where organization_id = ${w.t.org.id})
          + (select count(*) from owner_payments where organization_id = ${w.t.org.id})
          + (select count(*) from ledger_entries where organization_id = ${w.t.org.id})
          + (select count(*) from meetings where organization_id = ${w.t.org.id})
          + (select count(*) from audit_log where organization_id = ${w.t.org.id}) as n`)) as {
          rows: { n: number | string }[]
        }
      ).rows[0]?.n
    const before = await count()
    const writes: [string, string, unknown][] = [
      [
        'POST',
        '/api/v1/buildings',
        { name: 'x', address: 'x', city: 'x', postal_code: '1000', country: 'Belgium' },
      ],
      ['PUT', `/api/v1/buildings/${B.id}`, { name: 'Renamed', version: 1 }],
      ['DELETE', `/api/v1/buildings/${B.id}`, undefined],
      [
        'POST',
        '/api/v1/units',
        { building_id: B.id, unit_number: 'X', unit_type: 'Apartment', floor: 1, surface_area: 50, quota: 1 },
      ],
      ['PUT', `/api/v1/units/${B.units[0]?.id}`, { floor: 2, version: 1 }],
      ['DELETE', `/api/v1/units/${B.units[0]?.id}`, undefined],
      [
        'POST',
        '/api/v1/owners',
        { first_name: 'X', last_name: 'Y', address: 'x', city: 'x', postal_code: '1000', country: 'Belgium' },
      ],
      ['PUT', `/api/v1/owners/${w.owners.onlyB.id}`, { first_name: 'Z', version: 1 }],
      [
        'POST',
        '/api/v1/expenses',
        {
          building_id: B.id,
          category: 'Repairs',
          description: 'x',
          amount_cents: 100,
          expense_date: '2025-06-01',
        },
      ],
      ['PATCH', `/api/v1/expenses/${B.expenseId}`, { description: 'changed', version: 1 }],
      ['POST', `/api/v1/expenses/${B.expenseId}/cancel`, { reason: 'x' }],
      ['PUT', `/api/v1/expenses/${B.expenseId}/mark-paid`, {}],
      [
        'POST',
        `/api/v1/buildings/${B.id}/calls`,
        { kind: 'reserve', label: 'x', due_date: '2027-01-15', amount_cents: 100 },
      ],
      [
        'POST',
        `/api/v1/buildings/${B.id}/payments`,
        { owner_id: w.owners.onlyB.id, amount_cents: 100, payment_date: '2025-04-01' },
      ],
      [
        'PUT',
        `/api/v1/buildings/${B.id}/bank-accounts/reserve`,
        { iban: 'BE71 0961 2345 6769', holder_name: 'x' },
      ],
      ['POST', `/api/v1/bank-movements/${B.movementId}/match`, { owner_id: w.owners.onlyB.id }],
      ['DELETE', `/api/v1/bank-movements/${B.movementId}/match`, undefined],
      ['DELETE', `/api/v1/documents/${B.documentId}`, undefined],
      ['POST', `/api/v1/buildings/${B.id}/fiscal-years/2026/close`, undefined],
      ['POST', `/api/v1/buildings/${B.id}/reminders/run`, { as_of: '2025-06-01' }],
      ['POST', `/api/v1/buildings/${B.id}/auditors`, { user_id: w.t.owner.id }],
      [
        'POST',
        '/api/v1/meetings',
        {
          building_id: B.id,
          meeting_type: 'Ordinary',
          title: 'AG',
          scheduled_date: '2027-05-01T18:00:00Z',
          location: 'x',
        },
      ],
    ]
    for (const [method, path, body] of writes) {
      const res = await api.request(method, path, { token: w.a, body })
      expect(res.status, `${method} ${path} ${JSON.stringify(res.body)}`).toBe(403)
    }
    expect(await count()).toEqual(before)
  })

  // Last: it widens the grant. The grants are read with the user on each request, so a new one
  // counts at once, with the same token (no new login).
  it('a second grant takes effect on the next request', async () => {
    await missing(`/api/v1/buildings/${w.C.id}`)
    const granted = await api.request('POST', `/api/v1/buildings/${w.C.id}/auditors`, {
      token: w.token,
      body: { user_id: w.auditorId },
    })
    expect(granted.status, JSON.stringify(granted.body)).toBe(201)
    await ok(`/api/v1/buildings/${w.C.id}`)
    const buildings = await ok<List>('/api/v1/buildings')
    expect(buildings.data.map((b) => b.id).sort()).toEqual([w.B.id, w.C.id].sort())
  })

  // After the second grant: withdrawing B leaves C. The same token, on its next request, reads B
  // as a 404 and lists nothing of it.
  it('a withdrawn grant takes effect on the next request; only the tenant’s syndic withdraws', async () => {
    const withdraw = (token: string, userId = w.auditorId) =>
      api.request('DELETE', `/api/v1/buildings/${w.B.id}/auditors/${userId}`, { token })
    const foreign = await api.tenant()
    expect((await withdraw(foreign.syndic.token)).status).toBe(404)
    expect((await withdraw(w.t.accountant.token)).status).toBe(403)
    expect((await withdraw(w.a)).status).toBe(403)
    expect((await withdraw(w.token, w.t.accountant.id)).status).toBe(404)
    await ok(`/api/v1/buildings/${w.B.id}`)

    const res = await withdraw(w.token)
    expect(res.status, JSON.stringify(res.body)).toBe(204)
    // Repeated: the grant is gone, the state is the same (404, like the API's other deletes).
    expect((await withdraw(w.token)).status).toBe(404)

    await missing(`/api/v1/buildings/${w.B.id}`)
    await missing(`/api/v1/buildings/${w.B.id}/fiscal-years/2025/statements`)
    await missing(`/api/v1/buildings/${w.B.id}/ledger/trial-balance?fiscal_year=2025`)
    expect((await ok<List>('/api/v1/buildings')).data.map((b) => b.id)).toEqual([w.C.id])
    expect((await ok<List>('/api/v1/expenses?per_page=100')).data.map((e) => e.id)).toEqual([w.C.expenseId])
    const units = await ok<List>('/api/v1/units?per_page=100')
    expect(units.data.map((u) => u.id).sort()).toEqual(w.C.units.map((u) => u.id).sort())
    const listed = await api.request('GET', `/api/v1/buildings/${w.B.id}/auditors`, { token: w.token })
    expect((listed.body as { data: unknown[] }).data).toEqual([])

    const audit = (await api.inspect.execute(
      sql`select action, details->>'userId' as user_id from audit_log where entity_id = ${w.B.id} and action like 'building.auditor%' order by id`,
    )) as unknown as { rows: { action: string; user_id: string }[] }
    expect(audit.rows).toEqual([
      { action: 'building.auditor_grant', user_id: w.auditorId },
      { action: 'building.auditor_revoke', user_id: w.auditorId },
    ])
  })
})
