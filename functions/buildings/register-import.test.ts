import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
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

const FR_HEADER =
  "Numéro de lot;Type de lot;Étage;Surface (m²);Quote-part (tantièmes);Type de propriétaire;Nom;Prénom;Société;Numéro d'entreprise;E-mail;Langue;Adresse;Code postal;Localité;Pays;Part;Droit;Date de début"

/** Two lots, three owners (one company, a couple in indivision), a lot without owner. */
function frenchCsv(email: string): string {
  return [
    FR_HEADER,
    `A1;appartement;1;82,5;120;personne;Dubois;Marc;;;${email};fr;Rue Haute 5;1000;Bruxelles;BE;1/2;pleine propriété;15/01/2020`,
    'A1;;;;;personne;Dubois;Claire;;;;fr;Rue Haute 5;1000;Bruxelles;BE;0,5;pleine propriété;15/01/2020',
    '',
    'C1;commerce;0;120;150;société;;;Bakkerij Janssens BV;0123.456.749;;nl;Kerkstraat 3;1000;Brussel;BE;1;;2018-06-01',
    'P1;parking;-1;12;10;;;;;;;;;;;;;;',
  ].join('\r\n')
}

function form(bytes: Uint8Array | string, name = 'register.csv'): FormData {
  const f = new FormData()
  f.set('file', new Blob([bytes as BlobPart]), name)
  return f
}

async function upload(token: string, buildingId: string, body: FormData, dryRun: boolean, headers = {}) {
  return api.request('POST', `/api/v1/buildings/${buildingId}/register-import?dry_run=${dryRun}`, {
    token,
    rawBody: body,
    headers,
  })
}

async function lotsOf(token: string, buildingId: string) {
  const res = await api.request(
    'GET',
    `/api/v1/buildings/${buildingId}/units?per_page=100&sort_by=unit_number`,
    {
      token,
    },
  )
  return res.body.data as { unit_number: string; quota: number; owner_id: string | null }[]
}

async function counts(orgId: string) {
  const rows = await api.inspect.execute(sql`select
      (select count(*) from units where organization_id = ${orgId})::int as units,
      (select count(*) from owners where organization_id = ${orgId})::int as owners,
      (select count(*) from unit_ownerships where organization_id = ${orgId})::int as links,
      (select count(*) from audit_log where organization_id = ${orgId} and action = 'building.register_import')::int as audits`)
  const list = (rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[])
  return list[0] as { units: number; owners: number; links: number; audits: number }
}

