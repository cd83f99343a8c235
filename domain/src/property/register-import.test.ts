import { describe, expect, it } from 'vitest'
import { exportRegister } from './export-register.use-case.ts'
import { importRegister } from './import-register.use-case.ts'
import { readDate, readShare } from './register-cells.ts'
import { planRegister } from './register-plan.ts'
import {
  normalizeHeader,
  REGISTER_COLUMNS,
  REGISTER_HEADERS,
  REGISTER_TEMPLATE_EXAMPLE,
  type RegisterSheet,
  registerTable,
} from './register-sheet.ts'
import { propertyWorld, seedBuilding, seedOwner, seedUnit, unwrap } from './testing/property-fixtures.ts'

const EN = REGISTER_HEADERS.en

/** A sheet from English headers and rows of cells by technical column. */
function sheet(rows: Partial<Record<(typeof REGISTER_COLUMNS)[number], string>>[]): RegisterSheet {
  return {
    headers: REGISTER_COLUMNS.map((c) => EN[c]),
    rows: rows.map((r, i) => ({ row: i + 2, cells: REGISTER_COLUMNS.map((c) => r[c] ?? '') })),
  }
}

const lot = (n: string, quota = '100') => ({ lot_number: n, lot_type: 'Apartment', surface_m2: '80', quota })
const person = (last: string, extra: Record<string, string> = {}) => ({
  last_name: last,
  first_name: 'X',
  address: 'Rue 1',
  postal_code: '1000',
  city: 'Bruxelles',
  country: 'BE',
  ...extra,
})

describe('register cells', () => {
  it('reads shares as fractions (rounded down), decimals with a comma or a point, and percents', () => {
    expect(readShare('1/3')).toEqual({ ok: true, value: 333_333 })
    expect(readShare('2/3')).toEqual({ ok: true, value: 666_666 })
    expect(readShare('0,5')).toEqual({ ok: true, value: 500_000 })
    expect(readShare('0.5')).toEqual({ ok: true, value: 500_000 })
    expect(readShare('50%')).toEqual({ ok: true, value: 500_000 })
    expect(readShare('3/2').ok).toBe(false)
    expect(readShare('abc').ok).toBe(false)
  })
  it('reads ISO dates and Belgian day-first dates, refusing impossible days', () => {
    expect(readDate('2024-03-15')).toEqual({ ok: true, value: '2024-03-15' })
    expect(readDate('15/03/2024')).toEqual({ ok: true, value: '2024-03-15' })
    expect(readDate('5.3.2024')).toEqual({ ok: true, value: '2024-03-05' })
    expect(readDate('31/02/2024').ok).toBe(false)
  })
  it('gives every column distinct headers in the four languages (no header names two columns)', () => {
    const seen = new Map<string, string>()
    for (const labels of [
      Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, c])),
      ...Object.values(REGISTER_HEADERS),
    ]) {
      for (const c of REGISTER_COLUMNS) {
        const k = normalizeHeader((labels as Record<string, string>)[c] as string)
        expect(seen.get(k) ?? c, `${k}`).toBe(c)
        seen.set(k, c)
      }
    }
  })
})

