import { type CodaMovementSpec, type CodaStatementSpec, writeCoda } from '@koprogo/domain/bank-testing'
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

const WORKING = 'BE68539007547034'
const RESERVE = 'BE71096123456769'
const PAYER_1 = 'BE62510007547061'
const PAYER_2 = 'NL91ABNA0417164300'
const SUPPLIER = 'BE43068999999501'

type Line = { id: string; owner_id: string; amount_cents: number; communication_digits: string }
type Movement = {
  id: string
  amount_cents: number
  status: 'unmatched' | 'matched' | 'batch'
  match: {
    kind: string
    owner_id: string | null
    payment_id: string | null
    expense_id: string | null
  } | null
  communication: string | null
}

/** Two lots of 500/1000, one owner each, both bank accounts, one extraordinary call of 1,000.00 (two lines of 500.00). */
async function setup() {
  const t = await api.tenant()
  const token = t.syndic.token
  const b = await fx.building(token, { total_units: 2, total_tantiemes: 1000 })
  const a = await fx.unit(token, b.id, { unit_number: 'A', quota: 500 })
  const bb = await fx.unit(token, b.id, { unit_number: 'B', quota: 500 })
  const o1 = await fx.owner(token, { first_name: 'Anne', last_name: 'Dubois' })
  const o2 = await fx.owner(token, { first_name: 'Jan', last_name: 'Peeters' })
  for (const [unit, owner] of [
    [a.id, o1.id],
    [bb.id, o2.id],
  ] as const) {
    const res = await api.request('POST', `/api/v1/units/${unit}/owners`, {
      token,
      body: { owner_id: owner, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }
  for (const [purpose, iban] of [
    ['working_capital', WORKING],
    ['reserve', RESERVE],
  ] as const) {
    const res = await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/${purpose}`, {
      token,
      body: { iban, holder_name: 'ACP Les Tilleuls' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const call = await api.request('POST', `/api/v1/buildings/${b.id}/calls`, {
    token,
    body: {
      kind: 'extraordinary',
      label: 'Toiture',
      issue_date: '2026-02-01',
      due_date: '2026-03-01',
      amount_cents: 100_000,
      resolution_ref: 'AG 2026-01-15 point 4',
      account: 'working_capital',
    },
  })
  expect(call.status, JSON.stringify(call.body)).toBe(201)
  const lines = (call.body as { lines: Line[] }).lines
  const line = (ownerId: string) => lines.find((l) => l.owner_id === ownerId) as Line
  return { t, token, b, o1, o2, l1: line(o1.id), l2: line(o2.id) }
}

function statement(
  number: number,
  old: number,
  movements: CodaMovementSpec[],
  iban = WORKING,
): CodaStatementSpec {
  return {
    iban,
    statementNumber: number,
    oldBalanceCents: old,
    newBalanceCents: old + movements.filter((m) => !m.detail).reduce((s, m) => s + m.amountCents, 0),
    oldBalanceDate: '2026-03-01',
    newBalanceDate: `2026-03-${String(number + 1).padStart(2, '0')}`,
    movements,
  }
}

const move = (
  sequence: number,
  amountCents: number,
  over: Partial<CodaMovementSpec> = {},
): CodaMovementSpec => ({
  sequence,
  amountCents,
  valueDate: '2026-03-02',
  bookingDate: '2026-03-02',
  bankReference: `REF-${sequence}-${amountCents}`,
  ...over,
})

function form(text: string, name = 'statement.cod'): FormData {
  const f = new FormData()
  f.set('file', new Blob([text]), name)
  return f
}

async function upload(token: string, buildingId: string, text: string) {
  return api.request('POST', `/api/v1/buildings/${buildingId}/bank-statements`, {
    token,
    rawBody: form(text),
  })
}

async function movements(token: string, buildingId: string, status?: string): Promise<Movement[]> {
  const res = await api.request(
    'GET',
    `/api/v1/buildings/${buildingId}/bank-movements${status ? `?status=${status}` : ''}`,
    { token },
  )
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.data as Movement[]
}

async function counts(organizationId: string) {
  const r = (await api.inspect.execute(sql`select
      (select count(*) from bank_statements where organization_id = ${organizationId})::int as statements,
      (select count(*) from bank_movements where organization_id = ${organizationId})::int as movements,
      (select count(*) from owner_payments where organization_id = ${organizationId})::int as payments,
      (select count(*) from ledger_entries where organization_id = ${organizationId})::int as entries`)) as {
    rows: { statements: number; movements: number; payments: number; entries: number }[]
  }
  return r.rows[0]
}

async function account(token: string, ownerId: string) {
  const res = await api.request('GET', `/api/v1/owners/${ownerId}/account`, { token })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return (
    res.body as { buildings: { balance_cents: number; ledger_balance_cents: number; paid_cents: number }[] }
  ).buildings[0]
}

describe('bank statements and matching (issue #16 items 1-3)', () => {
  it('imports a CODA file, matches by structured communication (full, partial, over), settles an expense, leaves the unknown; a second import creates nothing', async () => {
    const { t, token, b, o1, o2, l1, l2 } = await setup()
    const expense = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Maintenance',
        description: 'Entretien ascenseur',
        amount: 121,
        expense_date: '2026-02-20',
        supplier: 'Lift Services',
        invoice_number: 'F-2026-118',
        supplier_iban: SUPPLIER,
      },
    })
    expect(expense.status, JSON.stringify(expense.body)).toBe(201)
    const file = writeCoda([
      statement(1, 500_000, [
        // o1 pays their line exactly, with its communication.
        move(1, 50_000, {
          structuredCommunication: l1.communication_digits,
          counterpartyIban: PAYER_1,
          counterpartyName: 'A. Dubois',
        }),
        // o2 pays part of theirs.
        move(2, 20_000, {
          structuredCommunication: l2.communication_digits,
          counterpartyIban: PAYER_2,
          counterpartyName: 'J. Peeters',
        }),
        // Someone unknown, no communication.
        move(3, 1_234, {
          freeText: 'cotisation',
          counterpartyIban: 'BE09000000000057',
          counterpartyName: 'X',
        }),
        // The lift company is paid.
        move(4, -12_100, {
          counterpartyIban: SUPPLIER,
          counterpartyName: 'Lift Services',
          freeText: 'F-2026-118',
        }),
      ]),
    ])
    const res = await upload(token, b.id, file)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      statements: [
        {
          account: 'working_capital',
          statement_number: '001',
          created: true,
          movements_created: 4,
          movements_already_imported: 0,
          old_balance_cents: 500_000,
          new_balance_cents: 500_000 + 50_000 + 20_000 + 1_234 - 12_100,
        },
      ],
      matched: { communication: 2, iban: 0, manual: 0, expense: 1 },
      unmatched: 1,
    })
    const all = await movements(token, b.id)
    expect(all.map((m) => [m.amount_cents, m.status, m.match?.kind ?? null])).toEqual([
      [50_000, 'matched', 'communication'],
      [20_000, 'matched', 'communication'],
      [1_234, 'unmatched', null],
      [-12_100, 'matched', 'expense'],
    ])
    expect(all[0]?.match?.owner_id).toBe(o1.id)
    // The owners' accounts and their 410 sub-accounts: o1 settled, o2 owes 300.00.
    expect(await account(token, o1.id)).toMatchObject({ balance_cents: 0, ledger_balance_cents: 0 })
    expect(await account(token, o2.id)).toMatchObject({ balance_cents: 30_000, ledger_balance_cents: 30_000 })
    // The expense is paid on the movement's booking date.
    const paid = await api.request('GET', `/api/v1/expenses/${(expense.body as { id: string }).id}`, {
      token,
    })
    expect(paid.body).toMatchObject({ payment_status: 'Paid', paid_date: '2026-03-02' })

    // The same file again: nothing created twice.
    const before = await counts(t.org.id)
    const again = await upload(token, b.id, file)
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    expect(again.body).toMatchObject({
      statements: [{ created: false, movements_created: 0, movements_already_imported: 4 }],
      matched: { communication: 0, iban: 0, manual: 0, expense: 0 },
      unmatched: 0,
    })
    expect(await counts(t.org.id)).toEqual(before)

    // An overlapping statement (the unknown movement again, plus new ones): only the new ones.
    // o2 pays the rest from the IBAN remembered at the first match, without communication;
    // o1 overpays with their line's communication: a credit.
    const next = writeCoda([
      statement(2, 500_000 + 50_000 + 20_000 + 1_234 - 12_100, [
        move(3, 1_234, {
          freeText: 'cotisation',
          counterpartyIban: 'BE09000000000057',
          counterpartyName: 'X',
        }),
        move(5, 30_000, {
          counterpartyIban: PAYER_2,
          counterpartyName: 'J. Peeters',
          freeText: 'solde toiture',
        }),
        move(6, 7_500, { structuredCommunication: l1.communication_digits, counterpartyIban: PAYER_1 }),
      ]),
    ])
    const overlap = await upload(token, b.id, next)
    expect(overlap.status, JSON.stringify(overlap.body)).toBe(201)
    expect(overlap.body).toMatchObject({
      statements: [{ created: true, movements_created: 2, movements_already_imported: 1 }],
      matched: { communication: 1, iban: 1 },
      unmatched: 0,
    })
    expect(await account(token, o2.id)).toMatchObject({ balance_cents: 0, ledger_balance_cents: 0 })
    expect(await account(token, o1.id)).toMatchObject({ balance_cents: -7_500, ledger_balance_cents: -7_500 })
    const list = await api.request('GET', `/api/v1/buildings/${b.id}/bank-statements`, { token })
    expect((list.body as { data: unknown[] }).data).toHaveLength(2)
  })

  it('matches by hand with suggestions, unmatches by reversal, and refuses a second match', async () => {
    const { t, token, b, o1, l1 } = await setup()
    await upload(
      token,
      b.id,
      writeCoda([
        statement(1, 0, [move(1, 50_000, { counterpartyIban: PAYER_1, counterpartyName: 'Dubois' })]),
      ]),
    )
    const [m] = await movements(token, b.id, 'unmatched')
    if (!m) throw new Error('no movement')
    const detail = await api.request('GET', `/api/v1/bank-movements/${m.id}`, { token })
    expect(detail.status, JSON.stringify(detail.body)).toBe(200)
    // Both lines owe exactly 500.00: both owners are suggested, by amount.
    const suggestions = (
      detail.body as { suggestions: { reason: string; owner_id: string; line_ids: string[] }[] }
    ).suggestions
    expect(suggestions.map((s) => s.reason)).toEqual(['amount', 'amount'])
    expect(suggestions.map((s) => s.owner_id)).toContain(o1.id)

    const entriesBefore = (await counts(t.org.id))?.entries ?? 0
    const matched = await api.request('POST', `/api/v1/bank-movements/${m.id}/match`, {
      token,
      body: { owner_id: o1.id, line_ids: [l1.id] },
    })
    expect(matched.status, JSON.stringify(matched.body)).toBe(200)
    expect(matched.body).toMatchObject({ status: 'matched', match: { kind: 'manual', owner_id: o1.id } })
    expect(await account(token, o1.id)).toMatchObject({ balance_cents: 0, ledger_balance_cents: 0 })
    const twice = await api.request('POST', `/api/v1/bank-movements/${m.id}/match`, {
      token,
      body: { owner_id: o1.id },
    })
    expect(twice.status).toBe(409)

    const unmatched = await api.request('DELETE', `/api/v1/bank-movements/${m.id}/match`, { token })
    expect(unmatched.status, JSON.stringify(unmatched.body)).toBe(200)
    expect(unmatched.body).toMatchObject({ status: 'unmatched', match: null })
    // The payment is gone from the owner's account, its entry reversed (not deleted) in the books.
    expect(await account(token, o1.id)).toMatchObject({ balance_cents: 50_000, ledger_balance_cents: 50_000 })
    const after = await counts(t.org.id)
    expect(after?.payments).toBe(0)
    expect(after?.entries).toBe(entriesBefore + 2)
    expect((await api.request('DELETE', `/api/v1/bank-movements/${m.id}/match`, { token })).status).toBe(409)
    // The payer's IBAN was remembered: the suggestion now names o1 first, by IBAN.
    const again = await api.request('GET', `/api/v1/bank-movements/${m.id}`, { token })
    expect(
      (again.body as { suggestions: { reason: string; owner_id: string }[] }).suggestions[0],
    ).toMatchObject({
      reason: 'known_payer_iban',
      owner_id: o1.id,
    })
    const audit = (await api.inspect.execute(
      sql`select action from audit_log where entity_id = ${m.id} order by created_at`,
    )) as { rows: { action: string }[] }
    expect(audit.rows.map((r) => r.action)).toEqual(['bank.movement_match', 'bank.movement_unmatch'])
  })

  it('refuses a bad file naming its line or element, and imports nothing', async () => {
    const { t, token, b } = await setup()
    const good = writeCoda([statement(1, 0, [move(1, 10_000)])])
    const lines = good.split('\r\n')
    // The new balance (line 4) one cent off: old + movements ≠ new.
    const badBalance = [
      ...lines.slice(0, 3),
      `${lines[3]?.slice(0, 42)}000000000100010${lines[3]?.slice(57)}`,
      ...lines.slice(4),
    ].join('\r\n')
    const res = await upload(token, b.id, badBalance)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      errors: [{ path: 'line 4', message: expect.stringContaining('new balance') }],
    })
    // A statement of an account that is not the building's.
    const foreign = await upload(
      token,
      b.id,
      writeCoda([statement(1, 0, [move(1, 10_000)], 'BE09000000000057')]),
    )
    expect(foreign.status).toBe(400)
    expect(JSON.stringify(foreign.body)).toContain('is not a bank account of this building')
    // Not a statement at all.
    expect((await upload(token, b.id, 'hello')).status).toBe(415)
    // Malformed XML names its line.
    const xml = await upload(token, b.id, '<?xml version="1.0"?>\n<Document>\n<BkToCstmrStmt>\n</Document>')
    expect(xml.status).toBe(400)
    expect(JSON.stringify(xml.body)).toContain('line ')
    expect(await counts(t.org.id)).toMatchObject({ statements: 0, movements: 0, payments: 0 })
  })

  it('matches by what only the CODA information records say (3.1 communication, 001 counterparty IBAN) and keeps record 4 with the statement', async () => {
    const { token, b, o1, o2, l1, l2 } = await setup()
    // Type 001 across 3.1-3.3: name (70), street (35), locality (35), identification (35).
    const party = (name: string, iban: string) =>
      [name.padEnd(70), 'Rue Haute 12'.padEnd(35), '1000 Bruxelles'.padEnd(35), iban.padEnd(35)].join('')
    const file = writeCoda([
      {
        ...statement(1, 0, [
          // o1's communication is only in the information record (2.1 carries free text).
          move(1, 50_000, {
            freeText: 'virement europeen',
            informationType: '101',
            information: l1.communication_digits,
            informationDetail: 1,
          }),
          // o2 pays part of their line with its communication: their IBAN (in a 001 record) is remembered.
          move(2, 20_000, {
            structuredCommunication: l2.communication_digits,
            informationType: '001',
            information: party('J. Peeters', PAYER_2),
          }),
        ]),
        freeCommunication: 'Extrait 1 - ACP Les Tilleuls - frais de tenue de compte offerts',
      },
      // o2 pays the rest: no 2.3, the payer's IBAN only in the information record.
      statement(2, 70_000, [
        move(3, 30_000, {
          freeText: 'solde',
          informationType: '001',
          information: party('J. Peeters', PAYER_2),
          informationDetail: 1,
        }),
      ]),
    ])
    const res = await upload(token, b.id, file)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ matched: { communication: 2, iban: 1 }, unmatched: 0 })
    const all = (await movements(token, b.id)) as (Movement & {
      counterparty_name: string | null
      counterparty_iban: string | null
      counterparty_address: string | null
    })[]
    expect(all.map((m) => [m.amount_cents, m.match?.kind, m.match?.owner_id])).toEqual([
      [50_000, 'communication', o1.id],
      [20_000, 'communication', o2.id],
      [30_000, 'iban', o2.id],
    ])
    expect(all[2]).toMatchObject({
      counterparty_name: 'J. Peeters',
      counterparty_iban: PAYER_2,
      counterparty_address: 'Rue Haute 12, 1000 Bruxelles',
    })
    expect(await account(token, o1.id)).toMatchObject({ balance_cents: 0 })
    expect(await account(token, o2.id)).toMatchObject({ balance_cents: 0 })
    const first = (res.body as { statements: { id: string }[] }).statements[0]
    const detail = await api.request('GET', `/api/v1/bank-statements/${first?.id}`, { token })
    expect(detail.body).toMatchObject({
      free_communication: 'Extrait 1 - ACP Les Tilleuls - frais de tenue de compte offerts',
    })
  })

  it('says why a file is refused in the reader’s language, naming the line (fr, nl, en)', async () => {
    const { t, token, b } = await setup()
    const lines = writeCoda([statement(1, 0, [move(1, 10_000)])]).split('\r\n')
    // The 2.1's entry date (positions 116-121) is 32 February.
    lines[2] = `${lines[2]?.slice(0, 115)}320226${lines[2]?.slice(121)}`
    const bad = lines.join('\r\n')
    const expected: Record<string, [detail: string, message: string]> = {
      fr: [
        'Le fichier d’extraits est refusé (ligne 3 : la date de comptabilisation (positions 116-121) n’est pas une date JJMMAA : « 320226 ») ; rien n’a été importé',
        'la date de comptabilisation (positions 116-121) n’est pas une date JJMMAA : « 320226 »',
      ],
      nl: [
        'Het uittrekselbestand is geweigerd (regel 3: de boekingsdatum (posities 116-121) is geen datum DDMMJJ: "320226"); er werd niets ingelezen',
        'de boekingsdatum (posities 116-121) is geen datum DDMMJJ: "320226"',
      ],
      en: [
        'The bank statement file is refused (line 3: entry date (positions 116-121) is not a date DDMMYY: "320226"); nothing was imported',
        'entry date (positions 116-121) is not a date DDMMYY: "320226"',
      ],
    }
    for (const [language, [detail, message]] of Object.entries(expected)) {
      const res = await api.request('POST', `/api/v1/buildings/${b.id}/bank-statements`, {
        token,
        rawBody: form(bad),
        headers: { 'accept-language': language },
      })
      expect(res.status).toBe(400)
      expect(res.headers.get('content-language')).toBe(language)
      expect(res.body).toMatchObject({
        detail,
        code: 'statementRefusedLine',
        params: { line: 3 },
        errors: [{ path: 'line 3', message }],
        error: expected.en?.[0],
      })
    }
    // A camt.053 refusal names its element the same way.
    const camt = await api.request('POST', `/api/v1/buildings/${b.id}/bank-statements`, {
      token,
      rawBody: form(
        '<?xml version="1.0"?><Document><BkToCstmrStmt><Stmt/></BkToCstmrStmt></Document>',
        's.xml',
      ),
      headers: { 'accept-language': 'nl' },
    })
    expect(camt.status).toBe(400)
    expect(camt.body).toMatchObject({
      code: 'statementRefusedAt',
      detail:
        'Het uittrekselbestand is geweigerd (/Document/BkToCstmrStmt/Stmt[1]/Acct/Id/IBAN: ontbreekt); er werd niets ingelezen',
    })
    // XML that is not well-formed: the line and column in the reader's language.
    const xml = await api.request('POST', `/api/v1/buildings/${b.id}/bank-statements`, {
      token,
      rawBody: form('<?xml version="1.0"?>\n<Document>\n<BkToCstmrStmt>\n</Document>', 's.xml'),
      headers: { 'accept-language': 'fr' },
    })
    expect(xml.status).toBe(400)
    expect(xml.body).toMatchObject({
      code: 'statementXmlAt',
      params: { line: 4 },
      detail: expect.stringMatching(
        /^Le XML est mal formé \(ligne 4, colonne \d+ : .+\) ; rien n’a été importé$/,
      ),
    })
    expect(await counts(t.org.id)).toMatchObject({ statements: 0, movements: 0 })
  })

  it('imports camt.053 (001.08) with a structured reference and a batch; is closed to owners and other tenants', async () => {
    const { t, token, b, o1, o2, l1, l2 } = await setup()
    const camt = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-03T08:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>S-2026-031</Id><ElctrncSeqNb>31</ElctrncSeqNb>
      <Acct><Id><IBAN>${WORKING}</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1800.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-03</Dt></Dt></Bal>
      <Ntry>
        <Amt Ccy="EUR">800.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-03-03</Dt></BookgDt><ValDt><Dt>2026-03-03</Dt></ValDt><AcctSvcrRef>B-0001</AcctSvcrRef>
        <NtryDtls>
          <TxDtls>
            <Amt Ccy="EUR">500.00</Amt>
            <RltdPties><Dbtr><Pty><Nm>Anne Dubois</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>${PAYER_1}</IBAN></Id></DbtrAcct></RltdPties>
            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp><Ref>${l1.communication_digits}</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls>
          <TxDtls>
            <Amt Ccy="EUR">300.00</Amt>
            <RltdPties><Dbtr><Pty><Nm>Jan Peeters</Nm></Pty></Dbtr></RltdPties>
            <RmtInf><Ustrd>${l2.communication_digits}</Ustrd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>`
    expect((await upload(t.owner.token, b.id, camt)).status).toBe(403)
    const other = await api.tenant()
    expect((await upload(other.syndic.token, b.id, camt)).status).toBe(404)
    const res = await upload(token, b.id, camt)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      statements: [{ format: 'camt053', statement_number: '31', movements_created: 3 }],
      matched: { communication: 2 },
      unmatched: 0,
    })
    const all = await movements(token, b.id)
    expect(all.map((m) => [m.amount_cents, m.status])).toEqual([
      [80_000, 'batch'],
      [50_000, 'matched'],
      [30_000, 'matched'],
    ])
    expect(await account(token, o1.id)).toMatchObject({ balance_cents: 0 })
    expect(await account(token, o2.id)).toMatchObject({ balance_cents: 20_000 })
    const statementId = (res.body as { statements: { id: string }[] }).statements[0]?.id
    expect(
      (await api.request('GET', `/api/v1/bank-statements/${statementId}`, { token: other.syndic.token }))
        .status,
    ).toBe(404)
    expect(
      (await api.request('GET', `/api/v1/bank-movements/${all[1]?.id}`, { token: other.syndic.token }))
        .status,
    ).toBe(404)
    expect(
      (await api.request('GET', `/api/v1/bank-movements/${all[1]?.id}`, { token: t.owner.token })).status,
    ).toBe(403)
    const detail = await api.request('GET', `/api/v1/bank-statements/${statementId}`, { token })
    expect((detail.body as { movements: unknown[] }).movements).toHaveLength(3)
  })
})