async function exportBytes(token: string, buildingId: string, format: 'csv' | 'xlsx', lang = 'en') {
  const res = await api.app.request(
    `/api/v1/buildings/${buildingId}/register-export?format=${format}&lang=${lang}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  )
  expect(res.status).toBe(200)
  return { type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) }
}

describe('register import (issue #20 item 17)', () => {
  it('previews, then imports a `;` CSV with BOM and French headers (lots, owners, links, one audit event)', async () => {
    const { syndic, org } = await api.tenant()
    const b = await fx.building(syndic.token)
    const known = await fx.owner(syndic.token, {
      first_name: 'Marc',
      last_name: 'Dubois',
      email: 'marc@example.be',
    })
    const csv = `\uFEFF${frenchCsv('Marc@Example.be')}`
    const preview = await upload(syndic.token, b.id, form(csv), true)
    expect(preview.status, preview.text).toBe(200)
    expect(preview.body).toEqual({
      dry_run: true,
      imported: false,
      lots: 3,
      owners_new: 2,
      owners_matched: 1,
      links: 3,
      errors: [],
    })
    const before = await counts(org.id)
    const done = await upload(syndic.token, b.id, form(csv), false)
    expect(done.status, done.text).toBe(201)
    expect(done.body).toMatchObject({ imported: true, lots: 3 })
    const after = await counts(org.id)
    expect(after).toEqual({
      units: before.units + 3,
      owners: before.owners + 2,
      links: before.links + 3,
      audits: before.audits + 1,
    })
    const lots = await lotsOf(syndic.token, b.id)
    expect(lots.map((l) => [l.unit_number, l.quota])).toEqual([
      ['A1', 120],
      ['C1', 150],
      ['P1', 10],
    ])
    expect(lots[0]?.owner_id).toBe(known.id)
    const owners = await api.request(
      'GET',
      `/api/v1/units/${(lots[1] as unknown as { id: string }).id}/owners`,
      {
        token: syndic.token,
      },
    )
    expect(owners.body[0]).toMatchObject({ ownership_share: 1, right_type: 'full', start_date: '2018-06-01' })
  })

  it('reads a `,` CSV with English headers and quoted fields', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const csv = [
      'Lot number,Lot type,Surface (m²),Quota (tantièmes),Last name,First name,Address,Postal code,City,Country,Share',
      'B2,Apartment,"70,5",100,"Van den Broeck, jr.",Jan,"Rue ""Neuve"" 1",1000,Bruxelles,BE,0.5',
      'B2,,,,Peeters,An,Kerkstraat 1,1000,Brussel,BE,1/2',
    ].join('\n')
    const res = await upload(syndic.token, b.id, form(csv), false)
    expect(res.status, res.text).toBe(201)
    expect(res.body).toMatchObject({ lots: 1, owners_new: 2, links: 2 })
    const owners = await api.request('GET', `/api/v1/owners?last_name=Broeck`, { token: syndic.token })
    expect(owners.body.data[0]).toMatchObject({ last_name: 'Van den Broeck, jr.', address: 'Rue "Neuve" 1' })
  })

  it('lists every error by row and column header and writes nothing, even for the valid rows', async () => {
    const { syndic, org } = await api.tenant()
    const b = await fx.building(syndic.token, { total_tantiemes: 1000 })
    await fx.unit(syndic.token, b.id, { unit_number: 'A1', quota: 800 })
    const csv = [
      FR_HEADER,
      'A1;appartement;1;80;100;;Dubois;Marc;;;;fr;Rue 1;1000;Bxl;BE;1;;',
      'A2;château;1;80;100;;Martin;Luc;;;pas-un-email;xx;Rue 1;1000;Bxl;BE;3/2;;',
      'A3;cave;-1;10;150;;;;;;;;;;;;;;',
      'A4;cave;-1;10;5;société;;;ACME;0123.456.789;;;Rue 1;1000;Bxl;BE;1;;',
    ].join('\n')
    const before = await counts(org.id)
    const preview = await upload(syndic.token, b.id, form(csv), true)
    expect(preview.status).toBe(200)
    const res = await upload(syndic.token, b.id, form(csv), false)
    expect(res.status, res.text).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.imported).toBe(false)
    expect(res.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'Numéro de lot'],
      [3, 'Type de lot'],
      [3, 'E-mail'],
      [3, 'Langue'],
      [3, 'Part'],
      [4, 'Quote-part (tantièmes)'],
      [5, "Numéro d'entreprise"],
    ])
    expect(preview.body.errors).toEqual(
      res.body.errors.map(({ row, column, message }: Record<string, unknown>) => ({ row, column, message })),
    )
    expect(await counts(org.id)).toEqual(before)
  })

  it('imports an XLSX workbook (dates and numbers as Excel cells, e-mail as a hyperlink)', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Kavels')
    ws.addRow([
      'Kavelnummer',
      'Type kavel',
      'Verdieping',
      'Oppervlakte (m²)',
      'Aandeel in de gemene delen (quotiteiten)',
      'Naam',
      'Voornaam',
      'E-mail',
      'Adres',
      'Postcode',
      'Gemeente',
      'Land',
      'Eigendomsaandeel',
      'Recht',
      'Begindatum',
    ])
    ws.addRow([
      '1',
      'Apartment',
      2,
      64.25,
      90,
      'Peeters',
      'Anne',
      { text: 'anne@example.be', hyperlink: 'mailto:anne@example.be' },
      'Kerkstraat 1',
      '1000',
      'Brussel',
      'BE',
      1,
      'vruchtgebruik',
      new Date(Date.UTC(2021, 2, 1)),
    ])
    ws.addRow([
      '1',
      null,
      null,
      null,
      null,
      'Peeters',
      'Bart',
      null,
      'Kerkstraat 1',
      '1000',
      'Brussel',
      'BE',
      1,
      'naakte eigendom',
      new Date(Date.UTC(2021, 2, 1)),
    ])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const res = await upload(syndic.token, b.id, form(bytes, 'whatever.txt'), false)
    expect(res.status, res.text).toBe(201)
    expect(res.body).toMatchObject({ lots: 1, owners_new: 2, links: 2 })
    const [lot] = (await lotsOf(syndic.token, b.id)) as unknown as { id: string }[]
    const links = await api.request('GET', `/api/v1/units/${lot?.id}/owners?date=2021-03-01`, {
      token: syndic.token,
    })
    expect(
      links.body.map((l: { right_type: string; start_date: string }) => [l.right_type, l.start_date]).sort(),
    ).toEqual([
      ['bare', '2021-03-01'],
      ['usufruct', '2021-03-01'],
    ])
  })

  it('round trip: export (CSV and XLSX) → import into an empty building → the same export', async () => {
    const { syndic } = await api.tenant()
    const source = await fx.building(syndic.token)
    expect((await upload(syndic.token, source.id, form(frenchCsv('rt@example.be')), false)).status).toBe(201)
    // History too: the company's lot is sold in 2024.
    const c1 = (await lotsOf(syndic.token, source.id)).find((l) => l.unit_number === 'C1') as unknown as {
      id: string
    }
    const buyer = await fx.owner(syndic.token, { phone: '+32 2 123 45 67' })
    const sale = await api.request('POST', `/api/v1/units/${c1.id}/transfer`, {
      token: syndic.token,
      body: { deed_date: '2024-03-15', buyers: [{ owner_id: buyer.id, ownership_share: 1 }] },
    })
    expect(sale.status, sale.text).toBe(200)
    const csv = await exportBytes(syndic.token, source.id, 'csv', 'nl')
    expect(csv.type).toContain('text/csv')
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes)).toMatch(
      /^\uFEFFKavelnummer;Type kavel;/,
    )
    for (const format of ['csv', 'xlsx'] as const) {
      const file = format === 'csv' ? csv : await exportBytes(syndic.token, source.id, 'xlsx', 'de')
      const target = await fx.building(syndic.token)
      const res = await upload(syndic.token, target.id, form(file.bytes), false)
      expect(res.status, res.text).toBe(201)
      const again = await exportBytes(syndic.token, target.id, 'csv', 'nl')
      expect(new TextDecoder().decode(again.bytes)).toBe(new TextDecoder().decode(csv.bytes))
    }
  })

  it('is the syndic’s: another organization’s building is a 404, an owner or accountant a 403', async () => {
    const a = await api.tenant()
    const b = await api.tenant()
    const building = await fx.building(a.syndic.token)
    const csv = frenchCsv('x@example.be')
    expect((await upload(b.syndic.token, building.id, form(csv), true)).status).toBe(404)
    expect(
      (
        await api.request('GET', `/api/v1/buildings/${building.id}/register-export`, {
          token: b.syndic.token,
        })
      ).status,
    ).toBe(404)
    expect((await upload(a.owner.token, building.id, form(csv), true)).status).toBe(403)
    expect((await upload(a.accountant.token, building.id, form(csv), true)).status).toBe(403)
    expect(
      (await api.request('GET', `/api/v1/buildings/${building.id}/register-export`, { token: a.owner.token }))
        .status,
    ).toBe(403)
    expect(await counts(a.org.id)).toMatchObject({ units: 0, owners: 0 })
    // The superadmin imports into any organization's building (that building's tenant).
    const admin = await api.user('superadmin', null)
    const done = await upload(admin.token, building.id, form(csv), false)
    expect(done.status, done.text).toBe(201)
    expect(await counts(a.org.id)).toMatchObject({ units: 3, audits: 1 })
    expect(await counts(b.org.id)).toMatchObject({ units: 0, owners: 0 })
  })

  it('refuses a file over the size limit, a binary or .xls file, and a request without file', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const big = `${FR_HEADER}\n${'A1;cave;1;10;1;;;;;;;;;;;;;;\n'.repeat(60_000)}`
    expect((await upload(syndic.token, b.id, form(big), true)).status).toBe(413)
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])
    expect((await upload(syndic.token, b.id, form(binary, 'register.csv'), true)).status).toBe(415)
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])
    const old = await upload(syndic.token, b.id, form(xls, 'register.xls'), true)
    expect(old.status).toBe(415)
    expect(old.body.error).toContain('.xlsx or CSV')
    const none = await api.request('POST', `/api/v1/buildings/${b.id}/register-import`, {
      token: syndic.token,
      body: { file: 'x' },
    })
    expect(none.status).toBe(400)
  })

  it('a retried import with the same Idempotency-Key is replayed, not imported twice', async () => {
    const { syndic, org } = await api.tenant()
    const b = await fx.building(syndic.token)
    const csv = frenchCsv('idem@example.be')
    const headers = { 'idempotency-key': `register-${b.id}` }
    const first = await upload(syndic.token, b.id, form(csv), false, headers)
    expect(first.status, first.text).toBe(201)
    const second = await upload(syndic.token, b.id, form(csv), false, headers)
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(await counts(org.id)).toMatchObject({ units: 3, audits: 1 })
  })

  it('two imports of one file into one building at once: one is written, the other lists the lots as taken', async () => {
    const { syndic, org } = await api.tenant()
    const b = await fx.building(syndic.token)
    const csv = frenchCsv('race@example.be')
    const answers = await Promise.all([
      upload(syndic.token, b.id, form(csv), false),
      upload(syndic.token, b.id, form(csv), false),
    ])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400])
    const refused = answers.find((a) => a.status === 400)
    expect(refused?.body.errors[0].message).toMatch(/already has a lot/)
    expect(await counts(org.id)).toMatchObject({ units: 3, links: 3, audits: 1 })
  })

  it('the example of docs/property-register.md imports as documented, and its 3/4 variant fails as documented', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const doc = readFileSync(new URL('../../docs/property-register.md', import.meta.url), 'utf8')
    const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1] ?? ''
    const ok = await upload(syndic.token, b.id, form(example), true)
    expect(ok.body).toMatchObject({ lots: 3, owners_new: 4, links: 4, errors: [] })
    const wrong = example.replace(
      'Marc;;Rue Haute 5;1000;Bruxelles;BE;1/2',
      'Marc;;Rue Haute 5;1000;Bruxelles;BE;3/4',
    )
    const refused = await upload(syndic.token, b.id, form(wrong), true)
    expect(refused.body.errors).toEqual([
      {
        row: 3,
        column: 'Share',
        message: expect.stringMatching(/^The shares of lot A1 would exceed 1 from 2020-01-15/),
      },
    ])
  })

  it('serves the template in the four languages, and the template imports as it is', async () => {
    const { syndic } = await api.tenant()
    for (const [lang, first] of [
      ['fr', 'Numéro de lot'],
      ['nl', 'Kavelnummer'],
      ['de', 'Einheitsnummer'],
      ['en', 'Lot number'],
    ] as const) {
      const res = await api.request('GET', `/api/v1/buildings/register-template?format=csv&lang=${lang}`, {
        token: syndic.token,
      })
      expect(res.status).toBe(200)
      expect(res.text.replace(/^\uFEFF/, '').split(';')[0]).toBe(first)
    }
    const xlsx = await api.app.request('/api/v1/buildings/register-template?format=xlsx&lang=fr', {
      headers: { authorization: `Bearer ${syndic.token}` },
    })
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    const b = await fx.building(syndic.token)
    const res = await upload(syndic.token, b.id, form(new Uint8Array(await xlsx.arrayBuffer())), true)
    expect(res.body).toMatchObject({ lots: 3, owners_new: 3, links: 3, errors: [] })
  })
})