describe('planRegister', () => {
  it('reads the template example: 3 lots, 3 owners, 3 links, no error', () => {
    const t = registerTable(REGISTER_TEMPLATE_EXAMPLE, 'fr')
    const plan = planRegister(
      { headers: t.headers, rows: t.rows.map((cells, i) => ({ row: i + 2, cells })) },
      '2026-01-01',
    )
    expect(plan.errors).toEqual([])
    expect([plan.lots.length, plan.owners.length, plan.links.length]).toEqual([3, 3, 3])
  })

  it('lists every error by sheet row and column header, as the file spells it', () => {
    const plan = planRegister(
      sheet([
        { ...lot('A1'), lot_type: 'Castle', ...person('Dubois'), share: '1/2' },
        { ...lot('A2', '-5'), ...person('Martin', { language: 'xx' }) },
        { ...lot('A3'), ...person('Leroy', { email: 'not-an-email' }), start_date: '2024-13-01' },
        {
          ...lot('A4'),
          owner_type: 'company',
          company_name: 'ACME',
          enterprise_number: '0123.456.789',
          address: 'a',
          postal_code: '1',
          city: 'c',
          country: 'BE',
        },
        { ...lot('A5'), share: '0.5' },
      ]),
      '2026-01-01',
    )
    expect(plan.errors).toEqual([
      { row: 2, column: 'Lot type', message: expect.stringContaining('Apartment') },
      { row: 3, column: 'Quota (tantièmes)', message: 'must be an integer greater than 0' },
      { row: 3, column: 'Language', message: 'must be one of fr, nl, de, en' },
      { row: 4, column: 'E-mail', message: expect.any(String) },
      { row: 4, column: 'Start date', message: expect.stringContaining('date') },
      { row: 5, column: 'Enterprise number', message: expect.any(String) },
      { row: 6, column: 'Last name', message: expect.stringContaining('owner is missing') },
    ])
  })

  it('checks each lot with the dated share rule, on the row that breaks it', () => {
    const plan = planRegister(
      sheet([
        { ...lot('A1'), ...person('Anne'), share: '1', start_date: '2020-01-01', end_date: '2030-01-01' },
        { lot_number: 'A1', ...person('Bruno'), share: '1', start_date: '2020-01-01' },
      ]),
      '2026-01-01',
    )
    expect(plan.errors).toEqual([
      { row: 3, column: 'Share', message: expect.stringMatching(/lot A1 would exceed 1 from 2020-01-01/) },
    ])
    // Usufruct 1 + bare 1 is a whole lot, dismembered.
    const dismembered = planRegister(
      sheet([
        { ...lot('A1'), ...person('Diane'), share: '1', right_type: 'usufruit' },
        { lot_number: 'A1', ...person('Eric'), share: '1', right_type: 'nue-propriété' },
      ]),
      '2026-01-01',
    )
    expect(dismembered.errors).toEqual([])
  })

  it('matches the same owner across lots by e-mail, enterprise number or name + address, and refuses a conflicting repeat', () => {
    const anne = person('Peeters', { email: 'anne@example.be' })
    const plan = planRegister(
      sheet([
        { ...lot('A1'), ...anne },
        { ...lot('A2'), ...anne },
        { ...lot('A3'), ...person('Janssens') },
        { ...lot('A4'), ...person('Janssens') },
      ]),
      '2026-01-01',
    )
    expect(plan.errors).toEqual([])
    expect(plan.owners).toHaveLength(2)
    const conflicting = planRegister(
      sheet([
        { ...lot('A1'), ...anne },
        { ...lot('A2'), ...anne, city: 'Liège' },
      ]),
      '2026-01-01',
    )
    expect(conflicting.errors).toEqual([
      { row: 3, column: 'City', message: expect.stringContaining('same owner as on row 2') },
    ])
  })

  it('refuses a lot repeated with other lot data, unknown and missing columns', () => {
    const repeated = planRegister(
      sheet([
        { ...lot('A1'), ...person('A'), share: '1/2' },
        { ...lot('A1', '90'), ...person('B'), share: '1/2' },
      ]),
      '2026-01-01',
    )
    expect(repeated.errors).toEqual([
      { row: 3, column: 'Quota (tantièmes)', message: 'differs from row 2 for lot A1' },
    ])
    const headers = planRegister(
      { headers: ['Numéro de lot', 'Surface (m²)', 'Colour'], rows: [] },
      '2026-01-01',
    )
    expect(headers.errors).toEqual([
      { row: 1, column: 'Colour', message: expect.stringContaining('unknown column') },
      { row: 1, column: 'Type de lot', message: 'column is missing' },
      { row: 1, column: 'Quote-part (tantièmes)', message: 'column is missing' },
    ])
  })
})

describe('importRegister', () => {
  it('writes nothing when any row is wrong (quota above the total with the lots already there, lot number taken)', async () => {
    const { store, syndic } = propertyWorld()
    const b = await seedBuilding(syndic, { totalTantiemes: 1000 })
    await seedUnit(syndic, b.id, { unitNumber: 'A1', quota: 500 })
    const unitsBefore = store.state.units.size
    const report = unwrap(
      await importRegister({
        ctx: syndic,
        input: {
          buildingId: b.id,
          sheet: sheet([{ ...lot('A1', '100') }, { ...lot('B1', '450') }]),
          options: {
            dryRun: false,
          },
        },
      }),
    )
    expect(report.imported).toBe(false)
    expect(report.errors).toEqual([
      { row: 2, column: 'Lot number', message: 'this building already has a lot A1' },
      { row: 3, column: 'Quota (tantièmes)', message: expect.stringContaining('total of 1000') },
    ])
    expect(store.state.units.size).toBe(unitsBefore)
  })

  it('imports lots, new and matched owners and links in one transaction with one audit event; a dry run writes nothing', async () => {
    const { store, syndic, syndicB } = propertyWorld()
    const b = await seedBuilding(syndic)
    const known = await seedOwner(syndic, {
      lastName: 'Peeters',
      firstName: 'Anne',
      email: 'anne@example.be',
    })
    const rows = sheet([
      {
        ...lot('A1'),
        last_name: 'Peeters',
        first_name: 'Anne',
        email: 'ANNE@example.be',
        address: 'x',
        postal_code: '1',
        city: 'c',
        country: 'BE',
        share: '1/2',
        primary_contact: 'oui',
      },
      { lot_number: 'A1', ...person('Dubois'), share: '0,5' },
      { ...lot('P1', '10'), lot_type: 'parking' },
    ])
    const preview = unwrap(
      await importRegister({
        ctx: syndic,
        input: { buildingId: b.id, sheet: rows, options: { dryRun: true } },
      }),
    )
    expect(preview).toMatchObject({
      imported: false,
      lots: 2,
      ownersNew: 1,
      ownersMatched: 1,
      links: 2,
      errors: [],
    })
    const auditBefore = store.state.audit.length
    const done = unwrap(
      await importRegister({
        ctx: syndic,
        input: { buildingId: b.id, sheet: rows, options: { dryRun: false } },
      }),
    )
    expect(done.imported).toBe(true)
    expect(store.state.audit.length).toBe(auditBefore + 1)
    expect(store.state.audit.at(-1)).toMatchObject({ action: 'building.register_import', entityId: b.id })
    const a1 = [...store.state.units.values()].find((u) => u.buildingId === b.id && u.unitNumber === 'A1')
    expect(a1?.ownerId).toBe(known.id)
    // Another organization's syndic: the building does not exist for them.
    const other = await importRegister({
      ctx: syndicB,
      input: { buildingId: b.id, sheet: rows, options: { dryRun: true } },
    })
    expect(other.ok ? null : other.error.kind).toBe('not_found')
  })

  it('refuses an e-mail that belongs to an existing owner with another name', async () => {
    const { syndic } = propertyWorld()
    const b = await seedBuilding(syndic)
    await seedOwner(syndic, { lastName: 'Peeters', firstName: 'Anne', email: 'anne@example.be' })
    const report = unwrap(
      await importRegister({
        ctx: syndic,
        input: {
          buildingId: b.id,
          sheet: sheet([{ ...lot('A1'), ...person('Smith', { email: 'anne@example.be' }) }]),
          options: {
            dryRun: true,
          },
        },
      }),
    )
    expect(report.errors).toEqual([
      { row: 2, column: 'E-mail', message: expect.stringContaining('Anne Peeters') },
    ])
  })

  it('round trip: the export imported into an empty building exports the same rows', async () => {
    const { syndic } = propertyWorld()
    const source = await seedBuilding(syndic)
    const t = registerTable(REGISTER_TEMPLATE_EXAMPLE, 'nl')
    unwrap(
      await importRegister({
        ctx: syndic,
        input: {
          buildingId: source.id,
          sheet: { headers: t.headers, rows: t.rows.map((cells, i) => ({ row: i + 2, cells })) },
          options: { dryRun: false },
        },
      }),
    )
    const exported = unwrap(await exportRegister({ ctx: syndic, input: { buildingId: source.id } }))
    const table = registerTable(exported, 'de')
    const target = await seedBuilding(syndic, { name: 'Copy' })
    const again = unwrap(
      await importRegister({
        ctx: syndic,
        input: {
          buildingId: target.id,
          sheet: { headers: table.headers, rows: table.rows.map((cells, i) => ({ row: i + 2, cells })) },
          options: { dryRun: false },
        },
      }),
    )
    expect(again.errors).toEqual([])
    expect(unwrap(await exportRegister({ ctx: syndic, input: { buildingId: target.id } }))).toEqual(exported)
  })
})
